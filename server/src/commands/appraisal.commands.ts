import {
  AppraisalStatus,
  appraisalUnitsMax,
  CommentStatus,
  EventType,
  givenVerdicts,
  MembershipRole,
  NotificationKind,
  ProposalStatus,
  proposalTransitions,
  SubjectType,
  Verdict,
  verdictNeedsSummary,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { decodeAnchorPosition } from '../domain/appraisal-anchor.js';
import {
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  Membership,
  Proposal,
  Unit,
  User,
  type Event,
  type FieldChanges,
} from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { appraisalPolicy } from '../policies/appraisal.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import type {
  AddAppraisalCommentInput,
  AssignAppraisalReviewerInput,
  CloseAppraisalInput,
  RequestAppraisalInput,
  ResolveAppraisalCommentInput,
  SubmitAppraisalVerdictInput,
} from './inputs.js';
import { applyChanges, created } from './changes.js';
import { requireEachOnce } from './id-lists.js';
import { checkMentions, mentionedReaders } from './comment-mentions.js';
import {
  checkVersion,
  eventClassification,
  lockInTransaction,
  notify,
  refChange,
  runVersioned,
} from './meeting-support.js';
import { loadProposal, moveProposal } from './proposal.commands.js';

// Appraisal rounds (issue 11, item 3): every command is one transaction that checks everything before it
// changes anything, and appends its events with the round as subject, in the proposal's scope. Who may do
// what is appraisal.policy.ts; the moves of the proposal are the workflow's (`moveProposal`).

/**
 * Serializes the writes to one round: taken first, before the round is read, so that two last verdicts at
 * once cannot both see the other pending (and leave the round open), nor a comment slip in as it closes.
 */
function lockRound(em: EntityManager, appraisalId: string): Promise<void> {
  return lockInTransaction(em, 'quorum.appraisal', appraisalId);
}

/** What a command reached the round through, named by its refusal (never the hidden proposal). */
interface Via {
  what: string;
  id: string;
}

interface Round {
  appraisal: Appraisal;
  proposal: Proposal;
}

/** The round and its proposal, freshly read, if the viewer may read the proposal; NOT_FOUND otherwise. */
async function loadRound(em: EntityManager, viewer: Viewer, appraisalId: string, via: Via): Promise<Round> {
  const appraisal = await em.findOne(Appraisal, appraisalId, { refresh: true });
  const proposal =
    appraisal &&
    (await em.findOne(
      Proposal,
      { id: appraisal.proposal.id, organization: viewer.organizationId },
      { refresh: true },
    ));
  if (!appraisal || !proposal || !proposalPolicy.canRead(viewer, proposal))
    throw new NotFoundError(via.what, via.id);
  return { appraisal, proposal };
}

/** The round an assignment or a comment belongs to, read first so the round can be locked before anything. */
async function roundOf(
  em: EntityManager,
  entity: typeof AppraisalAssignment | typeof AppraisalComment,
  id: string,
): Promise<string> {
  const row = await em.findOne(entity, id, { fields: ['appraisal'], refresh: true });
  if (!row) throw new NotFoundError(entity.name, id);
  return row.appraisal.id;
}

function appendAppraisalEvent(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  { appraisal, proposal }: Round,
  type: EventType,
  changes: FieldChanges,
): Promise<Event> {
  return ctx.feed.append(em, {
    organizationId: viewer.organizationId,
    actorId: viewer.userId,
    type,
    subject: { type: SubjectType.APPRAISAL, id: appraisal.id },
    scope: { type: SubjectType.PROPOSAL, id: proposal.id },
    classification: eventClassification(proposal.classification, undefined),
    changes,
  });
}

/** Names, in an event's changes, the part of the round an update is about (it is the same before and after). */
const same = (id: string) => ({ before: id, after: id });

/**
 * A new round: one assignment per unit asked, the proposal to IN_APPRAISAL through the workflow, in one
 * transaction. The units' heads are notified, to name their reviewers.
 */
