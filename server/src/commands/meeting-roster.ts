import { EventType, ParticipantRole } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { type FieldChanges, type Meeting, Membership, Participant, User } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { applyChanges } from './changes.js';
import { appendMeetingEvent, notify, refChange } from './meeting-support.js';

/** The two offices of a session; each is held by the one participant whose role names it. */
export type Office = 'chair' | 'secretary';

const officeRole: Record<Office, ParticipantRole> = {
  chair: ParticipantRole.CHAIR,
  secretary: ParticipantRole.SECRETARY,
};

/**
 * What the holder of an office becomes when it passes to someone else or is cleared: they stay in the
 * meeting. The chair stays a voting MEMBER (handing the chair over does not take away a committee member's
 * vote); the secretary, office staff keeping the minutes who do not vote, stays an INVITEE, so that a
 * handover never changes the quorum.
 */
const formerRole: Record<Office, ParticipantRole> = {
  chair: ParticipantRole.MEMBER,
  secretary: ParticipantRole.INVITEE,
};

function officeOf(role: ParticipantRole): Office | undefined {
  if (role === ParticipantRole.CHAIR) return 'chair';
  if (role === ParticipantRole.SECRETARY) return 'secretary';
  return undefined;
}

/**
 * Refuses, before anything is changed, users who cannot take part: those of another organization (not found,
 * like anything another tenant holds) and those `meetingPolicy.mayTakePart` leaves out.
 */
export async function checkCanTakePart(
  em: EntityManager,
  viewer: Viewer,
  field: string,
  userIds: readonly string[],
): Promise<void> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return;
  const users = await em.find(User, { id: { $in: wanted }, organization: viewer.organizationId });
  const missing = wanted.find((id) => !users.some((user) => user.id === id));
  if (missing) throw new NotFoundError('User', missing);
  const members = await em.find(Membership, { user: { $in: wanted } }, { fields: ['user'] });
  const refused = users.find(
    (user) =>
      !meetingPolicy.mayTakePart(
        user,
        members.some((m) => m.user.id === user.id),
      ),
  );
  if (refused)
    throw new BadInputError(field, `${refused.fullName} administers the system and belongs to no unit`);
}

/**
 * Who takes part in a meeting, with the meeting's chair and secretary kept in step with the participants'
 * roles: giving a participant the CHAIR (SECRETARY) role makes them the chair (secretary) and moves the
 * previous one to their former role; naming a chair adds them as a participant; removing the chair clears
 * the office. Every command that changes participants or offices goes through here, inside its
 * transaction with the meeting locked (`lockMeeting`). Participant events are appended as they happen; the
 * meeting's own changes (`chairId`, `secretaryId`) are collected in `changes` for the caller's
 * `meeting.updated` (`finish`), so one command gives one event per object it changed.
 */
export class MeetingRoster {
  readonly changes: FieldChanges = {};

  private constructor(
    private readonly ctx: Context,
    private readonly em: EntityManager,
    private readonly viewer: Viewer,
    readonly meeting: Meeting,
    private readonly participants: Participant[],
  ) {}

  /** The roster of a meeting, its participants read afresh inside the transaction. */
  static async load(
    ctx: Context,
    em: EntityManager,
    viewer: Viewer,
    meeting: Meeting,
  ): Promise<MeetingRoster> {
    const participants = await em.find(Participant, { meeting }, { refresh: true });
    return new MeetingRoster(ctx, em, viewer, meeting, participants);
  }

  /** The roster of a meeting created in this transaction: nobody takes part yet. */
  static empty(ctx: Context, em: EntityManager, viewer: Viewer, meeting: Meeting): MeetingRoster {
    return new MeetingRoster(ctx, em, viewer, meeting, []);
  }

  find(userId: string): Participant | undefined {
    return this.participants.find((participant) => participant.user.id === userId);
  }

  /** Invites a user with a role (notified, except to a template); an office passes to them. */
  async add(userId: string, role: ParticipantRole): Promise<Participant> {
    if (this.find(userId))
      throw new BadInputError('participants', `User ${userId} already takes part in this meeting`);
    const office = officeOf(role);
    if (office) await this.vacate(office);
    const participant = this.em.create(Participant, { meeting: this.meeting, user: userId, role });
    this.participants.push(participant);
    const event = await this.append(EventType.PARTICIPANT_ADDED, {
      participantId: { before: null, after: participant.id },
      userId: { before: null, after: userId },
      role: { before: null, after: role },
    });
    if (!this.meeting.isTemplate) notify(this.em, this.viewer, event, [userId]);
    if (office) this.setOffice(office, userId);
    return participant;
  }

  /** Changes a participant's role; taking an office moves its previous holder to their former role. */
  async setRole(participant: Participant, role: ParticipantRole): Promise<void> {
    const before = officeOf(participant.role);
    const after = officeOf(role);
    if (after) await this.vacate(after, participant);
    const changes = applyChanges(participant, { role });
    if (Object.keys(changes).length > 0)
      await this.append(EventType.PARTICIPANT_UPDATED, {
        participantId: { before: participant.id, after: participant.id },
        ...changes,
      });
    if (before && before !== after) this.setOffice(before, null);
    if (after) this.setOffice(after, participant.user.id);
  }

  async remove(participant: Participant): Promise<void> {
    const userId = participant.user.id;
    this.em.remove(participant);
    this.participants.splice(this.participants.indexOf(participant), 1);
    await this.append(EventType.PARTICIPANT_REMOVED, {
      participantId: { before: participant.id, after: null },
      userId: { before: userId, after: null },
    });
    for (const office of ['chair', 'secretary'] as const)
      if (officeOf(participant.role) === office || this.meeting[office]?.id === userId)
        this.setOffice(office, null);
  }

  /** Names the chair or secretary (adding them as a participant if need be), or clears the office (null). */
  async appoint(office: Office, userId: string | null): Promise<void> {
    if (!userId) return this.vacate(office);
    const participant = this.find(userId);
    if (participant) await this.setRole(participant, officeRole[office]);
    else await this.add(userId, officeRole[office]);
  }

  /** Appends the meeting's own change (`meeting.updated`) when an office changed hands. */
  async finish(): Promise<void> {
    if (Object.keys(this.changes).length === 0) return;
    await appendMeetingEvent(this.ctx, this.em, this.viewer, this.meeting, {
      type: EventType.MEETING_UPDATED,
      subject: this.meeting,
      changes: this.changes,
    });
  }

  /** Moves whoever holds an office (but `keep`) to their former role, and leaves the office empty. */
  private async vacate(office: Office, keep?: Participant): Promise<void> {
    const holderId = this.meeting[office]?.id;
    const holders = this.participants.filter(
      (p) => p !== keep && (p.role === officeRole[office] || p.user.id === holderId),
    );
    for (const holder of holders)
      if (holder.role === officeRole[office]) await this.setRole(holder, formerRole[office]);
    if (holderId !== keep?.user.id) this.setOffice(office, null);
  }

  private setOffice(office: Office, userId: string | null): void {
    const change = refChange(this.meeting[office], userId ? { id: userId } : null);
    if (!change) return;
    const key = `${office}Id`;
    this.changes[key] = { before: this.changes[key]?.before ?? change.before, after: change.after };
    if (this.changes[key].before === change.after) delete this.changes[key];
    this.em.assign(this.meeting, { [office]: userId });
  }

  private append(type: EventType, changes: FieldChanges) {
    return appendMeetingEvent(this.ctx, this.em, this.viewer, this.meeting, {
      type,
      subject: this.meeting,
      changes,
    });
  }
}
