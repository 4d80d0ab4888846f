import { useQuery } from '@apollo/client/react';
import { Navigate } from 'react-router';
import { LoadingState } from '../../components/LoadState';
import { useProposalViewer } from '../../hooks/useProposalViewer';
import { isWaitingFor, LIST_PAGE_SIZE, WAITING_FILTER } from './proposal-views';
import { ProposalsDocument } from '../../generated/graphql';

/**
 * Where a department's drafter or reviewer starts after signing in: the proposals waiting for their unit's
 * appraisal if any are, else their own. Loaded with the proposal list (its query is the list's, so the list
 * opens from the cache).
 */
export function ProposalLanding() {
  const viewer = useProposalViewer();
  const waiting = useQuery(ProposalsDocument, {
    variables: { filter: WAITING_FILTER, first: LIST_PAGE_SIZE },
  });
  if ((waiting.loading && !waiting.data) || viewer.loading) return <LoadingState />;
  const rows = waiting.data?.proposals.edges.map((edge) => edge.node) ?? [];
  const view = rows.some((row) => isWaitingFor(row, viewer.unitIds)) ? 'waiting' : 'mine';
  return <Navigate to={`/proposals?view=${view}`} replace />;
}
