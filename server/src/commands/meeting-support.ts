import {
  Attendance,
  type Classification,
  type EventType,
  type NotificationKind,
  ParticipantRole,
  SubjectType,
} from '@quorum/shared';
import { OptimisticLockError, type EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { asClassification, moreRestricted } from '../domain/classification.js';
import { AgendaItem, Meeting, type Event, type FieldChanges, type Participant } from '../entities/index.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import { askNotifications } from './notification-outbox.js';
import { runCommand } from './run-command.js';
import type { Row } from '../read/rows.js';

/** Participants who vote and count towards the quorum: the chair and the members (not invitees, not the secretary). */
export const votingRoles: ReadonlySet<ParticipantRole> = new Set([
  ParticipantRole.CHAIR,
  ParticipantRole.MEMBER,
]);

export interface Quorum {
  members: number;
  present: number;
  required: number;
  reached: boolean;
}

/**
 * Túc số: more than half of the voting members present. Invitees and the secretary are not counted, since
 * they do not vote; the rule is the default of the committees' working regulations.
 */
export function quorumOf(participants: readonly Row<Participant>[]): Quorum {
  const members = participants.filter((p) => votingRoles.has(p.role));
  const present = members.filter((p) => p.attendance === Attendance.PRESENT).length;
  const required = Math.floor(members.length / 2) + 1;
  return { members: members.length, present, required, reached: members.length > 0 && present >= required };
}

/**
 * Serializes the writes to one meeting's agenda and participants (and the rows that hang from them). Taken
 * first in the transaction, before anything is read, so the reads that follow see every earlier write
 * committed: two people moving items at once are applied one after the other, each against the other's
 * result, and no cycle, duplicate key or duplicate participant can slip between them. The two-key form keeps
 * these keys apart from the change feed's one-key organization lock; since this one is always taken before
 * that one and before any row lock, the two cannot deadlock.
 */
export function lockMeeting(em: EntityManager, meetingId: string): Promise<void> {
  return lockInTransaction(em, 'quorum.meeting', meetingId);
}

/** A transaction-scoped advisory lock on one key of a namespace (the two-key form, see `lockMeeting`). */
export async function lockInTransaction(em: EntityManager, namespace: string, key: string): Promise<void> {
  await em
    .getConnection()
    .execute(
      'select pg_advisory_xact_lock(hashtext(?), hashtext(?))',
      [namespace, key],
      'all',
      em.getTransactionContext(),
    );
}

/** The meeting of an agenda item, read first so its agenda can be locked before the item itself is read. */
export async function meetingIdOfItem(em: EntityManager, itemId: string): Promise<string> {
  const item = await em.findOne(AgendaItem, itemId, { fields: ['meeting'], refresh: true });
  if (!item) throw new NotFoundError('AgendaItem', itemId);
  // Whether the viewer may see it is decided when the meeting is loaded.
  return item.meeting.id;
}

/**
 * What a command reached the meeting through (an agenda item, a participant, an attachment): the refusal
 * names it, so that one in a meeting the viewer may not see answers exactly as one that does not exist,
 * never naming the hidden meeting.
 */
export interface Via {
  what: string;
  id: string;
}

/** The meeting as the viewer may see it, freshly read inside the transaction; NOT_FOUND otherwise. */
export async function loadMeeting(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  via: Via = { what: 'Meeting', id },
): Promise<Meeting> {
  const meeting = await em.findOne(Meeting, { id, organization: viewer.organizationId }, { refresh: true });
  if (!meeting || !meetingPolicy.canRead(viewer, meeting)) throw new NotFoundError(via.what, via.id);
  return meeting;
}

/** Loads a meeting the viewer manages (FORBIDDEN for others) and that is still open (BAD_USER_INPUT). */
export async function loadOpenMeeting(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  what = 'changed',
  via?: Via,
): Promise<Meeting> {
  const meeting = await loadMeeting(em, viewer, id, via);
  authorize(meetingPolicy.canManage(viewer, meeting), 'Only the office prepares meetings');
  if (!meetingPolicy.canUpdate(viewer, meeting)) {
    throw new BadInputError(
      'meetingId',
      meeting.isTemplate
        ? `A template cannot be ${what}`
        : `A ${meeting.status} meeting can no longer be ${what}`,
    );
  }
  return meeting;
}

/** Every item of a meeting, freshly read (the identity map may hold older copies). */
export function loadItems(em: EntityManager, meetingId: string): Promise<AgendaItem[]> {
  return em.find(AgendaItem, { meeting: meetingId }, { refresh: true });
}

export function checkVersion(what: string, entity: { version: number }, expectedVersion: number): void {
  if (entity.version !== expectedVersion) throw new ConflictError(what, expectedVersion, entity.version);
}

/**
 * Runs a command whose optimistic check can also fail at the write (someone committed between our read
 * and our UPDATE … WHERE version = ?): that too is a CONFLICT, and nothing is written.
 */
export async function runVersioned<T>(
  ctx: Context,
  what: string,
  expectedVersion: number | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await runCommand(ctx, work);
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      const expected = expectedVersion ?? 0;
      throw new ConflictError(what, expected, expected + 1);
    }
    throw error;
  }
}

export interface MeetingEventInput {
  type: EventType;
  /** The object whose fields changed: the meeting itself, or one of its agenda items. */
  subject: Meeting | AgendaItem;
  changes?: FieldChanges;
}

/**
 * The classification an event is stored with: the subject's (a meeting, a proposal), or the one it had before
 * when this very change lowered it. The `changes` of an event hold values from when it was written, and are delivered only while the
 * meeting is still at least this restricted (see `present()`): a title written while the meeting was
 * CONFIDENTIAL never reaches those who may read it once it is INTERNAL.
 */
export function eventClassification(
  current: Classification,
  changes: FieldChanges | undefined,
): Classification {
  const before = asClassification(changes?.classification?.before);
  return before && moreRestricted(before, current) ? before : current;
}

/** Appends an event scoped to the meeting, so `events(scope: {type: MEETING, id})` sees all of it. */
export function appendMeetingEvent(
  ctx: Pick<Context, 'feed'>,
  em: EntityManager,
  /** Who made the change (a viewer); without `userId`, the server itself. */
  viewer: { organizationId: string; userId?: string | undefined },
  meeting: Pick<Meeting, 'id' | 'classification'>,
  input: MeetingEventInput,
): Promise<Event> {
  const subject =
    input.subject instanceof AgendaItem
      ? { type: SubjectType.AGENDA_ITEM, id: input.subject.id }
      : { type: SubjectType.MEETING, id: input.subject.id };
  return ctx.feed.append(em, {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    type: input.type,
    subject,
    scope: { type: SubjectType.MEETING, id: meeting.id },
    classification: eventClassification(meeting.classification, input.changes),
    ...(input.changes ? { changes: input.changes } : {}),
  });
}

/**
 * Notifies users of an event (an invitation, a schedule, a cancellation), never the one who caused it; written
 * when the command ends (see notification-outbox.ts). `kind` defaults to the event type's.
 */
export function notify(
  em: EntityManager,
  viewer: Viewer,
  event: Event,
  userIds: Iterable<string>,
  kind?: NotificationKind,
): void {
  askNotifications(
    em,
    event,
    [...userIds].filter((userId) => userId !== viewer.userId),
    kind,
  );
}

/** A reference field's change as ids, for the event's before/after. */
export function refChange(
  before: { id: string } | null | undefined,
  after: { id: string } | null | undefined,
): FieldChanges[string] | undefined {
  const a = before?.id ?? null;
  const b = after?.id ?? null;
  return a === b ? undefined : { before: a, after: b };
}
