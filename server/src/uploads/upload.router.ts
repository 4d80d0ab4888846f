import { createHash, randomUUID } from 'node:crypto';
import { ErrorCode, isUuid, limits } from '@quorum/shared';
import busboy from 'busboy';
import { Router, type Request, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { attachFile, type NewAttachment } from '../commands/meeting-attachment.commands.js';
import { attachProposalFile, type NewProposalAttachment } from '../commands/proposal-attachment.commands.js';
import { attachTaskFile, type NewTaskAttachment } from '../commands/task.commands.js';
import type { Context } from '../context.js';
import { BadInputError } from '../errors.js';
import { formatError } from '../format-error.js';
import { requireWriter } from '../policies/viewer.policy.js';
import { refusal, RefusalCode } from '../security/refusal.js';

/** How app.ts makes the context of a request: the viewer of its `Authorization` header, a fresh EntityManager. */
export type ContextFor = (
  authorization: string | undefined,
  requestId: string,
  address: string | undefined,
) => Promise<Context>;

// Room for the multipart boundaries, the part headers and the id fields around the file.
const envelopeBytes = 64 * 1024;
const bodyBytesMax = limits.attachmentBytesMax + envelopeBytes;
const tooLarge = () =>
  refusal(RefusalCode.PAYLOAD_TOO_LARGE, `A file has at most ${limits.attachmentBytesMax} bytes (5 MiB)`);

const statusOf: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [RefusalCode.BAD_REQUEST]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [RefusalCode.PAYLOAD_TOO_LARGE]: 413,
  [RefusalCode.UNSUPPORTED_MEDIA_TYPE]: 415,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * `POST /uploads`: a file for a meeting's materials, as multipart/form-data with the fields `meetingId`,
 * `agendaItemId` (optional) and `file` (its file name is the attachment's name), or a file of a proposal, with
 * `proposalId` and `file`, or a file of a task's progress, with `taskId` and `file` (for its next report);
 * authenticated by the same `Authorization: Bearer` as `/graphql`. The body is
 * parsed as it streams (busboy), the SHA-256 computed on the way, at most `attachmentBytesMax` kept; then the
 * same command as everything else checks the name and the kind by content and, in one transaction, the
 * viewer's right, the row and its event.
 *
 * Answers 201 `{ attachment }`, or `{ errors: [{ message, extensions: { code, field? } }] }` with 400, 401,
 * 403, 404, 413 or 415, having written nothing. No CSRF token is needed: a browser sends the bearer header
 * only from our own script.
 */
export function uploadRouter(contextFor: ContextFor): Router {
  const router = Router();
  router.post('/uploads', async (req, res) => {
    const requestId = String(res.locals.requestId ?? randomUUID());
    try {
      // Who asks comes first: a stranger's body is never parsed.
      const ctx = await contextFor(req.headers.authorization, requestId, req.ip);
      const viewer = requireWriter(ctx.viewer);
      if (Number(req.headers['content-length'] ?? 0) > bodyBytesMax) throw tooLarge();
      const upload = await readUpload(req);
      const attachment =
        'proposalId' in upload
          ? await attachProposalFile(ctx, viewer, upload)
          : 'taskId' in upload
            ? await attachTaskFile(ctx, viewer, upload)
            : await attachFile(ctx, viewer, upload);
      res
        .status(201)
        .set('Cache-Control', 'no-store')
        .json({
          attachment: {
            id: attachment.id,
            meetingId: attachment.meeting?.id ?? null,
            agendaItemId: attachment.agendaItem?.id ?? null,
            proposalId: attachment.proposal?.id ?? null,
            taskId: attachment.task?.id ?? null,
            name: attachment.name,
            mediaType: attachment.mediaType,
            size: attachment.size,
            sha256: attachment.sha256,
          },
        });
    } catch (error) {
      refuse(req, res, error, requestId);
    }
  });
  return router;
}

/** Reads the multipart body as it arrives: the file's bytes and hash, the ids; refusals as coded errors. */
function readUpload(req: Request): Promise<NewAttachment | NewProposalAttachment | NewTaskAttachment> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send the file name as UTF-8 bytes; kept whole (with any path) for the name rule to judge.
        defParamCharset: 'utf8',
        preservePath: true,
        // busboy's limits are reached at their value (a file of exactly the limit counts as cut): one more.
        limits: { fileSize: limits.attachmentBytesMax + 1, files: 1, fields: 2, fieldSize: 100 },
      });
    } catch {
      reject(refusal(RefusalCode.UNSUPPORTED_MEDIA_TYPE, 'Send the file as multipart/form-data'));
      return;
    }
    const fields = new Map<string, string>();
    let file: { name: string; chunks: Buffer[]; hash: ReturnType<typeof createHash> } | null = null;
    // The first refusal wins; the rest of the body is still read (and dropped), so that the client, which is
    // still sending, gets the answer.
    let refused: Error | null = null;
    const refuseWith = (error: Error) => {
      refused ??= error;
      if (file) file.chunks = [];
    };

    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) refuseWith(new BadInputError(name, `${name} is not an id`));
      else fields.set(name, value);
    });
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') {
        stream.resume();
        refuseWith(new BadInputError(field, 'Send the file in the field "file"'));
        return;
      }
      const current = { name: info.filename ?? '', chunks: [] as Buffer[], hash: createHash('sha256') };
      file = current;
      stream.on('data', (chunk: Buffer) => {
        if (refused) return;
        current.hash.update(chunk);
        current.chunks.push(chunk);
      });
      stream.on('limit', () => refuseWith(tooLarge()));
    });
    parser.on('filesLimit', () => refuseWith(new BadInputError('file', 'Send one file at a time')));
    parser.on('fieldsLimit', () =>
      refuseWith(
        new BadInputError(
          'file',
          'Send meetingId, agendaItemId and file, proposalId and file, or taskId and file; nothing else',
        ),
      ),
    );
    parser.on('error', () => reject(refusal(RefusalCode.BAD_REQUEST, 'The multipart body cannot be read')));
    parser.on('close', () => {
      if (refused) return reject(refused);
      if (!file) return reject(new BadInputError('file', 'No file was sent (field "file")'));
      // A file of a proposal or of a task names only that; else it is of a meeting (and maybe an agenda item).
      const owners = (['proposalId', 'taskId'] as const).filter((field) => fields.has(field));
      if (owners.length) {
        const [owner] = owners as [(typeof owners)[number]];
        if (owners.length > 1 || fields.has('meetingId') || fields.has('agendaItemId'))
          return reject(
            new BadInputError(owner, 'A file is of a meeting, a proposal or a task: send one of their ids'),
          );
        const id = fields.get(owner) ?? '';
        if (!isUuid(id)) return reject(new BadInputError(owner, `${owner} must be an id`));
        const content = {
          name: file.name,
          content: Buffer.concat(file.chunks),
          sha256: file.hash.digest('hex'),
        };
        return resolve(owner === 'taskId' ? { taskId: id, ...content } : { proposalId: id, ...content });
      }
      const meetingId = fields.get('meetingId') ?? '';
      const agendaItemId = fields.get('agendaItemId') || null;
      if (!isUuid(meetingId)) return reject(new BadInputError('meetingId', 'meetingId must be an id'));
      if (agendaItemId !== null && !isUuid(agendaItemId))
        return reject(new BadInputError('agendaItemId', 'agendaItemId must be an id'));
      resolve({
        meetingId,
        agendaItemId,
        name: file.name,
        content: Buffer.concat(file.chunks),
        sha256: file.hash.digest('hex'),
      });
    });

    // A body without a length that goes on past the limit is not read to its end.
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= bodyBytesMax) return;
      req.unpipe(parser);
      req.pause();
      reject(tooLarge());
    });
    req.on('close', () => {
      if (!req.complete) reject(refusal(RefusalCode.BAD_REQUEST, 'The upload was interrupted'));
    });
    req.pipe(parser);
  });
}

/** The error answer, shaped like the API's: our coded refusals with their status, anything else masked (500). */
function refuse(req: Request, res: Response, error: unknown, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const message = error instanceof Error ? error.message : String(error);
  const formatted = formatError(
    { message, extensions: error instanceof GraphQLError ? error.extensions : {} },
    error,
    requestId,
  );
  // `http` tells Apollo Server a status; here the status is ours.
  const { http: _http, ...extensions } = formatted.extensions ?? {};
  const status = statusOf[String(extensions.code)] ?? 500;
  if (status === 401) res.set('WWW-Authenticate', 'Bearer');
  if (typeof extensions.retryAfterSeconds === 'number')
    res.set('Retry-After', String(Math.ceil(extensions.retryAfterSeconds)));
  // Node reads and drops a small body that nobody began to read, keeping the connection; a body left half
  // read, or large, or of unknown length, is not worth it: the connection closes after the answer.
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (!req.complete && (req.readableFlowing !== null || !(declared <= bodyBytesMax)))
    res.set('Connection', 'close');
  res
    .status(status)
    .set('Cache-Control', 'no-store')
    .json({ errors: [{ message: formatted.message, extensions }] });
}
