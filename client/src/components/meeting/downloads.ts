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

export type MinutesFormat = 'docx' | 'pdf';

/** The meeting's minutes as the server writes them out (authorised as the meeting book is). */
export function downloadMinutes(meetingId: string, format: MinutesFormat): Promise<void> {
  return downloadFile(`/meetings/${encodeURIComponent(meetingId)}/minutes.${format}`, {
    fallbackName: `minutes-${meetingId}.${format}`,
    accept: format === 'pdf' ? 'pdf' : 'wordprocessingml',
  });
}
