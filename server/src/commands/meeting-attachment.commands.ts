import {
  attachmentExtension,
  attachmentKinds,
  EventType,
  limits,
  type AttachmentExtension,
} from '@quorum/shared';
import { fileTypeFromBuffer } from 'file-type';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { AgendaItem, Attachment, type Meeting } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { refusal, RefusalCode } from '../security/refusal.js';
import { appendMeetingEvent, loadOpenMeeting, lockMeeting } from './meeting-support.js';
import { runCommand } from './run-command.js';

/** A file for a meeting's materials as it arrived (`POST /uploads` with `meetingId`). */
export interface NewAttachment extends ArrivedFile {
  meetingId: string;
  /** The item the file belongs to; null for the whole meeting. */
  agendaItemId: string | null;
}

// Control characters (C0, DEL, C1), the bidi controls that make "hồ-sơ\u202efdp.exe" read as "hồ-sơexe.pdf",
// lone surrogates (in `u` mode a pair is one code point and does not match) and path separators.
const refusedInName =
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff\\/]/u;

/**
 * The one rule for a file's name: trimmed and in NFC (macOS sends Vietnamese names decomposed), 1 to
 * `fileNameMax` characters, none of `refusedInName`. BAD_USER_INPUT on `name` otherwise.
 */
export function fileName(raw: string): string {
  const name = raw.trim().normalize('NFC');
  if (!name || name.length > limits.fileNameMax)
    throw new BadInputError('name', `A file name has 1 to ${limits.fileNameMax} characters`);
  if (refusedInName.test(name))
    throw new BadInputError('name', 'A file name has no slashes, control or text-direction characters');
  return name;
}

// What file-type reports for each accepted extension: to it the old Office formats are one container (CFB).
const contentOf: Record<AttachmentExtension, string> = {
  pdf: 'pdf',
  doc: 'cfb',
  docx: 'docx',
  xls: 'cfb',
  xlsx: 'xlsx',
  ppt: 'cfb',
  pptx: 'pptx',
  odt: 'odt',
  ods: 'ods',
  odp: 'odp',
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
};

/**
 * The media type of a file whose content (its magic bytes) is of an accepted kind and of the kind its name
 * says; UNSUPPORTED_MEDIA_TYPE otherwise. The type a client declares is not asked for: it proves nothing.
 */
export async function mediaTypeOf(name: string, content: Buffer): Promise<string> {
  const extension = attachmentExtension(name);
  if (!extension)
    throw refusal(
      RefusalCode.UNSUPPORTED_MEDIA_TYPE,
      `Accepted files: ${Object.keys(attachmentKinds)
        .map((e) => `.${e}`)
        .join(', ')}`,
    );
  const detected = await fileTypeFromBuffer(content);
  if (detected?.ext !== contentOf[extension])
    throw refusal(RefusalCode.UNSUPPORTED_MEDIA_TYPE, `The content of the file is not a .${extension} file`);
  return attachmentKinds[extension];
}

/** A file as it arrived (`POST /uploads`), its SHA-256 computed on the way. */
export interface ArrivedFile {
  name: string;
  content: Buffer;
  /** Hex. */
  sha256: string;
}

/**
 * The rules every file meets, whatever it belongs to, checked before any transaction: its name, its size, its
 * kind by content. Answers the columns of its `Attachment` row, the viewer as its uploader.
 */
export async function checkedFile(viewer: Viewer, file: ArrivedFile) {
  const name = fileName(file.name);
  if (file.content.length > limits.attachmentBytesMax)
    throw refusal(RefusalCode.PAYLOAD_TOO_LARGE, `A file has at most ${limits.attachmentBytesMax} bytes`);
  const mediaType = await mediaTypeOf(name, file.content);
  return {
    name,
    mediaType,
    size: file.content.length,
    sha256: file.sha256,
    content: file.content,
    uploadedBy: viewer.userId,
  };
}

/**
 * Adds a file to a meeting's materials, or to one item's: the rules (`checkedFile`) are checked before the
 * transaction, the office's right to change the meeting inside it, with the row and its event.
 */
export async function attachFile(ctx: Context, viewer: Viewer, file: NewAttachment): Promise<Attachment> {
  const checked = await checkedFile(viewer, file);
  return runCommand(ctx, async (em) => {
    await lockMeeting(em, file.meetingId);
    const meeting = await loadOpenMeeting(em, viewer, file.meetingId, 'changed');
    let item: AgendaItem | null = null;
    if (file.agendaItemId) {
      item = await em.findOne(AgendaItem, { id: file.agendaItemId, meeting }, { refresh: true });
      if (!item) throw new BadInputError('agendaItemId', 'agendaItemId must be an item of this meeting');
      // The item's readiness changes: touching it lets caches that watch its version know.
      item.updatedAt = new Date();
    }
    const attachment = em.create(Attachment, { meeting, agendaItem: item, ...checked });
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.ATTACHMENT_ADDED,
      subject: item ?? meeting,
      changes: {
        attachmentId: { before: null, after: attachment.id },
        name: { before: null, after: checked.name },
        size: { before: null, after: checked.size },
      },
    });
    return attachment;
  });
}

export async function removeAttachment(
  ctx: Context,
  viewer: Viewer,
  id: string,
): Promise<{ meeting: Meeting; agendaItem: AgendaItem | null; removedId: string }> {
  return runCommand(ctx, async (em) => {
    // A file of a proposal is removed by removeProposalAttachment: here it is not found.
    const found = await em.findOne(
      Attachment,
      { id, meeting: { $ne: null } },
      { fields: ['meeting', 'agendaItem', 'name'], refresh: true },
    );
    if (!found?.meeting) throw new NotFoundError('Attachment', id);
    await lockMeeting(em, found.meeting.id);
    const meeting = await loadOpenMeeting(em, viewer, found.meeting.id, 'changed', {
      what: 'Attachment',
      id,
    });
    const item = found.agendaItem
      ? await em.findOne(AgendaItem, found.agendaItem.id, { refresh: true })
      : null;
    if (item) item.updatedAt = new Date();
    // The row was read before the meeting's lock: another removal may have committed while this one waited.
    if ((await em.nativeDelete(Attachment, { id })) === 0) throw new NotFoundError('Attachment', id);
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.ATTACHMENT_REMOVED,
      subject: item ?? meeting,
      changes: { attachmentId: { before: id, after: null }, name: { before: found.name, after: null } },
    });
    return { meeting, agendaItem: item, removedId: id };
  });
}
