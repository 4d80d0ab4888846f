import { useQuery } from '@apollo/client/react';
import { AppraisalStatus, ProposalStatus, Verdict } from '@quorum/shared';
import { PROPOSALS_QUERY } from '../apollo/proposal-list.operations';
import type { ProposalRow } from '../apollo/proposal.types';
import { useProposalViewer } from './useProposalViewer';

/** The views of the proposal list that are someone's home. */
export type ProposalView = 'all' | 'mine' | 'waiting';

/** The server's part of the "waiting for my appraisal" view (the rest is `isWaitingFor`); shared with the list. */
export const WAITING_FILTER = { status: [ProposalStatus.IN_APPRAISAL] };
export const LIST_PAGE_SIZE = 100;

/** A round still open asks one of the viewer's units, which has not given its verdict. */
export function isWaitingFor(proposal: ProposalRow, unitIds: ReadonlySet<string>): boolean {
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
  proposal: ProposalRow,
  viewerId: string | null,
  unitIds: ReadonlySet<string>,
): boolean {
  return proposal.owner.id === viewerId || unitIds.has(proposal.leadUnit.id);
}

/**
 * Where the viewer starts after signing in. The office and the leaders (members of a committee) keep the
 * meetings; a department's drafters and reviewers start on their proposals: what waits for their unit's
 * appraisal if anything does, else their own. `path` is null for the meetings, undefined while it is being
 * worked out.
 */
export function useProposalHome(enabled = true): { path: string | null | undefined } {
  const viewer = useProposalViewer(!enabled);
  const drafterOrReviewer = !viewer.loading && viewer.inDepartment && !viewer.isOffice && !viewer.inCommittee;
  const waiting = useQuery(PROPOSALS_QUERY, {
    variables: { filter: WAITING_FILTER, first: LIST_PAGE_SIZE },
    skip: !enabled || !drafterOrReviewer,
  });
  if (!enabled) return { path: null };
  if (viewer.loading) return { path: undefined };
  // Without its facts the viewer keeps the default home; the lists say themselves what went wrong.
  if (viewer.error || !drafterOrReviewer) return { path: null };
  if (waiting.loading && !waiting.data) return { path: undefined };
  const rows = waiting.data?.proposals.edges.map((edge) => edge.node) ?? [];
  const hasWaiting = rows.some((row) => isWaitingFor(row, viewer.unitIds));
  return { path: `/proposals?view=${hasWaiting ? 'waiting' : 'mine'}` };
}
