import {
  Classification,
  EventType,
  MeetingStatus,
  ProgrammeItemStatus,
  ProposalStatus,
  SubjectType,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { AgendaItem, Meeting, ProgrammeItem, type Proposal } from '../entities/index.js';
import { programmeItemOrder } from '../domain/programme-progress.js';
import { applyChanges } from './changes.js';
import { refChange } from './meeting-support.js';

/**
 * The meeting that adopted a proposal, as far as the agenda tells: the latest session under way or held that
 * presents it. None when it was adopted without one (the office recording a decision taken elsewhere).
 */
async function adoptingMeeting(em: EntityManager, proposalId: string): Promise<Meeting | null> {
  const item = await em.findOne(
    AgendaItem,
    {
      proposal: proposalId,
      meeting: { isTemplate: false, status: { $in: [MeetingStatus.IN_PROGRESS, MeetingStatus.CLOSED] } },
    },
    { populate: ['meeting'], orderBy: { meeting: { startsAt: 'desc' } } },
  );
  return item ? item.meeting.getEntity() : null;
}

/**
 * The work programme follows its proposals (issue 12, item 3): when a proposal is adopted, each programme
 * item it carries out is ADOPTED, with the meeting that decided it when the agenda tells; when a corrected
 * vote takes the adoption back, the items it had adopted are SUBMITTED again. Each item changed is one
 * `programmeItem.updated` event with the item as subject, in the proposal's scope (the programme is read by
 * the whole organization: the event is INTERNAL, and names the meeting only when it is INTERNAL too). Called
 * by `moveProposal`, in its transaction.
 */
export async function followAdoption(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposal: Proposal,
  from: ProposalStatus,
  to: ProposalStatus,
): Promise<void> {
  const adopted = to === ProposalStatus.ADOPTED && from !== ProposalStatus.ADOPTED;
  const unadopted = from === ProposalStatus.ADOPTED && to !== ProposalStatus.ADOPTED;
  if (!adopted && !unadopted) return;
  // In the programme's order, as its events then read.
  const items = await em.find(
    ProgrammeItem,
    { proposal: proposal.id },
    { refresh: true, orderBy: programmeItemOrder },
  );
  if (items.length === 0) return;
  const meeting = adopted ? await adoptingMeeting(em, proposal.id) : null;
  for (const item of items) {
    if (unadopted && item.status !== ProgrammeItemStatus.ADOPTED) continue;
    const changes = applyChanges<{ status: ProgrammeItemStatus }>(item, {
      status: adopted ? ProgrammeItemStatus.ADOPTED : ProgrammeItemStatus.SUBMITTED,
    });
    const meetingChange = meeting && refChange(item.meeting, meeting);
    if (meeting && meetingChange) {
      item.meeting = em.getReference(Meeting, meeting.id, { wrapped: true });
      // The event is INTERNAL (the programme's readers): it names the meeting only when they may all read it
      // (`ProgrammeItem.meeting` shows it to those who may).
      if (meeting.classification === Classification.INTERNAL) changes.meetingId = meetingChange;
    }
    if (Object.keys(changes).length === 0) continue;
    await ctx.feed.append(em, {
      organizationId: viewer.organizationId,
      actorId: viewer.userId,
      type: EventType.PROGRAMME_ITEM_UPDATED,
      subject: { type: SubjectType.PROGRAMME_ITEM, id: item.id },
      scope: { type: SubjectType.PROPOSAL, id: proposal.id },
      classification: Classification.INTERNAL,
      changes,
    });
  }
}
