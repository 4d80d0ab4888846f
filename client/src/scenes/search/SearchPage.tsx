import { useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';
import { LoadMore } from '../../components/LoadMore';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { SearchDocument } from '../../generated/graphql';
import type { SearchKind, SearchQuery } from '../../generated/graphql';
import '../../components/search.css';

const PAGE = 50;
/** The groups, in the order shown. */
const KINDS: readonly SearchKind[] = ['PROPOSAL', 'MEETING', 'AGENDA_ITEM', 'TASK', 'COMMENT'];

/** Where a result leads: its own page, an agenda item's meeting, a comment's proposal. */
function linkTo(result: SearchQuery['search']['edges'][number]['node']): string | null {
  switch (result.kind) {
    case 'MEETING':
      return `/meetings/${result.id}`;
    case 'AGENDA_ITEM':
      return result.meeting ? `/meetings/${result.meeting.id}` : null;
    case 'PROPOSAL':
      return `/proposals/${result.id}`;
    case 'COMMENT':
      return result.proposal ? `/proposals/${result.proposal.id}` : null;
    case 'TASK':
      return `/tasks/${result.id}`;
  }
}

/** `/search?q=…`: what the viewer may read that matches, grouped by kind with the count of each. */
export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim();
  useDocumentTitle(query ? t('search.headingFor', { query }) : t('search.heading'));
  const [moreError, setMoreError] = useState<string | null>(null);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(SearchDocument, {
    variables: { query, first: PAGE },
    skip: !query,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  if (!query) {
    return (
      <section className="page" aria-labelledby="search-heading">
        <h1 id="search-heading">{t('search.heading')}</h1>
        <p className="placeholder placeholder--empty">{t('search.prompt')}</p>
      </section>
    );
  }

  const loading = networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables;
  const page = data?.search ?? (loading ? undefined : previousData?.search);
  let body;
  if (error && !data) {
    body = (
      <ErrorState message={t('search.loadError')} error={error} onRetry={() => refetch()}>
        {describeInputError(error, t)}
      </ErrorState>
    );
  } else if (!page) {
    body = <LoadingState />;
  } else if (page.totalCount === 0) {
    body = (
      <div className="placeholder placeholder--empty" role="status" data-testid="search-empty">
        <p>{t('search.empty', { query })}</p>
        <p className="placeholder__hint">{t('search.emptyHint')}</p>
      </div>
    );
  } else {
    const counts = new Map(page.counts.map((entry) => [entry.kind, entry.count]));
    const results = page.edges.map((edge) => edge.node);
    body = (
      <>
        <p role="status" data-testid="search-total">
          {t('search.total', { count: page.totalCount })}
        </p>
        {KINDS.filter((kind) => (counts.get(kind) ?? 0) > 0).map((kind) => {
          const group = results.filter((result) => result.kind === kind);
          const headingId = `search-group-${kind}`;
          return (
            <section
              key={kind}
              className="search-results__group"
              aria-labelledby={headingId}
              data-testid={`search-group-${kind}`}
            >
              <h2 id={headingId}>
                {t('search.groupCount', { kind: t(`search.kinds.${kind}`), count: counts.get(kind) })}
              </h2>
              <ul className="search-results__list">
                {group.map((result) => {
                  const to = linkTo(result);
                  return (
                    <li
                      key={`${result.kind}:${result.id}`}
                      className="search-results__item"
                      data-testid="search-result"
                    >
                      {to ? (
                        <Link to={to} className="search-results__title">
                          {result.title}
                        </Link>
                      ) : (
                        <span className="search-results__title">{result.title}</span>
                      )}
                      {result.kind === 'AGENDA_ITEM' && result.meeting && (
                        <p className="search-results__context">
                          {t('search.inMeeting', { title: result.meeting.title })}
                        </p>
                      )}
                      {result.kind === 'COMMENT' && result.proposal && (
                        <p className="search-results__context">
                          {t('search.onProposal', { title: result.proposal.title })}
                        </p>
                      )}
                      {result.snippet && <p className="search-results__snippet">{result.snippet}</p>}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
        <LoadMore
          hasMore={page.pageInfo.hasNextPage}
          loading={networkStatus === NetworkStatus.fetchMore}
          error={moreError}
          label={t('search.more')}
          onLoadMore={() => {
            setMoreError(null);
            fetchMore({
              variables: { after: page.pageInfo.endCursor },
              updateQuery: (previous, { fetchMoreResult }) => ({
                search: {
                  ...fetchMoreResult.search,
                  edges: [...previous.search.edges, ...fetchMoreResult.search.edges],
                },
              }),
            }).catch((err: unknown) => setMoreError(t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`)));
          }}
        />
      </>
    );
  }

  return (
    <section className="page" aria-labelledby="search-heading" aria-busy={loading}>
      <h1 id="search-heading">{t('search.headingFor', { query })}</h1>
      {body}
    </section>
  );
}