export async function requestAppraisal(ctx: Context, viewer: Viewer, input: RequestAppraisalInput) {
  return runVersioned(ctx, 'Proposal', input.expectedVersion, async (em) => {
    const proposal = await loadProposal(em, viewer, input.proposalId);
    if (!appraisalPolicy.actsAsOffice(viewer, proposal))
      throw new ForbiddenError('Only the office requests an appraisal');
    if (!appraisalPolicy.mayRequest(viewer, proposal))
      throw new BadInputError('proposalId', `A ${proposal.status} proposal cannot go to appraisal`, {
        allowed: proposalPolicy.transitions(viewer, proposal),
      });
    if (input.expectedVersion !== undefined && input.expectedVersion !== null)
      checkVersion('Proposal', proposal, input.expectedVersion);

    const unitIds = input.unitIds;
    if (unitIds.length === 0) throw new BadInputError('unitIds', 'Name the units asked to appraise it');
    if (unitIds.length > appraisalUnitsMax)
      throw new BadInputError('unitIds', `At most ${appraisalUnitsMax} units appraise one round`);
    requireEachOnce('unitIds', unitIds, 'A unit is asked once');
    const units = await em.find(Unit, { id: { $in: unitIds }, organization: viewer.organizationId });
    const unknown = unitIds.filter((id) => !units.some((unit) => unit.id === id));
    if (unknown.length > 0) throw new BadInputError('unitIds', 'These units do not exist', { unknown });
    if (unitIds.includes(proposal.leadUnit.id))
      throw new BadInputError('unitIds', 'The lead unit does not appraise its own proposal');
    const now = new Date();
    if (input.dueAt.getTime() <= now.getTime())
      throw new BadInputError('dueAt', 'The deadline must be in the future');

    const appraisal = em.create(Appraisal, {
      proposal,
      requestedBy: viewer.userId,
      dueAt: input.dueAt,
      note: input.note?.trim() || null,
      sharedComments: input.sharedComments ?? true,
    });
    // In the order asked (rows created in one millisecond would otherwise list by id).
    unitIds.forEach((unitId, index) =>
      em.create(AppraisalAssignment, {
        appraisal,
        unit: unitId,
        createdAt: new Date(now.getTime() + index),
        updatedAt: now,
      }),
    );
    const round = { appraisal, proposal };
    const event = await appendAppraisalEvent(
      ctx,
      em,
      viewer,
      round,
      EventType.APPRAISAL_REQUESTED,
      created({
        appraisalId: appraisal.id,
        unitIds,
        dueAt: appraisal.dueAt,
        note: appraisal.note,
        sharedComments: appraisal.sharedComments,
        status: appraisal.status,
      }),
    );
    await moveProposal(ctx, em, viewer, proposal, ProposalStatus.IN_APPRAISAL);
    const heads = await em.find(
      Membership,
      { unit: { $in: unitIds }, role: { $in: [MembershipRole.HEAD, MembershipRole.DEPUTY] } },
      { fields: ['user'] },
    );
    notify(
      em,
      viewer,
      event,
      heads.map((membership) => membership.user.id),
    );
    return round;
  });
}

async function loadAssignment(em: EntityManager, viewer: Viewer, assignmentId: string) {
  const appraisalId = await roundOf(em, AppraisalAssignment, assignmentId);
  await lockRound(em, appraisalId);
  const round = await loadRound(em, viewer, appraisalId, { what: 'AppraisalAssignment', id: assignmentId });
  const assignment = await em.findOneOrFail(AppraisalAssignment, assignmentId, { refresh: true });
  return { ...round, assignment };
}

