import { downloadFile } from '../download';

export type DownloadKind = 'pdf' | 'ics' | 'json';

const PATHS: Record<DownloadKind, string> = {
  pdf: 'book.pdf',
  ics: 'agenda.ics',
  json: 'agenda.json',
};

/** The meeting book (PDF) or the agenda (iCalendar, JSON), under the server's name for it. */
export function downloadMeetingFile(meetingId: string, kind: DownloadKind): Promise<void> {
  return downloadFile(`/meetings/${encodeURIComponent(meetingId)}/${PATHS[kind]}`, {
    fallbackName: `meeting-${meetingId}.${kind}`,
  });
}
