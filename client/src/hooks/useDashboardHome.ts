import { useProposalViewer } from './useProposalViewer';

/**
 * Whether the viewer's home is the dashboard: committee members and leaders (members of a committee, not of
 * the office). Undefined while it is being worked out; false when it cannot be. The header's dashboard link
 * and the home on arrival both ask this.
 */
export function useDashboardHome(enabled = true): boolean | undefined {
  const viewer = useProposalViewer(!enabled);
  if (!enabled || viewer.error) return false;
  if (viewer.loading) return undefined;
  return viewer.inCommittee && !viewer.isOffice;
}
