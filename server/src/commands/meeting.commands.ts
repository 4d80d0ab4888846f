import { Classification, MeetingStatus, SubjectType, UnitKind } from '@quorum/shared';
import { OptimisticLockError } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { Meeting, Unit, User } from '../entities/index.js';
import { BadInputError, ConflictError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type { CreateMeetingInput, UpdateMeetingInput } from '../resolvers/types/meeting.input.js';
import { applyChanges } from './changes.js';
import { runCommand } from './run-command.js';

function checkTimes(startsAt: Date, endsAt: Date | null | undefined): void {
  if (endsAt && endsAt <= startsAt) throw new BadInputError('endsAt', 'The meeting must end after it starts');
}

export async function createMeeting(
  ctx: Context,
  viewer: Viewer,
  input: CreateMeetingInput,
): Promise<Meeting> {
  authorize(meetingPolicy.canCreate(viewer), 'Only the office can schedule meetings');
  checkTimes(input.startsAt, input.endsAt);
  return runCommand(ctx, async (em) => {
    const committee = await em.findOne(Unit, { id: input.committeeId, organization: viewer.organizationId });
    if (!committee) throw new NotFoundError('Unit', input.committeeId);
    if (committee.kind !== UnitKind.COMMITTEE)
      throw new BadInputError('committeeId', 'A meeting is held by a committee');
    const meeting = em.create(Meeting, {
      organization: viewer.organizationId,
      committee,
      title: input.title.trim(),
      kind: input.kind,
      status: MeetingStatus.DRAFT,
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      location: input.location ?? null,
      ...(input.classification ? { classification: input.classification } : {}),
    });
    // Whoever creates a confidential meeting is on its access list, or they could not see it.
    if (meeting.classification === Classification.CONFIDENTIAL)
      meeting.accessList.add(em.getReference(User, viewer.userId));
    await ctx.feed.append(em, {
      organizationId: viewer.organizationId,
      actorId: viewer.userId,
      type: 'meeting.created',
      subject: { type: SubjectType.MEETING, id: meeting.id },
      classification: meeting.classification,
    });
    return meeting;
  });
}

export async function updateMeeting(
  ctx: Context,
  viewer: Viewer,
  input: UpdateMeetingInput,
): Promise<Meeting> {
  const { id, expectedVersion, ...patch } = input;
  for (const field of ['title', 'kind', 'startsAt', 'classification'] as const) {
    if (patch[field] === null) throw new BadInputError(field, `"${field}" cannot be cleared`);
  }
  try {
    return await runCommand(ctx, async (em) => {
      const meeting = await em.findOne(Meeting, id);
      if (!meeting || !meetingPolicy.canRead(viewer, meeting)) throw new NotFoundError('Meeting', id);
      authorize(meetingPolicy.canUpdate(viewer, meeting));
      if (meeting.version !== expectedVersion)
        throw new ConflictError('Meeting', expectedVersion, meeting.version);
      if (patch.title !== undefined) patch.title = patch.title.trim();
      const changes = applyChanges(meeting, patch);
      checkTimes(meeting.startsAt, meeting.endsAt);
      if (Object.keys(changes).length > 0) {
        await ctx.feed.append(em, {
          organizationId: viewer.organizationId,
          actorId: viewer.userId,
          type: 'meeting.updated',
          subject: { type: SubjectType.MEETING, id: meeting.id },
          classification: meeting.classification,
          changes,
        });
      }
      return meeting;
    });
  } catch (error) {
    // Someone committed between our read and our write: the versioned UPDATE matched no row.
    if (error instanceof OptimisticLockError)
      throw new ConflictError('Meeting', expectedVersion, expectedVersion + 1);
    throw error;
  }
}