/** Names the unit's reviewer, by its head or deputy or by the office, while the unit has not answered. */
export async function assignAppraisalReviewer(
  ctx: Context,
  viewer: Viewer,
  input: AssignAppraisalReviewerInput,
) {
  return runVersioned(ctx, 'AppraisalAssignment', undefined, async (em) => {
    const { appraisal, proposal, assignment } = await loadAssignment(em, viewer, input.assignmentId);
    if (!viewer.isOfficeStaff && !viewer.headUnitIds.has(assignment.unit.id))
      throw new ForbiddenError("Only the unit's head or deputy, or the office, names its reviewer");
    if (appraisal.status !== AppraisalStatus.OPEN)
      throw new BadInputError('assignmentId', 'The appraisal is closed');
    if (assignment.verdict !== Verdict.PENDING)
      throw new BadInputError('assignmentId', 'The unit has given its verdict');
    const member = await em.findOne(Membership, {
      unit: assignment.unit.id,
      user: { id: input.reviewerId, active: true, organization: viewer.organizationId },
    });
    if (!member) throw new BadInputError('reviewerId', 'The reviewer must be an active member of the unit');
    const change = refChange(assignment.reviewer, { id: input.reviewerId });
    if (change) {
      assignment.reviewer = em.getReference(User, input.reviewerId, { wrapped: true });
      const event = await appendAppraisalEvent(
        ctx,
        em,
        viewer,
        { appraisal, proposal },
        EventType.APPRAISAL_REVIEWER_ASSIGNED,
        { assignmentId: same(assignment.id), unitId: same(assignment.unit.id), reviewerId: change },
      );
      notify(em, viewer, event, [input.reviewerId]);
    }
    return { assignment, appraisal, proposal };
  });
}

/**
 * The unit's verdict, once, by a member of the unit; with the last verdict in, the round closes and the
 * proposal is APPRAISED, in the same transaction.
 */
export async function submitAppraisalVerdict(
  ctx: Context,
  viewer: Viewer,
  input: SubmitAppraisalVerdictInput,
) {
  // A last verdict moves the proposal: a move of it committed meanwhile is a CONFLICT, as for any move.
  return runVersioned(ctx, 'Proposal', undefined, async (em) => {
    const { appraisal, proposal, assignment } = await loadAssignment(em, viewer, input.assignmentId);
    if (!appraisalPolicy.isAssignedMember(viewer, assignment))
      throw new ForbiddenError('Only members of the unit asked give its verdict');
    if (appraisal.status !== AppraisalStatus.OPEN)
      throw new BadInputError('assignmentId', 'The appraisal is closed');
    if (assignment.verdict !== Verdict.PENDING)
      throw new BadInputError('assignmentId', 'The unit has given its verdict; it is given once');
    if (!givenVerdicts.includes(input.verdict))
      throw new BadInputError('verdict', 'Give AGREE, AGREE_WITH_CHANGES or DISAGREE', {
        allowed: givenVerdicts,
      });
    const summary = input.summary?.trim() || undefined;
    if (verdictNeedsSummary(input.verdict) && !summary)
      throw new BadInputError('summary', 'Say what should change, or why the unit disagrees');

    const changes: FieldChanges = {
      assignmentId: same(assignment.id),
      unitId: same(assignment.unit.id),
      ...applyChanges<{ verdict: Verdict; summary?: string; submittedAt?: Date }>(assignment, {
        verdict: input.verdict,
        summary,
        submittedAt: new Date(),
      }),
    };
    // A unit without a named reviewer: whoever answered for it is.
    if (!assignment.reviewer) {
      changes.reviewerId = { before: null, after: viewer.userId };
      assignment.reviewer = em.getReference(User, viewer.userId, { wrapped: true });
    }
    const round = { appraisal, proposal };
    await appendAppraisalEvent(ctx, em, viewer, round, EventType.APPRAISAL_VERDICT_SUBMITTED, changes);
    const assignments = await em.find(AppraisalAssignment, { appraisal: appraisal.id });
    if (assignments.every((a) => a.verdict !== Verdict.PENDING)) await closeRound(ctx, em, viewer, round);
    return { assignment, ...round };
  });
}

