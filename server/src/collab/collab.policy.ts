import { ProposalStatus } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import type { Proposal } from '../entities/index.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import type { Row } from '../read/rows.js';

/** What a connection to a proposal's body may do: edit it, follow it read-only, or nothing. */
export type BodyAccess = 'edit' | 'read' | 'none';

/**
 * Statuses in which the drafters still write the text: while drafting and after a return, and during and after
 * appraisal, when they work the reviewers' comments in (comments anchor to Yjs relative positions precisely so
 * that they survive those edits). From SUBMITTED on, the text is what the session receives: read-only for all.
 */
export const bodyEditableStatuses: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.DRAFTING,
  ProposalStatus.RETURNED,
  ProposalStatus.IN_APPRAISAL,
  ProposalStatus.APPRAISED,
]);

/**
 * The body of a proposal, over `/collab`: read by whoever may read the proposal (proposalPolicy.canRead, the
 * rule GraphQL applies), written only by its drafters (its owner and the members of its lead unit, with a
 * credential that may write) while its status lets the text change. The office edits the proposal's details
 * through GraphQL, not its text.
 */
export function bodyAccess(viewer: Viewer, proposal: Row<Proposal>): BodyAccess {
  if (!proposalPolicy.canRead(viewer, proposal)) return 'none';
  const drafter = proposalPolicy.actors(viewer, proposal).has('drafter');
  return drafter && bodyEditableStatuses.has(proposal.status) ? 'edit' : 'read';
}
