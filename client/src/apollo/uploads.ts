// Files go to `POST /uploads` as multipart/form-data (GraphQL carries only what is known about
// them): XMLHttpRequest, because fetch reports no upload progress.
import { attachmentExtension, limits } from '@quorum/shared';
import { getToken } from './session';

/** Why an upload was refused: the server's `extensions.code` (and `field`), or NETWORK. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    readonly field?: string,
  ) {
    super(`Upload refused: ${code}`);
  }
}

/** What a file is added to: a meeting (or one of its items) or a proposal. */
export type AttachmentOwner =
  | {
      meetingId: string;
      /** Null for a file of the whole meeting. */
      agendaItemId: string | null;
    }
  | { proposalId: string };

export interface UploadRequest {
  owner: AttachmentOwner;
  file: File;
  /** From 0 to 1, as the bytes leave. */
  onProgress?: (fraction: number) => void;
}

/** The checks the server makes that need no server: said at once instead of after sending 5 MiB. */
export function checkBeforeUpload(file: File): UploadError | null {
  if (file.size > limits.attachmentBytesMax) return new UploadError('PAYLOAD_TOO_LARGE');
  if (!attachmentExtension(file.name)) return new UploadError('UNSUPPORTED_MEDIA_TYPE');
  return null;
}

export function uploadAttachment({ owner, file, onProgress }: UploadRequest): Promise<void> {
  const early = checkBeforeUpload(file);
  if (early) return Promise.reject(early);
  return new Promise((resolve, reject) => {
    const form = new FormData();
    if ('proposalId' in owner) form.set('proposalId', owner.proposalId);
    else {
      form.set('meetingId', owner.meetingId);
      if (owner.agendaItemId) form.set('agendaItemId', owner.agendaItemId);
    }
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
      if (request.status === 201) return resolve();
      const body = request.response as {
        errors?: { extensions?: { code?: unknown; field?: unknown } }[];
      } | null;
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
