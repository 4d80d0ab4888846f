import {
  Classification,
  DocumentVersionKind,
  EventType,
  limits,
  MeetingStatus,
  UnitKind,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { generateNKeysBetween } from 'fractional-indexing';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { moreRestricted } from '../domain/classification.js';
import { AgendaItem, Meeting, Participant, Unit, User } from '../entities/index.js';
import { unscheduleProposals } from './proposal.commands.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import { buildAgenda } from '../domain/agenda.js';
import type {
  CopyAgendaInput,
  CreateMeetingFromInput,
  CreateMeetingInput,
  MeetingTransitionShape,
  UpdateMeetingInput,
} from './inputs.js';
import { takeVersion } from './body-snapshot.js';
import { applyChanges } from './changes.js';
import { checkMeetingTransition } from '../domain/meeting-lifecycle.js';
import { checkCanTakePart, MeetingRoster } from './meeting-roster.js';
import {
  appendMeetingEvent,
  checkVersion,
  loadItems,
  loadMeeting,
  lockMeeting,
  notify,
  runVersioned,
} from './meeting-support.js';
import { runCommand } from './run-command.js';

function checkTimes(startsAt: Date, endsAt: Date | null | undefined): void {
  if (endsAt && endsAt <= startsAt) throw new BadInputError('endsAt', 'The meeting must end after it starts');
}

/** One person holds one role in a meeting: the chair cannot also keep the minutes. */
function checkOffices(chairId: string | null | undefined, secretaryId: string | null | undefined): void {
  if (chairId && chairId === secretaryId)
    throw new BadInputError('secretaryId', 'The chair and the secretary are two people');
}

export async function createMeeting(
  ctx: Context,
  viewer: Viewer,
  input: CreateMeetingInput,
): Promise<Meeting> {
  authorize(meetingPolicy.canCreate(viewer), 'Only the office can schedule meetings');
  checkTimes(input.startsAt, input.endsAt);
  checkOffices(input.chairId, input.secretaryId);
  return runCommand(ctx, async (em) => {
    const committee = await em.findOne(Unit, { id: input.committeeId, organization: viewer.organizationId });
    if (!committee) throw new NotFoundError('Unit', input.committeeId);
    if (committee.kind !== UnitKind.COMMITTEE)
      throw new BadInputError('committeeId', 'A meeting is held by a committee');
    if (input.chairId) await checkCanTakePart(em, viewer, 'chairId', [input.chairId]);
    if (input.secretaryId) await checkCanTakePart(em, viewer, 'secretaryId', [input.secretaryId]);
    const meeting = em.create(Meeting, {
      organization: viewer.organizationId,
      committee,
      title: input.title.trim(),
      kind: input.kind,
      status: MeetingStatus.DRAFT,
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      location: input.location ?? null,
      isTemplate: input.isTemplate ?? false,
      ...(input.classification ? { classification: input.classification } : {}),
    });
    // Whoever creates a confidential meeting is on its access list, or they could not see it.
    if (meeting.classification === Classification.CONFIDENTIAL)
      meeting.accessList.add(em.getReference(User, viewer.userId));
    await appendMeetingEvent(ctx, em, viewer, meeting, { type: EventType.MEETING_CREATED, subject: meeting });
    // The offices come with their participants; `meeting.created` already carries the meeting as it ends up.
    const roster = MeetingRoster.empty(ctx, em, viewer, meeting);
    if (input.chairId) await roster.appoint('chair', input.chairId);
    if (input.secretaryId) await roster.appoint('secretary', input.secretaryId);
    return meeting;
  });
}

export async function updateMeeting(
  ctx: Context,
  viewer: Viewer,
  input: UpdateMeetingInput,
): Promise<Meeting> {
  const { id, expectedVersion, chairId, secretaryId, ...patch } = input;
  for (const field of ['title', 'kind', 'startsAt', 'classification', 'isTemplate'] as const) {
    if (patch[field] === null) throw new BadInputError(field, `"${field}" cannot be cleared`);
  }
  checkOffices(chairId, secretaryId);
  return runVersioned(ctx, 'Meeting', expectedVersion, async (em) => {
    // The offices change participants too: the meeting's roster is locked like any change of it.
    await lockMeeting(em, id);
    const meeting = await loadMeeting(em, viewer, id);
    authorize(meetingPolicy.canManage(viewer, meeting), 'Only the office prepares meetings');
    checkVersion('Meeting', meeting, expectedVersion);
    if (!meetingPolicy.canUpdate(viewer, meeting))
      throw new BadInputError('id', `A ${meeting.status} meeting can no longer be edited`);
    if (
      patch.isTemplate !== undefined &&
      patch.isTemplate !== meeting.isTemplate &&
      meeting.status !== MeetingStatus.DRAFT
    )
      throw new BadInputError('isTemplate', 'Only a DRAFT meeting can become or stop being a template');
    if (chairId) await checkCanTakePart(em, viewer, 'chairId', [chairId]);
    if (secretaryId) await checkCanTakePart(em, viewer, 'secretaryId', [secretaryId]);
    if (patch.title !== undefined) patch.title = patch.title.trim();
    const changes = applyChanges(meeting, patch);
    checkTimes(meeting.startsAt, meeting.endsAt);
    if (changes.classification && meeting.classification === Classification.CONFIDENTIAL)
      meeting.accessList.add(em.getReference(User, viewer.userId));
    if (chairId !== undefined || secretaryId !== undefined) {
      const roster = await MeetingRoster.load(ctx, em, viewer, meeting);
      if (chairId !== undefined) await roster.appoint('chair', chairId);
      if (secretaryId !== undefined) await roster.appoint('secretary', secretaryId);
      Object.assign(changes, roster.changes);
    }
    if (Object.keys(changes).length > 0) {
      await appendMeetingEvent(ctx, em, viewer, meeting, {
        type: EventType.MEETING_UPDATED,
        subject: meeting,
        changes,
      });
    }
    return meeting;
  });
}

/**
 * schedule, start, close, cancel: one state machine (meeting-lifecycle.ts). Scheduling and cancelling
 * notify the participants.
 */
export async function changeMeetingStatus(
  ctx: Context,
  viewer: Viewer,
  input: MeetingTransitionShape,
  to: MeetingStatus,
): Promise<Meeting> {
  return runVersioned(ctx, 'Meeting', input.expectedVersion, async (em) => {
    const meeting = await loadMeeting(em, viewer, input.id);
    authorize(meetingPolicy.canManage(viewer, meeting), 'Only the office prepares meetings');
    checkVersion('Meeting', meeting, input.expectedVersion);
    checkMeetingTransition(meeting, to);
    const changes = applyChanges(meeting, { status: to });
    // The minutes as they stand at the close are kept, named after it (they are locked from now on); the
    // close's event names the version.
    if (to === MeetingStatus.CLOSED) {
      const minutes = { kind: 'minutes', id: meeting.id } as const;
      const version = await takeVersion(ctx, em, viewer, minutes, DocumentVersionKind.STATUS_CHANGE, to);
      changes.versionId = { before: null, after: version.id };
    }
    const event = await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.MEETING_STATUS_CHANGED,
      subject: meeting,
      changes,
    });
    // Its proposals are off this agenda: SUBMITTED again unless another meeting still presents them.
    if (to === MeetingStatus.CANCELLED && !meeting.isTemplate) {
      const items = await em.find(AgendaItem, { meeting, proposal: { $ne: null } }, { fields: ['proposal'] });
      const proposalIds = items.map((item) => item.proposal!.id);
      await unscheduleProposals(ctx, em, viewer, proposalIds, { meetingId: meeting.id });
    }
    if (to === MeetingStatus.SCHEDULED || to === MeetingStatus.CANCELLED) {
      const participants = await em.find(Participant, { meeting }, { fields: ['user'] });
      notify(
        em,
        viewer,
        event,
        participants.map((p) => p.user.id),
      );
    }
    return meeting;
  });
}

