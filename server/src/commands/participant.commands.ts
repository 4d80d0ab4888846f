import { EventType, limits, ParticipantRole } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { type Meeting, Membership, Participant, Unit } from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type { AddParticipantsInput, RecordAttendanceInput, UpdateParticipantInput } from './inputs.js';
import { applyChanges } from './changes.js';
import { checkCanTakePart, MeetingRoster } from './meeting-roster.js';
import {
  appendMeetingEvent,
  checkVersion,
  loadMeeting,
  loadOpenMeeting,
  lockMeeting,
  runVersioned,
} from './meeting-support.js';
import { runCommand } from './run-command.js';

/** A participant and its meeting as the viewer may see it; with `open`, a meeting the viewer may still change. */
async function loadParticipant(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  { open }: { open: boolean },
): Promise<{ participant: Participant; meeting: Meeting }> {
  const participant = await em.findOne(Participant, id, { refresh: true });
  if (!participant) throw new NotFoundError('Participant', id);
  const via = { what: 'Participant', id };
  const meeting = open
    ? await loadOpenMeeting(em, viewer, participant.meeting.id, 'changed', via)
    : await loadMeeting(em, viewer, participant.meeting.id, via);
  return { participant, meeting };
}

/** The meeting of a participant, read first so the meeting can be locked before the participant is read. */
async function meetingIdOfParticipant(em: EntityManager, id: string): Promise<string> {
  const participant = await em.findOne(Participant, id, { fields: ['meeting'], refresh: true });
  if (!participant) throw new NotFoundError('Participant', id);
  return participant.meeting.id;
}

/**
 * Invites users (each notified, except to a template): those named, and the active members of the units
 * named (skipping who already takes part or is named). A user takes part once, an office is held by one.
 */
