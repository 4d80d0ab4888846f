import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { notificationKinds, type NotificationKind } from '@quorum/shared';
import { ErrorState, LoadingState } from '../LoadState';
import {
  NotificationPreferencesDocument,
  UpdateNotificationPreferencesDocument,
} from '../../generated/graphql';
import type { NotificationPreferenceFieldsFragment } from '../../generated/graphql';
import './notifications.css';

/**
 * /account's notification preferences: per kind, in the application and by e-mail, each box saved as it is
 * changed. E-mail goes only with what is kept in the application (the server keeps no row to mail otherwise),
 * so its box is off and disabled while the other is.
 */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(NotificationPreferencesDocument);
  const [update, saving] = useMutation(UpdateNotificationPreferencesDocument);
  const [status, setStatus] = useState<'saved' | 'failed' | null>(null);
  const preferences = data?.viewer?.notificationPreferences ?? null;

  async function save(preference: NotificationPreferenceFieldsFragment) {
    setStatus(null);
    try {
      await update({
        variables: { input: { preferences: [preference] } },
        // The answer lists every kind: the viewer's preferences are replaced in the cache.
        update(cache, { data: answer }) {
          const viewer = data?.viewer;
          if (!answer || !viewer) return;
          cache.writeQuery({
            query: NotificationPreferencesDocument,
            data: {
              viewer: {
                ...viewer,
                notificationPreferences: answer.updateNotificationPreferences.preferences,
              },
            },
          });
        },
      });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }

  const byKind = new Map<NotificationKind, NotificationPreferenceFieldsFragment>(
    (preferences ?? []).map((preference) => [preference.kind, preference]),
  );

  return (
    <section id="notifications" className="panel account__section" aria-labelledby="notifications-heading">
      <h2 id="notifications-heading" className="panel__title">
        {t('notifications.preferences.heading')}
      </h2>
      {loading && !data ? (
        <LoadingState label={t('common.loading')} />
      ) : error && !preferences ? (
        <ErrorState
          message={t('notifications.preferences.loadError')}
          error={error}
          onRetry={() => void refetch().catch(() => undefined)}
        />
      ) : preferences ? (
        <>
          <p className="field__hint">{t('notifications.preferences.intro')}</p>
          <table className="notification-preferences__table" data-testid="notification-preferences">
            <thead>
              <tr>
                <th scope="col">{t('notifications.preferences.kind')}</th>
                <th scope="col">{t('notifications.preferences.inApp')}</th>
                <th scope="col">{t('notifications.preferences.email')}</th>
              </tr>
            </thead>
            <tbody>
              {notificationKinds.map((kind) => {
                const preference = byKind.get(kind);
                if (!preference) return null;
                const name = t(`notifications.kinds.${kind}`);
                return (
                  <tr key={kind}>
                    <th scope="row">{name}</th>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${name}: ${t('notifications.preferences.inApp')}`}
                        checked={preference.inApp}
                        disabled={saving.loading}
                        onChange={(event) =>
                          void save({
                            kind,
                            inApp: event.target.checked,
                            email: event.target.checked && preference.email,
                          })
                        }
                      />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${name}: ${t('notifications.preferences.email')}`}
                        checked={preference.inApp && preference.email}
                        disabled={saving.loading || !preference.inApp}
                        onChange={(event) => void save({ ...preference, email: event.target.checked })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p role="status" className="field__hint">
            {status === 'saved' ? t('notifications.preferences.saved') : ''}
          </p>
          {status === 'failed' && (
            <p role="alert" className="field__error">
              {t('notifications.preferences.saveError')}
            </p>
          )}
        </>
      ) : null}
    </section>
  );
}