/**
 * Copies agenda items (titles, descriptions, durations, presenters, whether materials are needed, the
 * nesting and the order) to the end of a meeting's agenda. Statuses, conclusions, votes, proposals, files
 * and confirmations belong to the session they happened in and are not copied.
 */
function copyItems(
  em: EntityManager,
  source: readonly AgendaItem[],
  target: Meeting,
  existing: readonly AgendaItem[],
): AgendaItem[] {
  if (existing.length + source.length > limits.agendaItemsMax)
    throw new BadInputError('toMeetingId', `An agenda has at most ${limits.agendaItemsMax} items`);
  const from = buildAgenda(source);
  const to = buildAgenda(existing);
  const copies: AgendaItem[] = [];
  const copyLevel = (level: AgendaItem[], parent: AgendaItem | undefined, after: string | null) => {
    const keys = generateNKeysBetween(after, null, level.length);
    level.forEach((item, index) => {
      const copy = em.create(AgendaItem, {
        meeting: target,
        ...(parent ? { parent } : {}),
        position: keys[index]!,
        title: item.title,
        description: item.description ?? null,
        durationMinutes: item.durationMinutes ?? null,
        presenterUser: item.presenterUser ?? null,
        presenterUnit: item.presenterUnit ?? null,
        materialsRequired: item.materialsRequired,
      });
      copies.push(copy);
      copyLevel(from.children.get(item.id) ?? [], copy, null);
    });
  };
  copyLevel(from.roots, undefined, to.roots.at(-1)?.position ?? null);
  return copies;
}

