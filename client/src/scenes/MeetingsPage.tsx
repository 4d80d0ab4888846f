import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { limits, MeetingKind, MeetingStatus, upcomingMeetingStatuses } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { LoadMore } from '../components/LoadMore';
import { LiveErrorAlert } from '../components/LiveErrorAlert';
import { CreateMeetingForm } from '../components/CreateMeetingForm';
import { ErrorState, LoadingState } from '../components/LoadState';
import { MeetingFilters } from '../components/MeetingFilters';
import type { MeetingFilterValues } from '../components/MeetingFilters';
import { MeetingRow } from '../components/MeetingRow';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useSessionContext } from '../hooks/useOrganization';
import { useOrganizationEvents } from '../hooks/useOrganizationEvents';
import { MeetingsDocument } from '../generated/graphql';
import type { MeetingFilter } from '../generated/graphql';

function oneOf<T extends string>(values: Record<string, T>, value: string | null): T | '' {
  return value && (Object.values(values) as string[]).includes(value) ? (value as T) : '';
}

/** A time the address gives (`upcoming=`), or '' when it is none. */
function instant(value: string | null): string {
  return value && !Number.isNaN(Date.parse(value)) ? value : '';
}

/**
 * The filters live in the address (`?status=SCHEDULED&kind=REGULAR&committee=…`, and `upcoming=<from>` for
 * the meetings still to come from a time on, the dashboard's figure): shareable, and Back works.
 */
function useFilterParams(): [MeetingFilterValues, (next: MeetingFilterValues) => void] {
  const [params, setParams] = useSearchParams();
  const value: MeetingFilterValues = {
    status: oneOf(MeetingStatus, params.get('status')),
    kind: oneOf(MeetingKind, params.get('kind')),
    committeeId: params.get('committee') ?? '',
    upcomingFrom: instant(params.get('upcoming')),
  };
  const setValue = useCallback(
    (next: MeetingFilterValues) => {
      const search = new URLSearchParams();
      if (next.status) search.set('status', next.status);
      if (next.kind) search.set('kind', next.kind);
      if (next.committeeId) search.set('committee', next.committeeId);
      if (next.upcomingFrom) search.set('upcoming', next.upcomingFrom);
      setParams(search, { replace: true });
    },
    [setParams],
  );
  return [value, setValue];
}

export function MeetingsPage() {
  const { t } = useTranslation();
  const id = useId();
  useDocumentTitle(t('meetings.heading'));
  // The form is offered only to those the server lets create meetings (the office).
  const mayCreate = useSessionContext().viewer.can?.createMeeting ?? false;
  const [filterValues, setFilterValues] = useFilterParams();
  const filter = useMemo<MeetingFilter | null>(() => {
    const { status, kind, committeeId, upcomingFrom } = filterValues;
    if (!status && !kind && !committeeId && !upcomingFrom) return null;
    return {
      ...(status ? { status: [status] } : upcomingFrom ? { status: [...upcomingMeetingStatuses] } : {}),
      ...(upcomingFrom ? { from: upcomingFrom } : {}),
      ...(kind ? { kind: [kind] } : {}),
      ...(committeeId ? { committeeId } : {}),
    };
  }, [filterValues]);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(MeetingsDocument, {
    variables: { first: limits.pageSizeDefault, filter },
    notifyOnNetworkStatusChange: true,
  });

  // The unfiltered list is kept by the cache; a filtered one is asked again, since a
  // meeting may have just entered or left it. Bursts of events cost one refetch.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);
  const live = useOrganizationEvents(
    filter
      ? () => {
          clearTimeout(refetchTimer.current);
          refetchTimer.current = setTimeout(() => void refetch().catch(() => undefined), 150);
        }
      : undefined,
  );

  const connection = data?.meetings;
  const meetings = connection?.edges.map((edge) => edge.node) ?? [];
  const loadingFirst = networkStatus === NetworkStatus.loading && !connection;
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  async function loadMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } catch (err) {
      setLoadMoreError(t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`));
    }
  }

  let body;
  if (loadingFirst) {
    body = <LoadingState label={t('meetings.loading')} testId="meetings-loading" />;
  } else if (error && !connection) {
    body = (
      <ErrorState
        testId="meetings-error"
        message={t('meetings.loadError')}
        error={error}
        onRetry={() => refetch()}
      />
    );
  } else if (meetings.length === 0) {
    body = filter ? (
      <div className="placeholder placeholder--empty" data-testid="meetings-empty">
        <p>{t('meetings.emptyFiltered')}</p>
        <p className="placeholder__hint">{t('meetings.emptyFilteredHint')}</p>
      </div>
    ) : (
      <div className="placeholder placeholder--empty" data-testid="meetings-empty">
        <p>{t('meetings.empty')}</p>
        <p className="placeholder__hint">
          {t(mayCreate ? 'meetings.emptyHint' : 'meetings.emptyHintReader')}
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <p className="meetings__summary" id={`${id}-summary`}>
          {t('meetings.summary', {
            shown: meetings.length,
            total: Math.max(connection?.totalCount ?? 0, meetings.length),
          })}
        </p>
        <div className="table-wrap">
          <table className="meetings-table" aria-describedby={`${id}-summary`} data-testid="meetings-table">
            <caption className="visually-hidden">{t('meetings.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('meetings.columns.title')}</th>
                <th scope="col">{t('meetings.columns.kind')}</th>
                <th scope="col">{t('meetings.columns.status')}</th>
                <th scope="col">{t('meetings.columns.startsAt')}</th>
                <th scope="col">{t('meetings.columns.location')}</th>
                <th scope="col">{t('meetings.columns.committee')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('meetings.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {meetings.map((meeting) => (
                <MeetingRow key={meeting.id} meeting={meeting} />
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          hasMore={!!connection?.pageInfo.hasNextPage}
          loading={loadingMore}
          error={loadMoreError}
          label={t('meetings.loadMore')}
          loadingLabel={t('meetings.loadingMore')}
          onLoadMore={() => void loadMore()}
        />
      </>
    );
  }

  return (
    <div className={mayCreate ? 'meetings-page' : 'meetings-page meetings-page--single'}>
      <section className="panel meetings" aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`} className="panel__title panel__title--page">
          {t('meetings.heading')}
        </h1>
        <LiveErrorAlert live={live} message={t('meetings.liveError')} />
        <MeetingFilters value={filterValues} onChange={setFilterValues} />
        {body}
      </section>
      {mayCreate && (
        <aside className="meetings-page__side">
          <CreateMeetingForm />
        </aside>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
