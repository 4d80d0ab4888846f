// Versions of a co-edited document, a proposal's body or a meeting's minutes: keeping one, the diff of two (or
// of one and the document now), and restoring one. The lists are the subjects' own (proposal-versions and
// minutes operations). Validated against the schema by `pnpm --filter @quorum/client check:operations`.
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

/** The fields of a row of a list of versions; spread into the subjects' list queries. */
export const DOCUMENT_VERSION_ROW = gql`
  fragment DocumentVersionRow on DocumentVersion {
    id
    label
    kind
    createdAt
    author {
      id
      fullName
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

/** What the versions are of, as `createDocumentVersion` takes it: a proposal's body or a meeting's minutes. */
export type VersionSubject = { proposalId: string } | { meetingId: string };

export const CREATE_VERSION_MUTATION: TypedDocumentNode<
  { createDocumentVersion: { version: { id: string } } },
  { input: VersionSubject & { label: string } }
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
  {
    restoreDocumentVersion: {
      proposal: { id: string; version: number } | null;
      meeting: { id: string } | null;
    };
  },
  { input: { versionId: string; expectedVersion?: number | null } }
> = gql`
  mutation RestoreDocumentVersion($input: RestoreDocumentVersionInput!) {
    restoreDocumentVersion(input: $input) {
      proposal {
        id
        version
      }
      meeting {
        id
      }
    }
  }
`;
