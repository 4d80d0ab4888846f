import { EventType, VoteOutcome } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { type AgendaItem, Participant, Vote } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type { RecordVoteInput } from './inputs.js';
import { applyChanges } from './changes.js';
import {
  appendMeetingEvent,
  checkVersion,
  loadItems,
  loadMeeting,
  lockMeeting,
  meetingIdOfItem,
  votingRoles,
} from './meeting-support.js';
import { runVersioned } from './meeting-support.js';
import { followSession } from './proposal.commands.js';

/**
 * Records (or corrects) the vote on an agenda item under discussion. The vote belongs to the item: the
 * item's version guards it and goes up with it, and the event's subject is the item, whose `vote` changed.
 */
export async function recordVote(ctx: Context, viewer: Viewer, input: RecordVoteInput): Promise<AgendaItem> {
  const total = input.votesFor + input.votesAgainst + input.abstentions;
  return runVersioned(ctx, 'AgendaItem', input.expectedVersion, async (em) => {
    const meetingId = await meetingIdOfItem(em, input.agendaItemId);
    await lockMeeting(em, meetingId);
    const meeting = await loadMeeting(em, viewer, meetingId, { what: 'AgendaItem', id: input.agendaItemId });
    const item = (await loadItems(em, meetingId)).find((candidate) => candidate.id === input.agendaItemId);
    if (!item) throw new NotFoundError('AgendaItem', input.agendaItemId);
    authorize(meetingPolicy.canManage(viewer, meeting), 'Only the office records votes');
    checkVersion('AgendaItem', item, input.expectedVersion);
    if (!meetingPolicy.votingOpen(meeting, item))
      throw new BadInputError(
        'agendaItemId',
        `Votes are recorded while the meeting is IN_PROGRESS on an item IN_DISCUSSION or CONCLUDED (the meeting is ${meeting.status}, the item ${item.status})`,
      );
    const participants = await em.find(Participant, { meeting }, { fields: ['role'], refresh: true });
    const members = participants.filter((p) => votingRoles.has(p.role)).length;
    if (members > 0 && total > members)
      throw new BadInputError(
        'votesFor',
        `${total} votes counted, but the meeting has ${members} voting members`,
      );

    const existing = await em.findOne(Vote, { agendaItem: item }, { refresh: true });
    const vote = existing ?? em.create(Vote, { agendaItem: item, outcome: input.outcome });
    const before = existing
      ? {
          votesFor: existing.votesFor,
          votesAgainst: existing.votesAgainst,
          abstentions: existing.abstentions,
          outcome: existing.outcome,
        }
      : null;
    const changes = applyChanges(vote, {
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      abstentions: input.abstentions,
      outcome: input.outcome,
    });
    if (!existing || Object.keys(changes).length > 0) {
      // Touching the item bumps its version, so a second recorder working from the same version gets CONFLICT.
      item.updatedAt = new Date();
      await appendMeetingEvent(ctx, em, viewer, meeting, {
        type: EventType.VOTE_RECORDED,
        subject: item,
        changes: {
          vote: {
            before,
            after: {
              votesFor: vote.votesFor,
              votesAgainst: vote.votesAgainst,
              abstentions: vote.abstentions,
              outcome: vote.outcome,
            },
          },
        },
      });
      // The session's decision carries over to the proposal the item presents.
      if (item.proposal) {
        if (vote.outcome === VoteOutcome.ADOPTED)
          await followSession(ctx, em, viewer, item.proposal.id, 'adopted');
        else if (before?.outcome === VoteOutcome.ADOPTED)
          await followSession(ctx, em, viewer, item.proposal.id, 'unadopted');
      }
    }
    return item;
  });
}
