import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadError } from '../download';
import { downloadMeetingFile } from './downloads';
import type { DownloadKind } from './downloads';

const KINDS: DownloadKind[] = ['pdf', 'ics', 'json'];

/** Print the meeting book, or download it as PDF, the agenda for a calendar (.ics), or JSON. */
export function MeetingToolbar({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<DownloadKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download(kind: DownloadKind) {
    setBusy(kind);
    setError(null);
    try {
      await downloadMeetingFile(meetingId, kind);
    } catch (err) {
      const status = err instanceof DownloadError ? err.status : 0;
      setError(
        status === 401
          ? t('errors.UNAUTHENTICATED')
          : status === 403
            ? t('errors.FORBIDDEN')
            : status === 404
              ? t('room.downloads.unavailable')
              : t('errors.NETWORK'),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="meeting-toolbar" data-print="hide">
      <div className="meeting-toolbar__buttons" role="group" aria-label={t('room.downloads.label')}>
        <button type="button" className="button button--small" onClick={() => window.print()}>
          {t('room.downloads.print')}
        </button>
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            className="button button--small"
            disabled={busy !== null}
            aria-busy={busy === kind || undefined}
            onClick={() => void download(kind)}
            data-testid={`download-${kind}`}
          >
            {busy === kind ? t('room.downloads.busy') : t(`room.downloads.${kind}`)}
          </button>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
