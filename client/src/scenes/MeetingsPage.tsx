import { useId, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { limits } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { MEETINGS_QUERY } from '../apollo/operations';
import { Alert } from '../components/Alert';
import { CreateMeetingForm } from '../components/CreateMeetingForm';
import { MeetingRow } from '../components/MeetingRow';
import { useOrganizationEvents } from '../hooks/useOrganizationEvents';

export function MeetingsPage() {
  const { t } = useTranslation();
  const id = useId();
  const live = useOrganizationEvents();
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(MEETINGS_QUERY, {
    variables: { first: limits.pageSizeDefault },
    notifyOnNetworkStatusChange: true,
  });

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
    body = (
      <p className="placeholder" role="status" data-testid="meetings-loading">
        <span className="spinner" aria-hidden="true" /> {t('meetings.loading')}
      </p>
    );
  } else if (error && !connection) {
    body = (
      <Alert
        tone="error"
        testId="meetings-error"
        action={
          <button
            type="button"
            className="button button--small"
            onClick={() => void refetch().catch(() => undefined)}
          >
            {t('common.retry')}
          </button>
        }
      >
        <strong>{t('meetings.loadError')}</strong> {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
      </Alert>
    );
  } else if (meetings.length === 0) {
    body = (
      <div className="placeholder placeholder--empty" data-testid="meetings-empty">
        <p>{t('meetings.empty')}</p>
        <p className="placeholder__hint">{t('meetings.emptyHint')}</p>
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
        {loadMoreError && <Alert tone="error">{loadMoreError}</Alert>}
        {connection?.pageInfo.hasNextPage && (
          <div className="load-more">
            <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
              {loadingMore ? t('meetings.loadingMore') : t('meetings.loadMore')}
            </button>
          </div>
        )}
      </>
    );
  }

  return (
    <div className="meetings-page">
      <section className="panel meetings" aria-labelledby={`${id}-heading`}>
        <h1 id={`${id}-heading`} className="panel__title panel__title--page">
          {t('meetings.heading')}
        </h1>
        {live.error && (
          <Alert
            tone="warning"
            testId="live-error"
            action={
              <button type="button" className="button button--small" onClick={live.restart}>
                {t('connection.reconnect')}
              </button>
            }
          >
            {t('meetings.liveError')}
          </Alert>
        )}
        {body}
      </section>
      <aside className="meetings-page__side">
        <CreateMeetingForm />
      </aside>
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}
