// Files the server makes for a signed-in viewer (exports, reports): the session's bearer token must go with
// the request, which a plain link cannot send, so the file is fetched, then handed to the browser as a
// download. One way for every export; `meeting/downloads.ts` and `proposal/report-download.ts` predate it.
import { getToken } from '../apollo/session';
import { DownloadError, saveBlob } from './meeting/downloads';

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
}

/**
 * GETs `path` with the session's token and saves the answer. Fails with DownloadError on an HTTP error, and on
 * an HTML answer: the client's own index.html answers paths the server does not know.
 */
export async function downloadFile(
  path: string,
  { params = {}, fallbackName }: DownloadOptions,
): Promise<void> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  const token = getToken();
  const response = await fetch(query ? `${path}?${query}` : path, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.startsWith('text/html'))
    throw new DownloadError(response.ok ? 404 : response.status);
  saveBlob(await response.blob(), fileNameFrom(response.headers.get('content-disposition'), fallbackName));
}
