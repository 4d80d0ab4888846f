import { AppraisalStatus, CommentStatus, isProposalFinal, ProposalStatus, Verdict } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Appraisal, AppraisalAssignment, AppraisalComment, Proposal } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import { proposalPolicy } from './proposal.policy.js';
import { canWrite } from './viewer.policy.js';

/**
 * Appraisal rounds. Whoever may read a proposal reads its rounds (units asked, deadlines, verdicts, the
 * report); the units asked may read a RESTRICTED proposal (see proposal.policy.ts).
 *
 * - The office requests a round and may close it early: both are moves of the proposal's workflow
 *   (to IN_APPRAISAL, to APPRAISED), so who may make them is `proposalTransitions`'.
 * - A unit's head or deputy, or the office, names the unit's reviewer.
 * - Any member of a unit asked gives the unit's verdict, once, while the round is open (the named reviewer
 *   usually does; the unit speaks, not the person). Verdicts are never revised (see packages/shared
 *   appraisal.ts).
 * - Members of the units asked comment and reply while the round is open; the drafters (the owner and the
 *   lead unit) resolve a thread with their answer while the proposal is in the workflow.
 * - Comments are read by every reader of the proposal when the round shares them (the default); otherwise
 *   by the drafters, the office and the members of the comment's own unit.
 */
export const appraisalPolicy = {
  /** The office, when the workflow lets it send the proposal to appraisal now. */
  mayRequest(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return proposalPolicy.transitions(viewer, proposal).includes(ProposalStatus.IN_APPRAISAL);
  },

  /** Whether the viewer acts as the office on this proposal (else a request is FORBIDDEN, not BAD_USER_INPUT). */
  actsAsOffice(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return proposalPolicy.actors(viewer, proposal).has('office');
  },

  canClose(viewer: Viewer, proposal: Row<Proposal>, appraisal: Row<Appraisal>): boolean {
    return (
      appraisal.status === AppraisalStatus.OPEN &&
      proposalPolicy.transitions(viewer, proposal).includes(ProposalStatus.APPRAISED)
    );
  },

  canAssignReviewer(
    viewer: Viewer,
    appraisal: Row<Appraisal>,
    assignment: Row<AppraisalAssignment>,
  ): boolean {
    return (
      canWrite(viewer) &&
      appraisal.status === AppraisalStatus.OPEN &&
      assignment.verdict === Verdict.PENDING &&
      (viewer.isOfficeStaff || viewer.headUnitIds.has(assignment.unit.id))
    );
  },

  /** A member of the unit asked, while the round is open and the unit has not answered. */
  canSubmitVerdict(viewer: Viewer, appraisal: Row<Appraisal>, assignment: Row<AppraisalAssignment>): boolean {
    return (
      this.isAssignedMember(viewer, assignment) &&
      appraisal.status === AppraisalStatus.OPEN &&
      assignment.verdict === Verdict.PENDING
    );
  },

  /** A member of the unit the assignment asks, with a credential that writes. */
  isAssignedMember(viewer: Viewer, assignment: Row<AppraisalAssignment>): boolean {
    return canWrite(viewer) && viewer.unitIds.has(assignment.unit.id);
  },

  /** The units of the round the viewer comments for (a member of several comments for the first asked). */
  reviewerUnitIds(viewer: Viewer, assignments: readonly Row<AppraisalAssignment>[]): string[] {
    if (!canWrite(viewer)) return [];
    return assignments.filter((a) => viewer.unitIds.has(a.unit.id)).map((a) => a.unit.id);
  },

  canComment(
    viewer: Viewer,
    appraisal: Row<Appraisal>,
    assignments: readonly Row<AppraisalAssignment>[],
  ): boolean {
    return appraisal.status === AppraisalStatus.OPEN && this.reviewerUnitIds(viewer, assignments).length > 0;
  },

  /** Its drafters, whatever their credential's scopes: for what they may read. */
  isDrafter(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return proposal.owner.id === viewer.userId || viewer.unitIds.has(proposal.leadUnit.id);
  },

  /** A thread (never a reply alone), still open, by the drafters, while the proposal is in the workflow. */
  canResolve(viewer: Viewer, proposal: Row<Proposal>, comment: Row<AppraisalComment>): boolean {
    return (
      !comment.parent &&
      comment.status === CommentStatus.OPEN &&
      !isProposalFinal(proposal.status) &&
      proposalPolicy.actors(viewer, proposal).has('drafter')
    );
  },

  /** For a viewer who may read the proposal. */
  canReadComment(
    viewer: Viewer,
    proposal: Row<Proposal>,
    appraisal: Row<Appraisal>,
    comment: Row<AppraisalComment>,
  ): boolean {
    return (
      appraisal.sharedComments ||
      viewer.isOfficeStaff ||
      this.isDrafter(viewer, proposal) ||
      viewer.unitIds.has(comment.unit.id)
    );
  },

  /** The comments the viewer may read, as a filter: of a proposal they may read, by `canReadComment`'s rule. */
  readableComments(viewer: Viewer): FilterQuery<AppraisalComment> {
    const units = [...viewer.unitIds];
    return {
      appraisal: { proposal: proposalPolicy.readable(viewer) },
      ...(viewer.isOfficeStaff
        ? {}
        : {
            $or: [
              { appraisal: { sharedComments: true } },
              { appraisal: { proposal: { owner: viewer.userId } } },
              { appraisal: { proposal: { leadUnit: { $in: units } } } },
              { unit: { $in: units } },
            ],
          }),
    };
  },
};
