import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ApiTokenScope } from '@quorum/shared';
import { useFormatDateTime, useLocale } from '../../hooks/useFormat';
import { useTimeZone } from '../../hooks/useOrganization';
import { formatDate } from '../../i18n/format';
import { Alert } from '../../components/Alert';
import { ConfirmDialog, errorText } from './ui';
import { ConfirmApiTokenDocument, RevokeApiTokenDocument } from '../../generated/graphql';
import type { ApiTokenFieldsFragment } from '../../generated/graphql';

export type TokenState = 'active' | 'revoked' | 'expired';

export function tokenState(token: ApiTokenFieldsFragment, now = Date.now()): TokenState {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= now) return 'expired';
  return 'active';
}

/** A calendar feed's token (CALENDAR only): managed on the account page as the feed, not as an API token. */
export function isCalendarFeedToken(token: ApiTokenFieldsFragment): boolean {
  return token.scopes.length > 0 && token.scopes.every((scope) => scope === ApiTokenScope.CALENDAR);
}

interface ApiTokenTableProps {
  tokens: ApiTokenFieldsFragment[];
  caption: string;
  showOwner?: boolean;
  /** Announced after a revocation. */
  onRevoked?: (message: string) => void;
  /** Announced after a token flagged for review is kept. */
  onConfirmed?: (message: string) => void;
  testId?: string;
}

/**
 * API tokens with their scopes, dates and state; "Revoke" where the viewer may, after a confirmation. A token
 * flagged for review (its owner's password changed) says so, with "Keep" beside "Revoke".
 */
export function ApiTokenTable({
  tokens,
  caption,
  showOwner,
  onRevoked,
  onConfirmed,
  testId,
}: ApiTokenTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const formatDateTime = useFormatDateTime();
  const [revoking, setRevoking] = useState<ApiTokenFieldsFragment | null>(null);
  const [revokeToken] = useMutation(RevokeApiTokenDocument);
  const [confirmToken, { loading: confirming }] = useMutation(ConfirmApiTokenDocument);
  const [keepError, setKeepError] = useState<string | null>(null);

  async function keep(token: ApiTokenFieldsFragment) {
    setKeepError(null);
    try {
      await confirmToken({ variables: { id: token.id } });
      onConfirmed?.(t('admin.token.keptDone', { name: token.name }));
    } catch (err) {
      setKeepError(errorText(t, err));
    }
  }

  return (
    <>
      {keepError && <Alert tone="error">{keepError}</Alert>}
      <div className="table-wrap">
        <table className="admin-table" data-testid={testId}>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.token.name')}</th>
              {showOwner && <th scope="col">{t('admin.token.owner')}</th>}
              <th scope="col">{t('admin.token.scopes')}</th>
              <th scope="col">{t('admin.token.createdAt')}</th>
              <th scope="col">{t('admin.token.lastUsedAt')}</th>
              <th scope="col">{t('admin.token.expiresAt')}</th>
              <th scope="col">{t('admin.token.state')}</th>
              <th scope="col" className="cell-actions">
                <span className="visually-hidden">{t('ui.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const state = tokenState(token);
              const review = state === 'active' && token.reviewRequestedAt !== null;
              return (
                <tr
                  key={token.id}
                  data-testid="api-token-row"
                  data-token-id={token.id}
                  data-state={state}
                  data-review={review || undefined}
                  className={state === 'active' ? undefined : 'admin-table__row--ended'}
                >
                  <th scope="row" className="admin-table__name">
                    {token.name}
                    {isCalendarFeedToken(token) && (
                      <span className="admin-table__sub">{t('admin.token.calendarFeed')}</span>
                    )}
                  </th>
                  {showOwner && (
                    <td>
                      {token.owner.fullName}
                      <span className="admin-table__sub">{token.owner.email}</span>
                    </td>
                  )}
                  <td>
                    <ul className="chip-list" aria-label={t('admin.token.scopes')}>
                      {token.scopes.map((scope) => (
                        <li key={scope} className={`chip chip--scope-${scope.toLowerCase()}`}>
                          {t(`adminEnums.scope.${scope}`)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="cell-nowrap">{formatDateTime(token.createdAt)}</td>
                  <td className="cell-nowrap">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('ui.never')}
                  </td>
                  <td className="cell-nowrap">
                    {token.expiresAt ? formatDate(token.expiresAt, locale, timeZone) : t('ui.noExpiry')}
                  </td>
                  <td>
                    <span className={`badge badge--token-${state}`}>
                      {state === 'revoked'
                        ? t('admin.token.revoked', {
                            date: formatDate(token.revokedAt ?? '', locale, timeZone),
                          })
                        : t(`admin.token.${state}`)}
                    </span>
                    {review && (
                      <span className="badge badge--token-review" title={t('admin.token.reviewHint')}>
                        {t('admin.token.review')}
                      </span>
                    )}
                  </td>
                  <td className="cell-actions">
                    {token.viewerCan.revoke && review && (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={confirming}
                        aria-label={t('admin.token.keepLabel', { name: token.name })}
                        onClick={() => void keep(token)}
                      >
                        {t('admin.token.keep')}
                      </button>
                    )}{' '}
                    {token.viewerCan.revoke && state === 'active' && (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('admin.token.revokeLabel', { name: token.name })}
                        onClick={() => setRevoking(token)}
                      >
                        {t('admin.token.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {revoking && (
        <ConfirmDialog
          title={t('admin.token.revokeTitle', { name: revoking.name })}
          body={t('admin.token.revokeBody')}
          confirmLabel={t('admin.token.revokeConfirm')}
          testId="revoke-token-dialog"
          onClose={() => setRevoking(null)}
          onConfirm={async () => {
            await revokeToken({ variables: { id: revoking.id } });
            onRevoked?.(t('admin.token.revokedDone', { name: revoking.name }));
          }}
        />
      )}
    </>
  );
}
