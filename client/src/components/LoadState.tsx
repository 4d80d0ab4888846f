// What a page or panel shows while its data is on its way, and when reading it failed: the same words,
// spinner and retry button everywhere.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorInfo } from '../apollo/errors';
import { Alert } from './Alert';

/** A polite "loading…" with a spinner; "Đang tải…" unless the page says what it loads. */
export function LoadingState({ label, testId }: { label?: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <p className="placeholder" role="status" data-testid={testId}>
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

interface ErrorStateProps {
  /** What could not be read ("Không tải được danh sách cuộc họp."), said before the reason. */
  message?: string;
  /** The error the read ended with: its code gives the reason, in words. */
  error: unknown;
  /** Reads again (offered as a button); its own failure shows as the next error state, so it is not thrown. */
  onRetry?: () => unknown;
  testId?: string;
  /** In place of the message and the reason, where the page can say better (a refused input); none: those. */
  children?: ReactNode;
}

/** An error box for a read that failed: what could not be read, why, and a button to try again. */
export function ErrorState({ message, error, onRetry, testId, children }: ErrorStateProps) {
  const { t } = useTranslation();
  const reason = t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`);
  return (
    <Alert
      tone="error"
      testId={testId}
      action={
        onRetry && (
          <button
            type="button"
            className="button button--small"
            onClick={() => void Promise.resolve(onRetry()).catch(() => undefined)}
          >
            {t('common.retry')}
          </button>
        )
      }
    >
      {children ??
        (message ? (
          <>
            <strong>{message}</strong> {reason}
          </>
        ) : (
          reason
        ))}
    </Alert>
  );
}
