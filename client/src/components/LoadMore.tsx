import { Alert } from './Alert';

interface LoadMoreProps {
  /** Whether a next page is offered. */
  hasMore: boolean;
  /** A page is on its way: the button waits for it. */
  loading: boolean;
  /** Why the last page did not come, in words; shown until the next try. */
  error: string | null;
  onLoadMore: () => void;
  label: string;
  /** The button's text while a page is on its way; its label by default. */
  loadingLabel?: string;
}

/** The end of a paged list: why the last page failed, if it did, and the button that asks for the next. */
export function LoadMore({
  hasMore,
  loading,
  error,
  onLoadMore,
  label,
  loadingLabel = label,
}: LoadMoreProps) {
  return (
    <>
      {error && <Alert tone="error">{error}</Alert>}
      {hasMore && (
        <div className="load-more">
          <button type="button" className="button" onClick={onLoadMore} disabled={loading}>
            {loading ? loadingLabel : label}
          </button>
        </div>
      )}
    </>
  );
}