export async function addParticipants(
  ctx: Context,
  viewer: Viewer,
  input: AddParticipantsInput,
): Promise<{ meeting: Meeting; participants: Participant[] }> {
  const named = input.participants ?? [];
  const units = input.units ?? [];
  const userIds = named.map((entry) => entry.userId);
  if (named.length === 0 && units.length === 0)
    throw new BadInputError('participants', 'Name at least one person or unit');
  if (new Set(userIds).size !== userIds.length)
    throw new BadInputError('participants', 'Each user is listed once');
  for (const office of [ParticipantRole.CHAIR, ParticipantRole.SECRETARY]) {
    if (named.filter((entry) => entry.role === office).length > 1)
      throw new BadInputError('participants', `A meeting has one ${office}`);
    if (units.some((entry) => entry.role === office))
      throw new BadInputError('units', `A unit's members cannot all be ${office}`);
  }
  return runCommand(ctx, async (em) => {
    await lockMeeting(em, input.meetingId);
    const meeting = await loadOpenMeeting(em, viewer, input.meetingId, 'changed');
    await checkCanTakePart(em, viewer, 'participants', userIds);
    const roster = await MeetingRoster.load(ctx, em, viewer, meeting);
    const taken = userIds.find((userId) => roster.find(userId));
    if (taken) throw new BadInputError('participants', `User ${taken} already takes part in this meeting`);
    const entries = [...named];
    for (const unit of units) {
      const found = await em.findOne(Unit, { id: unit.unitId, organization: viewer.organizationId });
      if (!found) throw new NotFoundError('Unit', unit.unitId);
      const members = await em.find(
        Membership,
        { unit: found, user: { active: true } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      for (const { user } of members)
        if (!roster.find(user.id) && !entries.some((entry) => entry.userId === user.id))
          entries.push({ userId: user.id, role: unit.role });
    }
    if (entries.length > limits.participantsPerCallMax)
      throw new BadInputError('units', `At most ${limits.participantsPerCallMax} people at once`, {
        constraint: 'arrayMaxSize',
        limit: limits.participantsPerCallMax,
      });
    const participants: Participant[] = [];
    for (const entry of entries) participants.push(await roster.add(entry.userId, entry.role));
    await roster.finish();
    return { meeting, participants };
  });
}

/** A new role; CHAIR or SECRETARY also makes them the meeting's chair or secretary (see MeetingRoster). */
export async function updateParticipant(
  ctx: Context,
  viewer: Viewer,
  input: UpdateParticipantInput,
): Promise<{ meeting: Meeting; participant: Participant }> {
  return runVersioned(ctx, 'Participant', input.expectedVersion, async (em) => {
    await lockMeeting(em, await meetingIdOfParticipant(em, input.id));
    const { participant, meeting } = await loadParticipant(em, viewer, input.id, { open: true });
    checkVersion('Participant', participant, input.expectedVersion);
    const roster = await MeetingRoster.load(ctx, em, viewer, meeting);
    await roster.setRole(participant, input.role);
    await roster.finish();
    return { meeting, participant };
  });
}

/** Removing the chair or the secretary leaves that office empty. */
export async function removeParticipant(
  ctx: Context,
  viewer: Viewer,
  id: string,
): Promise<{ meeting: Meeting; removedId: string }> {
  return runCommand(ctx, async (em) => {
    await lockMeeting(em, await meetingIdOfParticipant(em, id));
    const { participant, meeting } = await loadParticipant(em, viewer, id, { open: true });
    const roster = await MeetingRoster.load(ctx, em, viewer, meeting);
    await roster.remove(participant);
    await roster.finish();
    return { meeting, removedId: id };
  });
}

/** Present, absent or excused: the quorum follows live (subject: the meeting, whose `quorum` changed). */
export async function recordAttendance(
  ctx: Context,
  viewer: Viewer,
  input: RecordAttendanceInput,
): Promise<{ meeting: Meeting; participant: Participant }> {
  return runVersioned(ctx, 'Participant', input.expectedVersion, async (em) => {
    const { participant, meeting } = await loadParticipant(em, viewer, input.participantId, { open: false });
    authorize(meetingPolicy.canManage(viewer, meeting), 'Only the office records attendance');
    if (!meetingPolicy.attendanceOpen(meeting))
      throw new BadInputError(
        'participantId',
        `Attendance is recorded once the meeting is SCHEDULED and during the session (it is ${meeting.status})`,
      );
    if (input.expectedVersion !== undefined && input.expectedVersion !== null)
      checkVersion('Participant', participant, input.expectedVersion);
    const changes = applyChanges(participant, { attendance: input.attendance });
    if (Object.keys(changes).length > 0) {
      await appendMeetingEvent(ctx, em, viewer, meeting, {
        type: EventType.ATTENDANCE_RECORDED,
        subject: meeting,
        changes: {
          participantId: { before: participant.id, after: participant.id },
          userId: { before: participant.user.id, after: participant.user.id },
          ...changes,
        },
      });
    }
    return { meeting, participant };
  });
}

/** The viewer opened the materials; the first time is what counts. */
export async function markMaterialsRead(
  ctx: Context,
  viewer: Viewer,
  meetingId: string,
): Promise<Participant> {
  return runCommand(ctx, async (em) => {
    const meeting = await loadMeeting(em, viewer, meetingId);
    const participant = await em.findOne(Participant, { meeting, user: viewer.userId }, { refresh: true });
    if (!participant || !meetingPolicy.canMarkMaterialsRead(viewer, meeting))
      throw new ForbiddenError('Only participants read the materials');
    if (participant.materialsReadAt) return participant;
    participant.materialsReadAt = new Date();
    await appendMeetingEvent(ctx, em, viewer, meeting, {
      type: EventType.PARTICIPANT_MATERIALS_READ,
      subject: meeting,
      changes: {
        participantId: { before: participant.id, after: participant.id },
        materialsReadAt: { before: null, after: participant.materialsReadAt },
      },
    });
    return participant;
  });
}
