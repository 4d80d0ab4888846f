import { EventType, limits } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { AgendaItem, Attachment, type Meeting } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import type { AttachFileInput } from '../resolvers/types/agenda.input.js';
import { appendMeetingEvent, loadMeeting, loadOpenMeeting, lockMeeting } from './meeting-support.js';
import { runCommand } from './run-command.js';

// One character class, no repeated group: linear on a file of megabytes.
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const mediaType = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:\s*;.*)?$/i;

/** Decodes and checks the content before any transaction starts: a refused upload touches nothing. */
export function decodeContent(contentBase64: string): Buffer {
  const text = contentBase64.replace(/\s+/g, '');
  // 4 characters carry 3 bytes: refuse an oversized upload without decoding it.
  if (
    (text.length / 4) * 3 - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0) >
    limits.attachmentBytesMax
  )
    throw new BadInputError('contentBase64', `A file has at most ${limits.attachmentBytesMax} bytes`);
  if (text.length % 4 !== 0 || !base64.test(text))
    throw new BadInputError('contentBase64', 'The content is not valid base64');
  return Buffer.from(text, 'base64');
}

export async function attachFile(ctx: Context, viewer: Viewer, input: AttachFileInput): Promise<Attachment> {
  const content = decodeContent(input.contentBase64);
  if (!mediaType.test(input.mediaType.trim()))
    throw new BadInputError('mediaType', 'The media type must look like "application/pdf"');
  const name = input.name.trim();
  if (!name || /[\\/]/.test(name) || [...name].some((c) => c.charCodeAt(0) < 0x20))
    throw new BadInputError('name', 'A file name has no slashes or control characters');
  return runCommand(ctx, async (em) => {
    await lockMeeting(em, input.meetingId);
    const meeting = await loadOpenMeeting(em, viewer, input.meetingId, 'changed');
    let item: AgendaItem | null = null;
    if (input.agendaItemId) {
      item = await em.findOne(AgendaItem, { id: input.agendaItemId, meeting }, { refresh: true });
      if (!item) throw new BadInputError('agendaItemId', 'agendaItemId must be an item of this meeting');
      // The item's readiness changes: touching it lets caches that watch its version know.
      item.updatedAt = new Date();
    }
    const attachment = em.create(Attachment, {
      meeting,
      agendaItem: item,
      name,
      mediaType: input.mediaType.trim().toLowerCase(),
      size: content.length,
      content,
      uploadedBy: viewer.userId,
    });
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.ATTACHMENT_ADDED,
      subject: item ?? meeting,
      changes: {
        attachmentId: { before: null, after: attachment.id },
        name: { before: null, after: name },
        size: { before: null, after: content.length },
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
    const found = await em.findOne(Attachment, id, {
      fields: ['meeting', 'agendaItem', 'name'],
      refresh: true,
    });
    if (!found) throw new NotFoundError('Attachment', id);
    await lockMeeting(em, found.meeting.id);
    try {
      await loadMeeting(em, viewer, found.meeting.id);
    } catch {
      throw new NotFoundError('Attachment', id);
    }
    const meeting = await loadOpenMeeting(em, viewer, found.meeting.id, 'changed');
    const item = found.agendaItem
      ? await em.findOne(AgendaItem, found.agendaItem.id, { refresh: true })
      : null;
    if (item) item.updatedAt = new Date();
    await em.nativeDelete(Attachment, { id });
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.ATTACHMENT_REMOVED,
      subject: item ?? meeting,
      changes: { attachmentId: { before: id, after: null }, name: { before: found.name, after: null } },
    });
    return { meeting, agendaItem: item, removedId: id };
  });
}