/** Closes the round before every verdict is in (the office, as the workflow allows); the proposal is APPRAISED. */
export async function closeAppraisal(ctx: Context, viewer: Viewer, input: CloseAppraisalInput) {
  return runVersioned(ctx, 'Proposal', undefined, async (em) => {
    await lockRound(em, input.appraisalId);
    const round = await loadRound(em, viewer, input.appraisalId, {
      what: 'Appraisal',
      id: input.appraisalId,
    });
    if (!appraisalPolicy.actsAsOffice(viewer, round.proposal))
      throw new ForbiddenError('Only the office closes an appraisal');
    if (round.appraisal.status !== AppraisalStatus.OPEN)
      throw new BadInputError('appraisalId', 'The appraisal is closed already');
    if (!appraisalPolicy.canClose(viewer, round.proposal, round.appraisal))
      throw new BadInputError('appraisalId', `A ${round.proposal.status} proposal cannot be APPRAISED`, {
        allowed: proposalPolicy.transitions(viewer, round.proposal),
      });
    await closeRound(ctx, em, viewer, round);
    return round;
  });
}

/**
 * Closes an open round and, while its proposal is IN_APPRAISAL, moves it to APPRAISED through the workflow
 * (the round's completion decides the move, whoever gave the last verdict). The caller holds the round's lock.
 */
async function closeRound(ctx: Context, em: EntityManager, viewer: Viewer, round: Round): Promise<void> {
  await markClosed(ctx, em, viewer, round);
  const { proposal } = round;
  if (
    proposal.status === ProposalStatus.IN_APPRAISAL &&
    proposalTransitions[proposal.status][ProposalStatus.APPRAISED] !== undefined
  )
    await moveProposal(ctx, em, viewer, proposal, ProposalStatus.APPRAISED);
}

async function markClosed(ctx: Context, em: EntityManager, viewer: Viewer, round: Round): Promise<void> {
  const changes = applyChanges<{ status: AppraisalStatus; closedAt?: Date }>(round.appraisal, {
    status: AppraisalStatus.CLOSED,
    closedAt: new Date(),
  });
  await appendAppraisalEvent(ctx, em, viewer, round, EventType.APPRAISAL_CLOSED, changes);
  // Written now, so that the proposal's move (which closes what is still open) finds it closed.
  await em.flush();
}

/**
 * A proposal leaving IN_APPRAISAL by another way (returned, withdrawn, appraised by a status change) closes
 * its open round: verdicts and comments end with the appraisal. Called by `moveProposal`.
 */
export async function closeOpenAppraisals(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposal: Proposal,
): Promise<void> {
  const open: { id: string }[] = await em
    .getConnection()
    .execute(
      'select "id" from "appraisal" where "proposal_id" = ? and "status" = ? order by "id"',
      [proposal.id, AppraisalStatus.OPEN],
      'all',
      em.getTransactionContext(),
    );
  for (const { id } of open) {
    await lockRound(em, id);
    const appraisal = await em.findOne(Appraisal, id, { refresh: true });
    if (appraisal?.status === AppraisalStatus.OPEN)
      await markClosed(ctx, em, viewer, { appraisal, proposal });
  }
}

/**
 * A comment by a member of a unit asked, while the round is open: a new thread on a passage of the body
 * (or on the whole), or a reply, which joins the thread of the comment it answers. The thread's author is
 * notified of a reply, and each user the comment mentions who may read it (`@[Name](user:<id>)`).
 */
