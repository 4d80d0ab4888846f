import { useTranslation } from 'react-i18next';
import { useDownload } from '../../hooks/useDownload';
import { downloadMeetingFile } from './downloads';
import type { DownloadKind } from './downloads';

const KINDS: DownloadKind[] = ['pdf', 'ics', 'json'];

/** Print the meeting book, or download it as PDF, the agenda for a calendar (.ics), or JSON. */
export function MeetingToolbar({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { busy, error, download } = useDownload<DownloadKind>(t('room.downloads.unavailable'));

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
            onClick={() => void download(kind, () => downloadMeetingFile(meetingId, kind))}
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
