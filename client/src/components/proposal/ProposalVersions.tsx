import { useQuery } from '@apollo/client/react';
import { DocumentVersions, type VersionsOf } from '../collab/DocumentVersions';
import { ProposalVersionsDocument } from '../../generated/graphql';

const proposalVersions: VersionsOf = { words: 'proposals.versions', statuses: 'proposalStatus' };

/** The draft's saved versions (the proposal page's tab): kept by its drafters and the office, restored by its drafters. */
export function ProposalVersions({ proposalId, onChanged }: { proposalId: string; onChanged: () => void }) {
  const { data, error, loading, refetch } = useQuery(ProposalVersionsDocument, {
    variables: { id: proposalId },
    fetchPolicy: 'cache-and-network',
  });
  const proposal = data?.proposal;
  return (
    <DocumentVersions
      subject={{ proposalId }}
      of={proposalVersions}
      list={{ versions: proposal ? proposal.versions.edges.map((edge) => edge.node) : null, loading, error }}
      can={{
        keep: proposal?.viewerCan.createVersion ?? false,
        restore: proposal?.viewerCan.restoreVersion ?? false,
      }}
      {...(proposal ? { expectedVersion: proposal.version } : {})}
      onChanged={() => {
        void refetch().catch(() => undefined);
        onChanged();
      }}
      testId="proposal-versions"
    />
  );
}
