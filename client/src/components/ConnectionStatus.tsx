import { useTranslation } from 'react-i18next';
import { restartLiveConnection } from '../apollo/client';
import { useConnectionState } from '../hooks/useConnectionState';

/** A calm dot and a word: whether what is on screen is being kept up to date. */
export function ConnectionStatus() {
  const { t } = useTranslation();
  const state = useConnectionState();
  if (state === 'idle') return null;
  return (
    <div className="connection" data-testid="connection-status" data-state={state}>
      <span className="connection__dot" aria-hidden="true" />
      <span role="status">{t(`connection.${state}`)}</span>
      {state === 'failed' && (
        <button type="button" className="button button--small" onClick={restartLiveConnection}>
          {t('connection.reconnect')}
        </button>
      )}
    </div>
  );
}
