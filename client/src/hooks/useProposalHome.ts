import { useProposalViewer } from './useProposalViewer';

/**
 * Whether the viewer's home is the proposals rather than the meetings: a department's drafters and reviewers
 * (members of a department, neither of the office nor of a committee). The office and the leaders keep the
 * meetings. Undefined while it is being worked out; false when it cannot be (the lists say what went wrong).
 */
export function useProposalHome(enabled = true): boolean | undefined {
  const viewer = useProposalViewer(!enabled);
  if (!enabled || viewer.error) return false;
  if (viewer.loading) return undefined;
  return viewer.inDepartment && !viewer.isOffice && !viewer.inCommittee;
}
