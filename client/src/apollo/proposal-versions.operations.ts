// A proposal body's saved versions: the list, saving one, the diff of two (or of one and the body now), and
// restoring one. Loaded with the proposal page's versions tab. Validated against the schema by
// `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type { UserSummary } from './types';

export type DocumentVersionKind = 'MANUAL' | 'RESTORE_POINT' | 'STATUS_CHANGE';
export type DiffPartKind = 'ADDED' | 'REMOVED' | 'SAME';

export interface DocumentVersionRow {
  __typename?: 'DocumentVersion';
  id: string;
  label: string;
  kind: DocumentVersionKind;
  createdAt: string;
  author: UserSummary;
}

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
            id
            label
            kind
            createdAt
            author {
              id
              fullName
            }
          }
        }
      }
    }
  }
`;

export interface VersionDiffData {
  documentVersionDiff: {
    added: number;
    removed: number;
    parts: { kind: DiffPartKind; text: string }[];
  } | null;
}

export const VERSION_DIFF_QUERY: TypedDocumentNode<
  VersionDiffData,
  { fromId: string; toId?: string | null }
> = gql`
  query DocumentVersionDiff($fromId: ID!, $toId: ID) {
    documentVersionDiff(fromId: $fromId, toId: $toId, granularity: WORDS) {
      added
      removed
      parts {
        kind
        text
      }
    }
  }
`;

export const CREATE_VERSION_MUTATION: TypedDocumentNode<
  { createDocumentVersion: { version: { id: string } } },
  { input: { proposalId: string; label: string } }
> = gql`
  mutation CreateDocumentVersion($input: CreateDocumentVersionInput!) {
    createDocumentVersion(input: $input) {
      version {
        id
      }
    }
  }
`;

export const RESTORE_VERSION_MUTATION: TypedDocumentNode<
  { restoreDocumentVersion: { proposal: { id: string; version: number } } },
  { input: { versionId: string; expectedVersion?: number | null } }
> = gql`
  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {
    restoreDocumentVersion(input: $input) {
      proposal {
        id
        version
      }
    }
  }
`;
