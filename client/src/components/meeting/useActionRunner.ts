import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorCode } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';

/**
 * Runs one user action at a time and says in words what went wrong (for refused input: which
 * field and which limit). A CONFLICT (someone
 * else changed it first) gets a friendly message, and `conflict` is set: the room has already
 * been reloaded, so a form can offer to apply the person's input again over the new state.
 */
export function useActionRunner() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setErrorText] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const setError = useCallback((text: string | null) => {
    setErrorText(text);
    setConflict(false);
  }, []);

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
          info?.code === ErrorCode.CONFLICT
            ? t('room.conflict')
            : (describeInputError(err, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`)),
        );
        setConflict(info?.code === ErrorCode.CONFLICT);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [t, setError],
  );

  return { busy, error, conflict, setError, run };
}
