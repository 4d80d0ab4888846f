import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ProposalKind, ProposalStatus, UnitKind } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { LoadMore } from '../../components/LoadMore';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { CreateProposalForm } from '../../components/proposal/CreateProposalForm';
import { ProposalFilters } from '../../components/proposal/ProposalFilters';
import type { ProposalFilterValues } from '../../components/proposal/ProposalFilters';
import { ProposalTable } from '../../components/proposal/ProposalTable';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useProposalListEvents } from '../../hooks/useProposalEvents';
import { useProposalViewer } from '../../hooks/useProposalViewer';
import { isMine, isWaitingFor, LIST_PAGE_SIZE, WAITING_FILTER } from './proposal-views';
import type { ProposalView } from './proposal-views';
import './setup';
import './proposals.css';

const VIEWS: readonly ProposalView[] = ['mine', 'waiting', 'all'];
/** Views and filters the server cannot apply are applied here, over at most this many pages. */
const MAX_PAGES = 10;

function oneOf<T extends string>(values: Record<string, T>, value: string | null): T | '' {
  return value && (Object.values(values) as string[]).includes(value) ? (value as T) : '';
}

/** The view and the filters live in the address: shareable, and Back works. */
function useListParams(): [
  ProposalView,
  ProposalFilterValues,
  (view: ProposalView, next: ProposalFilterValues) => void,
] {
  const [params, setParams] = useSearchParams();
  const viewParam = params.get('view');
  const view: ProposalView = (VIEWS as readonly string[]).includes(viewParam ?? '')
    ? (viewParam as ProposalView)
    : 'all';
  const filters: ProposalFilterValues = {
    status: oneOf(ProposalStatus, params.get('status')),
    leadUnitId: params.get('unit') ?? '',
    kind: oneOf(ProposalKind, params.get('kind')),
    overdue: params.get('overdue') === '1',
  };
  const set = useCallback(
    (nextView: ProposalView, next: ProposalFilterValues) => {
      const search = new URLSearchParams();
      if (nextView !== 'all') search.set('view', nextView);
      if (next.status && nextView !== 'waiting') search.set('status', next.status);
      if (next.leadUnitId) search.set('unit', next.leadUnitId);
      if (next.kind) search.set('kind', next.kind);
      if (next.overdue) search.set('overdue', '1');
      setParams(search, { replace: true });
    },
    [setParams],
  );
  return [view, filters, set];
}

export { ProposalLanding } from './ProposalLanding';
import { ProposalsDocument, UnitsDocument } from '../../generated/graphql';
import type { ProposalFilter, ProposalRowFieldsFragment } from '../../generated/graphql';

