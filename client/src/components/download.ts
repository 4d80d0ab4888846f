// Files the server makes for a signed-in viewer (exports, reports): the session's bearer token must go with
// the request, which a plain link cannot send, so the file is fetched, then handed to the browser as a
// download. One way for every export: the meeting book and agenda (meeting/downloads.ts), an appraisal's
// report (proposal/report-download.ts), the follow-up report; a task's or meeting's file, read over GraphQL,
// is saved with saveBlob.
import { getToken } from '../apollo/session';

/** A download that did not happen; `status` is the HTTP status (404 for an answer that is not the file). */
export class DownloadError extends Error {
  constructor(readonly status: number) {
    super(`Download failed with HTTP ${status}`);
  }
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

/** The name the server gave in Content-Disposition (RFC 5987 form first), else `fallback`. */
export function fileNameFrom(header: string | null, fallback: string): string {
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

export interface DownloadOptions {
  /** Query parameters; empty values are left out. */
  params?: Record<string, string | undefined>;
  /** The name to save under when the server names none. */
  fallbackName: string;
  /** A part the answer's content type must have (`pdf`): anything else is not the file asked for. */
  accept?: string;
}

/**
 * GETs `path` with the session's token and saves the answer. Fails with DownloadError on an HTTP error, on an
 * HTML answer (the client's own index.html answers paths the server does not know) and on a type other than
 * `accept`.
 */
export async function downloadFile(
  path: string,
  { params = {}, fallbackName, accept }: DownloadOptions,
): Promise<void> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  const token = getToken();
  const response = await fetch(query ? `${path}?${query}` : path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.startsWith('text/html') || (accept && !type.includes(accept)))
    throw new DownloadError(response.ok ? 404 : response.status);
  saveBlob(await response.blob(), fileNameFrom(response.headers.get('content-disposition'), fallbackName));
}
