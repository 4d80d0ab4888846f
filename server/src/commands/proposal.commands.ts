import {
  DocumentVersionKind,
  EventType,
  MeetingStatus,
  ProposalStatus,
  proposalTransitionNeedsReason,
  SubjectType,
  type Classification,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import type { FieldChanges } from '../entities/index.js';
import { AgendaItem, Proposal, Unit, User } from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import type { ChangeProposalStatusInput, CreateProposalInput, UpdateProposalInput } from './inputs.js';
import { closeOpenAppraisals } from './appraisal.commands.js';
import { takeVersion } from './body-snapshot.js';
import { applyChanges, created } from './changes.js';
import { followAdoption } from './programme-adoption.js';
import { checkVersion, eventClassification, notify, refChange, runVersioned } from './meeting-support.js';
import { runCommand } from './run-command.js';

/** The proposal as the viewer may see it, freshly read inside the transaction; NOT_FOUND otherwise. */
export async function loadProposal(em: EntityManager, viewer: Viewer, id: string): Promise<Proposal> {
  const proposal = await em.findOne(Proposal, { id, organization: viewer.organizationId }, { refresh: true });
  if (!proposal || !proposalPolicy.canRead(viewer, proposal)) throw new NotFoundError('Proposal', id);
  return proposal;
}

/** A unit of the viewer's organization, or NOT_FOUND. */
export async function loadLeadUnit(em: EntityManager, viewer: Viewer, id: string): Promise<Unit> {
  const unit = await em.findOne(Unit, { id, organization: viewer.organizationId });
  if (!unit) throw new NotFoundError('Unit', id);
  return unit;
}

/** The users named by an access list: each of the organization, or NOT_FOUND; each once. */
async function loadAccessList(em: EntityManager, viewer: Viewer, ids: readonly string[]): Promise<User[]> {
  const unique = [...new Set(ids)];
  const users = await em.find(User, { id: { $in: unique }, organization: viewer.organizationId });
  const missing = unique.find((id) => !users.some((user) => user.id === id));
  if (missing) throw new NotFoundError('User', missing);
  return users;
}

/** Appends an event scoped to the proposal, so `events(scope: {type: PROPOSAL, id})` sees all of it. */
export function appendProposalEvent(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposal: Proposal,
  type: EventType,
  changes: FieldChanges,
) {
  return ctx.feed.append(em, {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    type,
    subject: { type: SubjectType.PROPOSAL, id: proposal.id },
    classification: eventClassification(proposal.classification, changes),
    changes,
  });
}

/** A new proposal in DRAFTING, owned by the viewer, drafted by its lead unit. */
export async function createProposal(
  ctx: Context,
  viewer: Viewer,
  input: CreateProposalInput,
): Promise<Proposal> {
  authorize(
    proposalPolicy.canCreate(viewer, input.leadUnitId),
    'Proposals are created by members of their lead unit or by the office',
  );
  return runCommand(ctx, async (em) => {
    const leadUnit = await loadLeadUnit(em, viewer, input.leadUnitId);
    const proposal = em.create(Proposal, {
      organization: viewer.organizationId,
      title: input.title.trim(),
      kind: input.kind,
      leadUnit,
      owner: viewer.userId,
      referenceNumber: input.referenceNumber?.trim() || null,
      summary: input.summary?.trim() || null,
      ...(input.classification ? { classification: input.classification } : {}),
    });
    await appendProposalEvent(
      ctx,
      em,
      viewer,
      proposal,
      EventType.PROPOSAL_CREATED,
      created({
        title: proposal.title,
        kind: proposal.kind,
        leadUnitId: leadUnit.id,
        classification: proposal.classification,
        status: proposal.status,
      }),
    );
    return proposal;
  });
}

/** Its details, while it is in the workflow, by its drafters or the office; a new lead unit must be theirs too. */
export async function updateProposal(
  ctx: Context,
  viewer: Viewer,
  input: UpdateProposalInput,
): Promise<Proposal> {
  return runVersioned(ctx, 'Proposal', input.expectedVersion, async (em) => {
    const proposal = await loadProposal(em, viewer, input.id);
    authorize(
      proposalPolicy.canUpdate(viewer, proposal),
      'Only its drafters or the office change a proposal',
    );
    for (const field of ['title', 'kind', 'leadUnitId', 'accessUserIds'] as const)
      if (input[field] === null) throw new BadInputError(field, `"${field}" cannot be cleared`);
    checkVersion('Proposal', proposal, input.expectedVersion);
    // Everything is checked before the proposal is touched: a refused lead unit changes nothing.
    let leadUnit: Unit | undefined;
    if (input.leadUnitId) {
      authorize(
        proposalPolicy.canCreate(viewer, input.leadUnitId),
        'A proposal moves only to a unit of yours, or by the office',
      );
      leadUnit = await loadLeadUnit(em, viewer, input.leadUnitId);
    }
    const access = input.accessUserIds && (await loadAccessList(em, viewer, input.accessUserIds));
    const changes = applyChanges<{
      title?: string;
      kind?: Proposal['kind'];
      referenceNumber?: string | null;
      summary?: string | null;
      classification?: Classification;
    }>(proposal, {
      title: input.title?.trim(),
      kind: input.kind ?? undefined,
      referenceNumber:
        input.referenceNumber === undefined ? undefined : input.referenceNumber?.trim() || null,
      summary: input.summary === undefined ? undefined : input.summary?.trim() || null,
      classification: input.classification ?? undefined,
    });
    const leadUnitChange = leadUnit && refChange(proposal.leadUnit, leadUnit);
    if (leadUnit && leadUnitChange) {
      proposal.leadUnit = em.getReference(Unit, leadUnit.id, { wrapped: true });
      changes.leadUnitId = leadUnitChange;
    }
    if (access) {
      await em.populate(proposal, ['accessList'], { refresh: true });
      const before = proposal.accessList.getIdentifiers<string>().sort();
      const after = access.map((user) => user.id).sort();
      if (before.join() !== after.join()) {
        proposal.accessList.set(access);
        // Who may read it changes: viewers are refreshed when this commits (`accessEventTypes`).
        changes.accessUserIds = { before, after };
      }
    }
    if (Object.keys(changes).length > 0)
      await appendProposalEvent(ctx, em, viewer, proposal, EventType.PROPOSAL_UPDATED, changes);
    return proposal;
  });
}

/**
 * Moves a proposal along its workflow (`proposalTransitions` in packages/shared). A move the viewer may not
 * make is BAD_USER_INPUT naming the ones they may (`extensions.allowed`); someone with no part in it is
 * FORBIDDEN. Returning it to drafting needs a reason, which the drafters see.
 */
export async function changeProposalStatus(
  ctx: Context,
  viewer: Viewer,
  input: ChangeProposalStatusInput,
): Promise<Proposal> {
  return runVersioned(ctx, 'Proposal', input.expectedVersion, async (em) => {
    const proposal = await loadProposal(em, viewer, input.proposalId);
    if (proposalPolicy.actors(viewer, proposal).size === 0)
      throw new ForbiddenError('Only its drafters or the office move a proposal');
    const allowed = proposalPolicy.transitions(viewer, proposal);
    if (!allowed.includes(input.to))
      throw new BadInputError('to', `A ${proposal.status} proposal cannot go to ${input.to} by you`, {
        allowed,
      });
    const reason = input.reason?.trim();
    if (proposalTransitionNeedsReason(input.to) && !reason)
      throw new BadInputError('reason', 'Say why the proposal goes back to drafting');
    checkVersion('Proposal', proposal, input.expectedVersion);
    await moveProposal(ctx, em, viewer, proposal, input.to, reason);
    return proposal;
  });
}

/**
 * The one step of every move of a proposal, whoever decided it (changeProposalStatus, an appraisal round, the
 * session): the new status (with the reason it was returned, the time it was submitted) and its event. The
 * caller has checked that `proposalTransitions` allows it. Leaving IN_APPRAISAL closes the round still open;
 * adopting it (or taking the adoption back) moves its programme items (`followAdoption`).
 */
export async function moveProposal(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposal: Proposal,
  to: ProposalStatus,
  reason?: string,
): Promise<void> {
  if (proposal.status === ProposalStatus.IN_APPRAISAL && to !== ProposalStatus.IN_APPRAISAL)
    await closeOpenAppraisals(ctx, em, viewer, proposal);
  const from = proposal.status;
  const changes = applyChanges<{ status: ProposalStatus; returnReason?: string; submittedAt?: Date }>(
    proposal,
    {
      status: to,
      ...(to === ProposalStatus.RETURNED ? { returnReason: reason } : {}),
      ...(to === ProposalStatus.SUBMITTED ? { submittedAt: new Date() } : {}),
    },
  );
  // The body as it stands at the move is kept, named after the new status (the SUBMITTED one is the text the
  // session receives); the move's event names it.
  const version = await takeVersion(
    ctx,
    em,
    viewer,
    { kind: 'proposal', id: proposal.id },
    DocumentVersionKind.STATUS_CHANGE,
    to,
  );
  changes.versionId = { before: null, after: version.id };
  const event = await appendProposalEvent(
    ctx,
    em,
    viewer,
    proposal,
    EventType.PROPOSAL_STATUS_CHANGED,
    changes,
  );
  // Its owner hears of a move someone else made (STATUS_CHANGE).
  notify(em, viewer, event, [proposal.owner.id]);
  // Adopted, or its adoption taken back: the programme items it carries out follow.
  await followAdoption(ctx, em, viewer, proposal, from, to);
}

/**
 * Proposals taken off an agenda (their item removed or given another proposal, their meeting cancelled): each
 * that no other agenda item of a meeting still to be held presents is SUBMITTED again. `except` names what is
 * going in this transaction and may not be written yet.
 */
export async function unscheduleProposals(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposalIds: readonly string[],
  except: { itemIds?: readonly string[]; meetingId?: string },
): Promise<void> {
  for (const proposalId of new Set(proposalIds)) {
    const stillOn = await em.count(AgendaItem, {
      proposal: proposalId,
      ...(except.itemIds?.length ? { id: { $nin: [...except.itemIds] } } : {}),
      meeting: {
        isTemplate: false,
        // Still to be held, or under way: a closed session presented it already and did not adopt it.
        status: { $in: [MeetingStatus.DRAFT, MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS] },
        ...(except.meetingId ? { id: { $ne: except.meetingId } } : {}),
      },
    });
    if (stillOn === 0) await followSession(ctx, em, viewer, proposalId, 'unscheduled');
  }
}

/** What a session does to a proposal on its agenda. */
export type SessionStep = 'scheduled' | 'adopted' | 'unadopted' | 'unscheduled';

/**
 * The session moves a proposal by itself, in the transaction of the change that does it: put on an agenda, a
 * SUBMITTED proposal is SCHEDULED; an ADOPTED vote on its item adopts it (SUBMITTED or SCHEDULED); a vote
 * corrected away from ADOPTED takes it back to SCHEDULED; taken off every agenda, a SCHEDULED proposal is
 * SUBMITTED again (`unscheduleProposals`). Any other status is left as it is (a draft on a planned agenda stays
 * a draft).
 */
export async function followSession(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposalId: string,
  step: SessionStep,
): Promise<void> {
  const { SUBMITTED, SCHEDULED, ADOPTED } = ProposalStatus;
  const moves: Record<SessionStep, { from: ProposalStatus[]; to: ProposalStatus }> = {
    scheduled: { from: [SUBMITTED], to: SCHEDULED },
    adopted: { from: [SUBMITTED, SCHEDULED], to: ADOPTED },
    unadopted: { from: [ADOPTED], to: SCHEDULED },
    unscheduled: { from: [SCHEDULED], to: SUBMITTED },
  };
  const { from, to } = moves[step];
  const proposal = await em.findOne(Proposal, proposalId, { refresh: true });
  if (!proposal || !from.includes(proposal.status)) return;
  await moveProposal(ctx, em, viewer, proposal, to);
}
