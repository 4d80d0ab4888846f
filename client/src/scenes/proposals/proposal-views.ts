import { AppraisalStatus, ProposalStatus, Verdict } from '@quorum/shared';
import type { ProposalRowFieldsFragment } from '../../generated/graphql';

/** The views of the proposal list; the first two are the home of a department's drafters and reviewers. */
export type ProposalView = 'all' | 'mine' | 'waiting';

/** The server's part of the "waiting for my appraisal" view (the rest is `isWaitingFor`); shared with the landing. */
export const WAITING_FILTER = { status: [ProposalStatus.IN_APPRAISAL] };
export const LIST_PAGE_SIZE = 100;

/** A round still open asks one of the viewer's units, which has not given its verdict. */
export function isWaitingFor(proposal: ProposalRowFieldsFragment, unitIds: ReadonlySet<string>): boolean {
  return proposal.appraisals.edges.some(
    ({ node }) =>
      node.status === AppraisalStatus.OPEN &&
      node.assignments.some(
        (assignment) => assignment.verdict === Verdict.PENDING && unitIds.has(assignment.unit.id),
      ),
  );
}

/** The viewer's own: they own it, or their unit drafts it. */
export function isMine(
  proposal: ProposalRowFieldsFragment,
  viewerId: string | null,
  unitIds: ReadonlySet<string>,
): boolean {
  return proposal.owner.id === viewerId || unitIds.has(proposal.leadUnit.id);
}
