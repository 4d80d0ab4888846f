import { getToken } from '../../apollo/session';
import { DownloadError, saveBlob } from '../meeting/downloads';

/**
 * The consolidated report of a round as a PDF (GET /appraisals/<id>/report.pdf). It needs the session's bearer
 * token, which a plain link cannot send: fetched, then handed to the browser as a download.
 */
export async function downloadAppraisalReport(
  appraisalId: string,
  fileName = `appraisal-${appraisalId}.pdf`,
): Promise<void> {
  const token = getToken();
  const response = await fetch(`/appraisals/${encodeURIComponent(appraisalId)}/report.pdf`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const type = response.headers.get('content-type') ?? '';
  // The client's own index.html answers paths the server does not know.
  if (!response.ok || !type.includes('pdf')) throw new DownloadError(response.ok ? 404 : response.status);
  const named = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(
    response.headers.get('content-disposition') ?? '',
  );
  let name = fileName;
  try {
    name = named?.[1] ? decodeURIComponent(named[1]) : (named?.[2] ?? fileName);
  } catch {
    // A malformed name: ours.
  }
  saveBlob(await response.blob(), name);
}
