import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Alert } from '../../components/Alert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { useFormatDateTime } from '../../hooks/useFormat';
import { useViewerRole } from '../../hooks/useViewerRole';
import { ConfirmDialog, errorText } from '../admin/ui';
import { DeleteWebhookDocument, RedeliverWebhookDocument, WebhooksDocument } from '../../generated/graphql';
import type { WebhookDeliveryFieldsFragment, WebhookFieldsFragment } from '../../generated/graphql';

/** The server's largest page: an owner has a handful of webhooks, so one page shows them all. */
const WEBHOOKS_PAGE = 100;
/**
 * How often the log is read again while a delivery is pending and due within `DUE_SOON_MS`: a redelivery or a
 * retry happens on the server after the mutation answers, and no feed tells of delivery attempts. A delivery
 * retried an hour later is not worth reading every few seconds for.
 */
const PENDING_POLL_MS = 2_000;
const DUE_SOON_MS = 30_000;

/** The guide's section on webhooks: its anchor is the heading's slug (server/src/docs, `slug`). */
const docsHref = (language: string) =>
  language === 'en' ? '/docs/en#webhooks-and-verifying-signatures' : '/docs#webhook-va-kiem-tra-chu-ky';

/**
 * The viewer's webhooks (an administrator's: the organization's, as `webhooks` answers), each with its latest
 * deliveries: send one again, or delete the webhook after a confirmation. Registering a webhook takes an API
 * token (a session is refused), so the section explains that and links to the guide instead of offering it.
 */