export function ProposalsPage() {
  const { t } = useTranslation();
  const id = useId();
  const [view, filters, setParams] = useListParams();
  const viewer = useProposalViewer();
  useDocumentTitle(t(`proposals.views.${view}`));
  const units = useQuery(UnitsDocument, { variables: { first: 100 } });
  const allUnits = useMemo(
    () =>
      (units.data?.units.edges.map((edge) => edge.node) ?? []).filter(
        (unit) => unit.kind !== UnitKind.COMMITTEE,
      ),
    [units.data],
  );

  // What the server filters: the status (the waiting view is of proposals in appraisal) and the lead unit.
  const serverFilter = useMemo<ProposalFilter | null>(() => {
    const status = view === 'waiting' ? WAITING_FILTER.status : filters.status ? [filters.status] : undefined;
    if (!status && !filters.leadUnitId) return null;
    return {
      ...(status ? { status } : {}),
      ...(filters.leadUnitId ? { leadUnitId: filters.leadUnitId } : {}),
    };
  }, [view, filters.status, filters.leadUnitId]);
  // What it cannot: the views' own rule, the kind, lateness.
  const filteredHere = view !== 'all' || filters.kind !== '' || filters.overdue;
  const anyFilter = Boolean(filters.status || filters.leadUnitId || filters.kind || filters.overdue);
  const keep = useCallback(
    (proposal: ProposalRowFieldsFragment) =>
      (view !== 'mine' || isMine(proposal, viewer.viewerId, viewer.unitIds)) &&
      (view !== 'waiting' || isWaitingFor(proposal, viewer.unitIds)) &&
      (!filters.kind || proposal.kind === filters.kind) &&
      (!filters.overdue || proposal.appraisals.edges.some(({ node }) => node.overdue)),
    [view, viewer.viewerId, viewer.unitIds, filters.kind, filters.overdue],
  );

  const { data, error, networkStatus, fetchMore, refetch } = useQuery(ProposalsDocument, {
    variables: { first: LIST_PAGE_SIZE, filter: serverFilter },
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.proposals;
  const loaded = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const shown = useMemo(() => loaded.filter(keep), [loaded, keep]);
  // Another view or filter (new variables) has no list yet either: loading, not "no proposals".
  const loadingFirst =
    (!connection &&
      (networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables)) ||
    viewer.loading;
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

  // Filtered here, a page may show nothing of what is further on: read on, up to MAX_PAGES pages.
  const pages = connection ? Math.ceil(connection.edges.length / LIST_PAGE_SIZE) : 0;
  useEffect(() => {
    if (!filteredHere || !connection?.pageInfo.hasNextPage || loadingMore || loadMoreError) return;
    if (pages >= MAX_PAGES) return;
    void loadMore();
  }, [filteredHere, connection, loadingMore, loadMoreError, pages, loadMore]);

  // Any change to a proposal or a round may move it into or out of the list: read it again, once per burst.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);
  const live = useProposalListEvents(() => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void refetch().catch(() => undefined), 100);
  });

  const mayCreate = viewer.units.length > 0;
  const waitingOf = useCallback(
    (proposal: ProposalRowFieldsFragment) => isWaitingFor(proposal, viewer.unitIds),
    [viewer.unitIds],
  );

  let body;
  if (loadingFirst) {
    body = <LoadingState label={t('proposals.list.loading')} testId="proposals-loading" />;
  } else if ((error && !connection) || viewer.error) {
    body = (
      <ErrorState
        testId="proposals-error"
        message={t('proposals.list.loadError')}
        error={error ?? viewer.error}
        onRetry={() => refetch()}
      />
    );
  } else if (shown.length === 0 && !(filteredHere && connection?.pageInfo.hasNextPage && pages < MAX_PAGES)) {
    body = (
      <div className="placeholder placeholder--empty" data-testid="proposals-empty">
        <p>{t(`proposals.list.empty.${view}`)}</p>
        <p className="placeholder__hint">
          {anyFilter ? t('proposals.list.emptyFiltered') : t(`proposals.list.emptyHint.${view}`)}
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <p className="meetings__summary" id={`${id}-summary`}>
          {filteredHere
            ? t('proposals.list.summaryFiltered', { shown: shown.length })
            : t('proposals.list.summary', {
                shown: shown.length,
                total: Math.max(connection?.totalCount ?? 0, shown.length),
              })}
        </p>
        <ProposalTable proposals={shown} describedBy={`${id}-summary`} isWaiting={waitingOf} />
        <LoadMore
          hasMore={!!connection?.pageInfo.hasNextPage && (!filteredHere || pages >= MAX_PAGES)}
          loading={loadingMore}
          error={loadMoreError}
          label={t('proposals.list.loadMore')}
          loadingLabel={t('proposals.list.loadingMore')}
          onLoadMore={() => void loadMore()}
        />
        {loadingMore && filteredHere && <LoadingState label={t('proposals.list.loadingMore')} />}
      </>
    );
  }

  return (
    <div className={mayCreate ? 'meetings-page' : 'meetings-page meetings-page--single'}>
      <section className="panel meetings" aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`} className="panel__title panel__title--page">
          {t('proposals.heading')}
        </h1>
        <nav className="proposal-views" aria-label={t('proposals.views.label')}>
          {VIEWS.map((option) => (
            <Link
              key={option}
              to={option === 'all' ? '/proposals' : `/proposals?view=${option}`}
              className={
                option === view ? 'proposal-views__link proposal-views__link--active' : 'proposal-views__link'
              }
              aria-current={option === view ? 'page' : undefined}
              data-testid={`proposal-view-${option}`}
            >
              {t(`proposals.views.${option}`)}
            </Link>
          ))}
        </nav>
        <LiveErrorAlert live={live} message={t('proposals.liveError')} />
        <ProposalFilters
          value={filters}
          onChange={(next) => setParams(view, next)}
          units={allUnits}
          statusFixed={view === 'waiting'}
        />
        {body}
      </section>
      {mayCreate && (
        <aside className="meetings-page__side">
          <CreateProposalForm viewer={viewer} units={allUnits} />
        </aside>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
