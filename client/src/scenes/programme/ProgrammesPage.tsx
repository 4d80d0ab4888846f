import { useCallback, useId, useRef, useEffect, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { apiErrorInfo } from '../../apollo/errors';
import { LoadMore } from '../../components/LoadMore';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { CreateProgrammeForm } from '../../components/programme/CreateProgrammeForm';
import { usePercent } from '../../components/programme/programme-format';
import { useCommittees } from '../../hooks/useCommittees';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useProgrammeListEvents } from '../../hooks/useProgrammeEvents';
import { ProgrammeAbilitiesDocument, ProgrammesDocument } from '../../generated/graphql';
import './setup';
import './programme.css';

const PAGE_SIZE = 50;

/** The annual work programmes, latest year first; the office creates one beside the list. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const id = useId();
  const percent = usePercent();
  useDocumentTitle(t('programme.nav'));
  const abilities = useQuery(ProgrammeAbilitiesDocument);
  const mayCreate = abilities.data?.viewer?.can?.createProgramme ?? false;
  const { committees } = useCommittees();
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(ProgrammesDocument, {
    variables: { first: PAGE_SIZE },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.programmes;
  const programmes = connection?.edges.map((edge) => edge.node) ?? [];
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  const loadMore = useCallback(async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } catch (err) {
      setLoadMoreError(t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`));
    }
  }, [connection, fetchMore, t]);

  // A new programme or any item's change moves the figures: read the list again, once per burst.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const live = useProgrammeListEvents(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void refetch().catch(() => undefined), 100);
  });

  let body;
  if (!connection && !error) {
    body = <LoadingState label={t('programme.list.loading')} testId="programmes-loading" />;
  } else if (!connection) {
    body = (
      <ErrorState
        testId="programmes-error"
        message={t('programme.list.loadError')}
        error={error}
        onRetry={() => refetch()}
      />
    );
  } else if (programmes.length === 0) {
    body = (
      <div className="placeholder placeholder--empty" data-testid="programmes-empty">
        <p>{t('programme.list.empty')}</p>
        <p className="placeholder__hint">
          {mayCreate ? t('programme.list.emptyHintOffice') : t('programme.list.emptyHint')}
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <div className="table-wrap">
          <table className="meetings-table" data-testid="programmes-table">
            <caption className="visually-hidden">{t('programme.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('programme.list.columns.year')}</th>
                <th scope="col">{t('programme.list.columns.title')}</th>
                <th scope="col">{t('programme.list.columns.unit')}</th>
                <th scope="col">{t('programme.list.columns.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((programme) => (
                <tr key={programme.id} data-testid="programme-row" data-programme-id={programme.id}>
                  <td className="cell-nowrap">{programme.year}</td>
                  <td className="cell-title">
                    <Link to={`/programme/${programme.id}`} data-testid="programme-link">
                      {programme.title}
                    </Link>
                  </td>
                  <td>{programme.unit.shortName ?? programme.unit.name}</td>
                  <td>
                    <span className="cell-stack">
                      <span data-testid="programme-row-progress">
                        {t('programme.summary.adoptedOf', {
                          adopted: programme.adoptedCount,
                          planned: programme.plannedCount,
                        })}{' '}
                        ({percent(programme.progress)})
                      </span>
                      <progress
                        className="programme-progress__bar programme-progress__bar--small"
                        value={programme.adoptedCount}
                        max={Math.max(1, programme.plannedCount)}
                        aria-hidden="true"
                      />
                      {programme.slippingCount > 0 && (
                        <span className="badge badge--slipping">
                          {t('programme.summary.slipping', { count: programme.slippingCount })}
                        </span>
                      )}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          hasMore={connection.pageInfo.hasNextPage}
          loading={loadingMore}
          error={loadMoreError}
          label={t('programme.list.loadMore')}
          loadingLabel={t('programme.list.loadingMore')}
          onLoadMore={() => void loadMore()}
        />
      </>
    );
  }

  return (
    <div className={mayCreate ? 'meetings-page' : 'meetings-page meetings-page--single'}>
      <section className="panel meetings" aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`} className="panel__title panel__title--page">
          {t('programme.list.heading')}
        </h1>
        <LiveErrorAlert live={live} message={t('programme.liveError')} />
        {body}
      </section>
      {mayCreate && (
        <aside className="meetings-page__side">
          <CreateProgrammeForm committees={committees} />
        </aside>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
