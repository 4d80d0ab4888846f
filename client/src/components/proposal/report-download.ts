import { downloadFile } from '../download';

/** The consolidated report of a round as a PDF (GET /appraisals/<id>/report.pdf), under the server's name. */
export function downloadAppraisalReport(
  appraisalId: string,
  fileName = `appraisal-${appraisalId}.pdf`,
): Promise<void> {
  return downloadFile(`/appraisals/${encodeURIComponent(appraisalId)}/report.pdf`, {
    fallbackName: fileName,
    accept: 'pdf',
  });
}
