// A file for a task's next progress report: `POST /uploads` with `taskId` and `file`, as the proposal and
// meeting files go (uploads.ts), answering the new attachment, whose id the report then names.
import { checkBeforeUpload, UploadError } from './uploads';
import { getToken } from './session';

export interface UploadedTaskFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

function isUploaded(value: unknown): value is UploadedTaskFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<UploadedTaskFile>;
  return typeof file.id === 'string' && typeof file.name === 'string' && typeof file.size === 'number';
}

export function uploadTaskFile(
  taskId: string,
  file: File,
  onProgress?: (fraction: number) => void,
): Promise<UploadedTaskFile> {
  const early = checkBeforeUpload(file);
  if (early) return Promise.reject(early);
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.set('taskId', taskId);
    form.set('file', file, file.name);
    const request = new XMLHttpRequest();
    request.open('POST', '/uploads');
    const token = getToken();
    if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as {
        attachment?: unknown;
        errors?: { extensions?: { code?: unknown; field?: unknown } }[];
      } | null;
      if (request.status === 201 && isUploaded(body?.attachment)) return resolve(body.attachment);
      const { code, field } = body?.errors?.[0]?.extensions ?? {};
      reject(
        new UploadError(
          typeof code === 'string' ? code : request.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'NETWORK',
          typeof field === 'string' ? field : undefined,
        ),
      );
    };
    request.onerror = () => reject(new UploadError('NETWORK'));
    request.send(form);
  });
}
