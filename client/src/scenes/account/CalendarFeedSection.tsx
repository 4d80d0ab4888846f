import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useFormatDateTime } from '../../hooks/useFormat';
import { ConfirmDialog, Dialog, SecretBox, errorText } from '../admin/ui';
import {
  ApiTokensDocument,
  CalendarFeedDocument,
  CreateCalendarFeedDocument,
  RevokeCalendarFeedDocument,
} from '../../generated/graphql';

/** The server answers with a path (`/calendar/<token>.ics`): calendar apps need the whole address. */
function absoluteUrl(url: string): string {
  try {
    return new URL(url, window.location.origin).href;
  } catch {
    return url;
  }
}

/** The viewer's iCalendar subscription: create or replace (the URL shown once), revoke, last read. */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { data, loading, error, refetch } = useQuery(CalendarFeedDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const refetchQueries = [CalendarFeedDocument, ApiTokensDocument];
  const [createFeed, { loading: creating }] = useMutation(CreateCalendarFeedDocument, { refetchQueries });
  const [revokeFeed] = useMutation(RevokeCalendarFeedDocument, { refetchQueries });
  const [confirming, setConfirming] = useState<'replace' | 'revoke' | null>(null);
  const [createdUrl, setCreatedUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const feed = data?.calendarFeed ?? null;

  async function create() {
    setMessage(null);
    const result = await createFeed();
    const url = result.data?.createCalendarFeed.url;
    if (url) setCreatedUrl(absoluteUrl(url));
  }

  async function createFromButton() {
    try {
      await create();
    } catch (err) {
      setMessage({ tone: 'error', text: errorText(t, err) });
    }
  }

  return (
    <section id="calendar-feed" className="panel account__section" aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading" className="panel__title">
        {t('account.feed.heading')}
      </h2>
      <p className="account__intro">{t('account.feed.intro')}</p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}

      {loading && !data ? (
        <LoadingState label={t('account.feed.loading')} />
      ) : error && !data ? (
        <ErrorState
          message={t('account.feed.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : feed ? (
        <div data-testid="calendar-feed" data-state="active">
          <p className="feed__status">
            <span className="badge badge--token-active">{t('account.feed.active')}</span>
          </p>
          <dl className="facts">
            <div>
              <dt>{t('account.feed.createdAt')}</dt>
              <dd>{formatDateTime(feed.createdAt)}</dd>
            </div>
            <div>
              <dt>{t('account.feed.lastUsedAt')}</dt>
              <dd>{feed.lastUsedAt ? formatDateTime(feed.lastUsedAt) : t('account.feed.neverUsed')}</dd>
            </div>
          </dl>
          <div className="account__buttons">
            <button
              type="button"
              className="button"
              onClick={() => setConfirming('replace')}
              disabled={creating}
            >
              {t('account.feed.replace')}
            </button>
            <button type="button" className="button button--danger" onClick={() => setConfirming('revoke')}>
              {t('account.feed.revoke')}
            </button>
          </div>
        </div>
      ) : (
        <div data-testid="calendar-feed" data-state="none">
          <p className="admin-table__muted">{t('account.feed.none')}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void createFromButton()}
            disabled={creating}
          >
            {t('account.feed.create')}
          </button>
        </div>
      )}

      {confirming === 'replace' && (
        <ConfirmDialog
          title={t('account.feed.replaceTitle')}
          body={t('account.feed.replaceBody')}
          confirmLabel={t('account.feed.replaceConfirm')}
          tone="primary"
          onClose={() => setConfirming(null)}
          onConfirm={create}
        />
      )}
      {confirming === 'revoke' && (
        <ConfirmDialog
          title={t('account.feed.revokeTitle')}
          body={t('account.feed.revokeBody')}
          confirmLabel={t('account.feed.revokeConfirm')}
          onClose={() => setConfirming(null)}
          onConfirm={async () => {
            await revokeFeed();
            setMessage({ tone: 'success', text: t('account.feed.revoked') });
          }}
        />
      )}

      {createdUrl && (
        <Dialog
          title={t('account.feed.heading')}
          onClose={() => setCreatedUrl(null)}
          testId="calendar-feed-dialog"
          wide
        >
          <SecretBox
            label={t('account.feed.urlLabel')}
            value={createdUrl}
            warning={t('account.feed.urlWarning')}
            testId="calendar-feed-url"
          />
          <p className="feed__howto">{t('account.feed.howTo')}</p>
          <ul className="plain-list feed__apps">
            <li>{t('account.feed.howToOutlook')}</li>
            <li>{t('account.feed.howToGoogle')}</li>
            <li>{t('account.feed.howToApple')}</li>
          </ul>
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={() => setCreatedUrl(null)}>
              {t('ui.done')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