/** A new meeting (or template) with the structure of an earlier one: details, participants, agenda. */
export async function createMeetingFrom(
  ctx: Context,
  viewer: Viewer,
  input: CreateMeetingFromInput,
): Promise<Meeting> {
  authorize(meetingPolicy.canCreate(viewer), 'Only the office can schedule meetings');
  checkTimes(input.startsAt, input.endsAt);
  return runCommand(ctx, async (em) => {
    const source = await loadMeeting(em, viewer, input.sourceMeetingId);
    authorize(meetingPolicy.canCopy(viewer, source));
    await em.populate(source, ['accessList'], { refresh: true });
    const length =
      source.endsAt && source.startsAt ? source.endsAt.getTime() - source.startsAt.getTime() : undefined;
    const endsAt = input.endsAt ?? (length ? new Date(input.startsAt.getTime() + length) : null);
    const meeting = em.create(Meeting, {
      organization: viewer.organizationId,
      committee: source.committee,
      title: input.title?.trim() ?? source.title,
      kind: source.kind,
      status: MeetingStatus.DRAFT,
      startsAt: input.startsAt,
      endsAt,
      location: source.location ?? null,
      classification: source.classification,
      chair: source.chair ?? null,
      secretary: source.secretary ?? null,
      isTemplate: input.isTemplate ?? false,
    });
    for (const user of source.accessList.getItems()) meeting.accessList.add(user);
    if (meeting.classification === Classification.CONFIDENTIAL)
      meeting.accessList.add(em.getReference(User, viewer.userId));
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.MEETING_CREATED,
      subject: meeting,
      changes: { sourceMeetingId: { before: null, after: source.id } },
    });

    const participants = await em.find(Participant, { meeting: source }, { refresh: true });
    for (const participant of participants) {
      const copy = em.create(Participant, { meeting, user: participant.user, role: participant.role });
      const event = await appendMeetingEvent(ctx, em, viewer, meeting, {
        type: EventType.PARTICIPANT_ADDED,
        subject: meeting,
        changes: {
          participantId: { before: null, after: copy.id },
          userId: { before: null, after: participant.user.id },
          role: { before: null, after: participant.role },
        },
      });
      // An invitation: except to a template, which nobody attends.
      if (!meeting.isTemplate) notify(em, viewer, event, [participant.user.id]);
    }

    const items = copyItems(em, await loadItems(em, source.id), meeting, []);
    if (items.length > 0) {
      await appendMeetingEvent(ctx, em, viewer, meeting, {
        type: EventType.AGENDA_COPIED,
        subject: meeting,
        changes: {
          fromMeetingId: { before: null, after: source.id },
          items: { before: 0, after: items.length },
        },
      });
    }
    return meeting;
  });
}

/** Appends a copy of one meeting's agenda to another's (the monthly briefing's usual items, say). */
export async function copyAgenda(
  ctx: Context,
  viewer: Viewer,
  input: CopyAgendaInput,
): Promise<{ meeting: Meeting; agendaItems: AgendaItem[] }> {
  if (input.fromMeetingId === input.toMeetingId)
    throw new BadInputError('toMeetingId', 'Copy an agenda to another meeting');
  return runCommand(ctx, async (em) => {
    await lockMeeting(em, input.toMeetingId);
    const source = await loadMeeting(em, viewer, input.fromMeetingId);
    authorize(meetingPolicy.canCopy(viewer, source));
    const target = await loadMeeting(em, viewer, input.toMeetingId);
    authorize(meetingPolicy.canManage(viewer, target), 'Only the office prepares meetings');
    if (!meetingPolicy.canManageAgenda(viewer, target))
      throw new BadInputError('toMeetingId', `The agenda of a ${target.status} meeting can no longer change`);
    // Titles of a confidential agenda must not reach readers of a less protected meeting.
    if (moreRestricted(source.classification, target.classification))
      throw new BadInputError(
        'fromMeetingId',
        `A ${source.classification} agenda cannot be copied into a ${target.classification} meeting`,
      );
    const items = copyItems(em, await loadItems(em, source.id), target, await loadItems(em, target.id));
    if (items.length > 0) {
      await appendMeetingEvent(ctx, em, viewer, target, {
        type: EventType.AGENDA_COPIED,
        subject: target,
        changes: {
          fromMeetingId: { before: null, after: source.id },
          items: { before: 0, after: items.length },
        },
      });
    }
    return { meeting: target, agendaItems: items };
  });
}
