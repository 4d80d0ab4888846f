import { getToken } from '../../apollo/session';

export type DownloadKind = 'pdf' | 'ics' | 'json';

const PATHS: Record<DownloadKind, string> = {
  pdf: 'book.pdf',
  ics: 'agenda.ics',
  json: 'agenda.json',
};

export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`Download failed with HTTP ${status}`);
  }
}

function fileNameFrom(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * The exports need the session's bearer token, which a plain link cannot send: fetch the
 * file, then hand it to the browser as a download.
 */
export async function downloadMeetingFile(meetingId: string, kind: DownloadKind): Promise<void> {
  const token = getToken();
  const response = await fetch(`/meetings/${encodeURIComponent(meetingId)}/${PATHS[kind]}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const type = response.headers.get('content-type') ?? '';
  // The client's own index.html answers paths the server does not know (yet).
  if (!response.ok || type.startsWith('text/html'))
    throw new DownloadError(response.ok ? 404 : response.status);
  saveBlob(
    await response.blob(),
    fileNameFrom(response.headers.get('content-disposition'), `meeting-${meetingId}.${kind}`),
  );
}

/** Hands a file to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
