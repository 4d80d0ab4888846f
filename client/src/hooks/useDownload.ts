import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadError } from '../components/download';

/**
 * One download at a time from a set of buttons: which is under way, and why the last one failed in words
 * (signed out, forbidden, `unavailable` when the server has no such file, else the network).
 */
export function useDownload<K extends string>(unavailable: string) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(kind: K, fetchFile: () => Promise<void>) {
    setBusy(kind);
    setError(null);
    try {
      await fetchFile();
    } catch (err) {
      const status = err instanceof DownloadError ? err.status : 0;
      setError(
        status === 401
          ? t('errors.UNAUTHENTICATED')
          : status === 403
            ? t('errors.FORBIDDEN')
            : status === 404
              ? unavailable
              : t('errors.NETWORK'),
      );
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, download };
}