export async function addAppraisalComment(ctx: Context, viewer: Viewer, input: AddAppraisalCommentInput) {
  return runVersioned(ctx, 'AppraisalComment', undefined, async (em) => {
    await lockRound(em, input.appraisalId);
    const round = await loadRound(em, viewer, input.appraisalId, {
      what: 'Appraisal',
      id: input.appraisalId,
    });
    const { appraisal, proposal } = round;
    const assignments = await em.find(AppraisalAssignment, { appraisal: appraisal.id });
    const reviewerUnits = appraisalPolicy.reviewerUnitIds(viewer, assignments);
    if (reviewerUnits.length === 0)
      throw new ForbiddenError('Only reviewers of the units asked comment on this appraisal');
    if (appraisal.status !== AppraisalStatus.OPEN)
      throw new BadInputError('appraisalId', 'The appraisal is closed');
    checkMentions(input.body);

    let thread: AppraisalComment | null = null;
    if (input.parentId) {
      const parent = await em.findOne(AppraisalComment, { id: input.parentId, appraisal: appraisal.id });
      if (!parent || !appraisalPolicy.canReadComment(viewer, proposal, appraisal, parent))
        throw new NotFoundError('AppraisalComment', input.parentId);
      thread = parent.parent ? await em.findOneOrFail(AppraisalComment, parent.parent.id) : parent;
      if (input.anchor) throw new BadInputError('anchor', "A reply is about its thread's passage");
    }
    const quote = input.anchor?.quote.trim();
    const position = input.anchor?.position;
    if (position !== undefined && !decodeAnchorPosition(position))
      throw new BadInputError('anchor.position', 'The position is not an encoded Yjs relative position');

    // A member of several units asked answers a thread for the unit that started it.
    const unitId = thread && reviewerUnits.includes(thread.unit.id) ? thread.unit.id : reviewerUnits[0]!;
    const comment = em.create(AppraisalComment, {
      appraisal,
      author: viewer.userId,
      unit: unitId,
      body: input.body.trim(),
      anchorQuote: quote ?? null,
      anchorPosition: position ?? null,
      parent: thread,
    });
    // The text goes with the event only where every reader of the proposal may read it (see events.ts).
    const event = await appendAppraisalEvent(
      ctx,
      em,
      viewer,
      round,
      EventType.APPRAISAL_COMMENT_ADDED,
      created({
        commentId: comment.id,
        unitId,
        parentId: thread?.id ?? null,
        ...(appraisal.sharedComments ? { body: comment.body, anchorQuote: comment.anchorQuote } : {}),
      }),
    );
    const mentioned = await mentionedReaders(em, viewer, round, comment);
    // A MENTION for those named, a REPLY for the thread's author (a MENTION if named too: once, either way).
    notify(em, viewer, event, mentioned, NotificationKind.MENTION);
    if (thread) notify(em, viewer, event, [thread.author.id], NotificationKind.REPLY);
    return comment;
  });
}

/** The drafters resolve a thread with their answer ("giải trình"); its author is notified. */
export async function resolveAppraisalComment(
  ctx: Context,
  viewer: Viewer,
  input: ResolveAppraisalCommentInput,
) {
  return runVersioned(ctx, 'AppraisalComment', undefined, async (em) => {
    const via = { what: 'AppraisalComment', id: input.commentId };
    const appraisalId = await roundOf(em, AppraisalComment, input.commentId);
    await lockRound(em, appraisalId);
    const round = await loadRound(em, viewer, appraisalId, via);
    const comment = await em.findOneOrFail(AppraisalComment, input.commentId, { refresh: true });
    if (!appraisalPolicy.canReadComment(viewer, round.proposal, round.appraisal, comment))
      throw new NotFoundError(via.what, via.id);
    if (!proposalPolicy.actors(viewer, round.proposal).has('drafter'))
      throw new ForbiddenError("Only the proposal's drafters resolve a comment");
    if (comment.parent) throw new BadInputError('commentId', 'Resolve the thread, not one of its replies');
    if (comment.status === CommentStatus.RESOLVED)
      throw new BadInputError('commentId', 'The comment is resolved already');
    if (!appraisalPolicy.canResolve(viewer, round.proposal, comment))
      throw new BadInputError('commentId', `The comments of a ${round.proposal.status} proposal are final`);

    const changes = applyChanges<{ status: CommentStatus; answer?: string; resolvedAt?: Date }>(comment, {
      status: CommentStatus.RESOLVED,
      answer: input.answer.trim(),
      resolvedAt: new Date(),
    });
    if (!round.appraisal.sharedComments) delete changes.answer;
    comment.resolvedBy = em.getReference(User, viewer.userId, { wrapped: true });
    const event = await appendAppraisalEvent(ctx, em, viewer, round, EventType.APPRAISAL_COMMENT_RESOLVED, {
      commentId: same(comment.id),
      unitId: same(comment.unit.id),
      resolvedById: { before: null, after: viewer.userId },
      ...changes,
    });
    notify(em, viewer, event, [comment.author.id]);
    return comment;
  });
}
