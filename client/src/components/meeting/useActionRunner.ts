import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';

/**
 * Runs one user action at a time and says in words what went wrong. A CONFLICT (someone
 * else changed it first) gets a friendly message: the room has already been reloaded.
 */
export function useActionRunner() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setError(null);
      try {
        await action();
        return true;
      } catch (err) {
        const info = apiErrorInfo(err);
        setError(
          info?.code === ErrorCode.CONFLICT ? t('room.conflict') : t(`errors.${info?.code ?? 'NETWORK'}`),
        );
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t],
  );

  return { busy, error, setError, run };
}
