import { useTranslation } from 'react-i18next';
import { Alert } from './Alert';

interface LiveErrorAlertProps {
  /** The live feed's state: shown only while it has failed; `restart` reconnects it. */
  live: { error?: unknown; restart: () => void };
  /** What the failure means on this page. */
  message: string;
}

/** The live feed stopped: says what that means here and offers to reconnect. */
export function LiveErrorAlert({ live, message }: LiveErrorAlertProps) {
  const { t } = useTranslation();
  if (!live.error) return null;
  return (
    <Alert
      tone="warning"
      testId="live-error"
      action={
        <button type="button" className="button button--small" onClick={live.restart}>
          {t('connection.reconnect')}
        </button>
      }
    >
      {message}
    </Alert>
  );
}