export function WebhooksSection() {
  const { t, i18n } = useTranslation();
  const { isAdmin } = useViewerRole();
  const [pending, setPending] = useState(false);
  const { data, loading, error, refetch } = useQuery(WebhooksDocument, {
    variables: { first: WEBHOOKS_PAGE },
    fetchPolicy: 'cache-and-network',
    pollInterval: pending ? PENDING_POLL_MS : 0,
  });
  const [deleteWebhook] = useMutation(DeleteWebhookDocument);
  const [deleting, setDeleting] = useState<WebhookFieldsFragment | null>(null);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const webhooks = data?.webhooks.edges.map((edge) => edge.node) ?? [];
  const dueSoon = webhooks.some((webhook) =>
    webhook.deliveries.edges.some(
      ({ node }) => node.status === 'PENDING' && Date.parse(node.nextAttemptAt) - Date.now() < DUE_SOON_MS,
    ),
  );
  // Derived from the last answer, in render (React's "state from the previous render"): polling starts and
  // stops with it.
  if (dueSoon !== pending) setPending(dueSoon);

  return (
    <section id="webhooks" className="panel account__section" aria-labelledby="webhooks-heading">
      <h2 id="webhooks-heading" className="panel__title" tabIndex={-1}>
        {t('account.webhooks.heading')}
      </h2>
      <p className="account__intro">
        {isAdmin ? t('account.webhooks.introAdmin') : t('account.webhooks.intro')}
      </p>
      <p>
        <a href={docsHref(i18n.language)} data-testid="webhooks-docs-link">
          {t('account.webhooks.docs')}
        </a>
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {loading && !data ? (
        <LoadingState label={t('account.webhooks.loading')} />
      ) : error && !data ? (
        <ErrorState
          message={t('account.webhooks.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : webhooks.length === 0 ? (
        <p className="admin-table__muted" data-testid="webhooks-empty">
          {t('account.webhooks.empty')}
        </p>
      ) : (
        <ul className="plain-list" data-testid="webhooks">
          {webhooks.map((webhook) => (
            <WebhookItem
              key={webhook.id}
              webhook={webhook}
              showOwner={isAdmin}
              onDelete={() => setDeleting(webhook)}
              onMessage={setMessage}
            />
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('account.webhooks.deleteTitle', { url: deleting.url })}
          body={t('account.webhooks.deleteBody')}
          confirmLabel={t('account.webhooks.deleteConfirm')}
          testId="delete-webhook-dialog"
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            setMessage(null);
            await deleteWebhook({
              variables: { input: { id: deleting.id } },
              update(cache) {
                cache.evict({ id: cache.identify({ __typename: 'Webhook', id: deleting.id }) });
                cache.gc();
              },
            });
            setMessage({ tone: 'success', text: t('account.webhooks.deleted', { url: deleting.url }) });
            document.getElementById('webhooks-heading')?.focus();
          }}
        />
      )}
    </section>
  );
}

interface WebhookItemProps {
  webhook: WebhookFieldsFragment;
  /** An administrator sees the organization's webhooks: whose each is. */
  showOwner: boolean;
  onDelete: () => void;
  onMessage: (message: { tone: 'success' | 'error'; text: string } | null) => void;
}

function WebhookItem({ webhook, showOwner, onDelete, onMessage }: WebhookItemProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const [redeliver] = useMutation(RedeliverWebhookDocument, { refetchQueries: [WebhooksDocument] });
  const [busy, setBusy] = useState<string | null>(null);
  const deliveries = webhook.deliveries.edges.map((edge) => edge.node);
  const headingId = `webhook-${webhook.id}-heading`;

  async function sendAgain(delivery: WebhookDeliveryFieldsFragment) {
    setBusy(delivery.id);
    onMessage(null);
    try {
      await redeliver({ variables: { input: { deliveryId: delivery.id } } });
      onMessage({ tone: 'success', text: t('account.webhooks.redelivered', { event: delivery.eventType }) });
    } catch (err) {
      onMessage({ tone: 'error', text: errorText(t, err) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <li
      className="account__subform"
      data-testid="webhook"
      data-webhook-id={webhook.id}
      data-state={webhook.disabledAt ? 'disabled' : 'active'}
    >
      <h3 id={headingId} className="account__subtitle">
        <code>{webhook.url}</code>
      </h3>
      <dl className="facts">
        {showOwner && (
          <div>
            <dt>{t('account.webhooks.owner')}</dt>
            <dd data-testid="webhook-owner">{webhook.owner.fullName}</dd>
          </div>
        )}
        <div>
          <dt>{t('account.webhooks.follows')}</dt>
          <dd>
            {t(`account.webhooks.scope.${webhook.scopeType}`)}
            {webhook.scopeId && <span className="admin-table__sub">{webhook.scopeId}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('account.webhooks.eventTypes')}</dt>
          <dd>
            {webhook.eventTypes.length === 0 ? (
              t('account.webhooks.allEvents')
            ) : (
              <ul className="chip-list">
                {webhook.eventTypes.map((type) => (
                  <li key={type} className="chip">
                    {type}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('account.webhooks.state')}</dt>
          <dd data-testid="webhook-state">
            {webhook.disabledAt ? (
              <>
                <span className="badge badge--token-revoked">
                  {t('account.webhooks.disabled', { date: formatDateTime(webhook.disabledAt) })}
                </span>
                {webhook.disabledReason && <span className="admin-table__sub">{webhook.disabledReason}</span>}
              </>
            ) : (
              <span className="badge badge--token-active">{t('account.webhooks.active')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('account.webhooks.createdAt')}</dt>
          <dd>{formatDateTime(webhook.createdAt)}</dd>
        </div>
      </dl>
      <h4 className="account__subtitle">{t('account.webhooks.deliveriesHeading')}</h4>
      {deliveries.length === 0 ? (
        <p className="admin-table__muted">{t('account.webhooks.noDeliveries')}</p>
      ) : (
        <>
          {webhook.deliveries.totalCount > deliveries.length && (
            <p className="field__hint">
              {t('account.webhooks.deliveriesCount', {
                shown: deliveries.length,
                total: webhook.deliveries.totalCount,
              })}
            </p>
          )}
          <div className="table-wrap">
            <table className="admin-table" data-testid="webhook-deliveries">
              <caption className="visually-hidden">
                {t('account.webhooks.caption', { url: webhook.url })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('account.webhooks.event')}</th>
                  <th scope="col">{t('account.webhooks.cursor')}</th>
                  <th scope="col">{t('account.webhooks.status')}</th>
                  <th scope="col">{t('account.webhooks.attempts')}</th>
                  <th scope="col">{t('account.webhooks.lastResponse')}</th>
                  <th scope="col">{t('account.webhooks.when')}</th>
                  <th scope="col" className="cell-actions">
                    <span className="visually-hidden">{t('ui.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {deliveries.map((delivery) => {
                  const last = delivery.attempts.at(-1);
                  const when = delivery.deliveredAt ?? last?.createdAt;
                  return (
                    <tr
                      key={delivery.id}
                      data-testid="webhook-delivery"
                      data-delivery-id={delivery.id}
                      data-status={delivery.status}
                    >
                      <th scope="row">
                        <code>{delivery.eventType}</code>
                      </th>
                      <td>
                        <code>{delivery.eventSeq}</code>
                      </td>
                      <td data-testid="delivery-status">{deliveryStatus(t, delivery, formatDateTime)}</td>
                      <td data-testid="delivery-attempts">{delivery.attemptCount}</td>
                      <td>
                        {!last
                          ? t('account.webhooks.noResponse')
                          : last.responseStatus !== null
                            ? t('account.webhooks.httpStatus', { status: last.responseStatus })
                            : last.error}
                      </td>
                      <td className="cell-nowrap">{when ? formatDateTime(when) : t('common.none')}</td>
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="button button--small"
                          aria-label={t('account.webhooks.redeliverLabel', {
                            event: delivery.eventType,
                            cursor: delivery.eventSeq,
                          })}
                          disabled={busy === delivery.id}
                          onClick={() => void sendAgain(delivery)}
                        >
                          {t('account.webhooks.redeliver')}
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="account__buttons">
        <button
          type="button"
          className="button button--small button--danger"
          aria-label={t('account.webhooks.deleteLabel', { url: webhook.url })}
          onClick={onDelete}
        >
          {t('account.webhooks.delete')}
        </button>
      </div>
    </li>
  );
}

/** A delivery's status in words: a pending one says whether it already failed and when it is tried next. */
function deliveryStatus(
  t: TFunction,
  delivery: WebhookDeliveryFieldsFragment,
  formatDateTime: (iso: string) => string,
): string {
  if (delivery.status === 'DELIVERED') return t('account.webhooks.statusDelivered');
  if (delivery.status === 'FAILED') return t('account.webhooks.statusFailed');
  return delivery.attemptCount === 0
    ? t('account.webhooks.statusWaiting')
    : t('account.webhooks.statusRetrying', { date: formatDateTime(delivery.nextAttemptAt) });
}
