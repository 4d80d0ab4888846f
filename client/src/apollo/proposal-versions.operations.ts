// A proposal body's saved versions, with what the viewer may do with them; loaded with the proposal page's
// versions tab. Keeping, diffing and restoring are document-versions.operations.ts (the same for the minutes).
// Validated against the schema by `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import { DOCUMENT_VERSION_ROW, type DocumentVersionRow } from './document-versions.operations';

export interface ProposalVersionsData {
  proposal: {
    __typename?: 'Proposal';
    id: string;
    version: number;
    viewerCan: { __typename?: 'ProposalViewerCan'; createVersion: boolean; restoreVersion: boolean };
    versions: { totalCount: number; edges: { node: DocumentVersionRow }[] };
  } | null;
}

export const PROPOSAL_VERSIONS_QUERY: TypedDocumentNode<ProposalVersionsData, { id: string }> = gql`
  query ProposalVersions($id: ID!) {
    proposal(id: $id) {
      id
      version
      viewerCan {
        createVersion
        restoreVersion
      }
      versions(first: 100) {
        totalCount
        edges {
          node {
            ...DocumentVersionRow
          }
        }
      }
    }
  }
  ${DOCUMENT_VERSION_ROW}
`;
