// Search over meetings, agenda items, proposals, comments and tasks (the header's box and the /search page).
// Validated against the schema by `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';

export type SearchKind = 'MEETING' | 'AGENDA_ITEM' | 'PROPOSAL' | 'COMMENT' | 'TASK';

export interface SearchResult {
  __typename?: 'SearchResult';
  kind: SearchKind;
  id: string;
  title: string;
  snippet: string | null;
  rank: number;
  updatedAt: string;
  meeting: { id: string; title: string } | null;
  proposal: { id: string; title: string } | null;
}

export interface SearchQueryData {
  search: {
    edges: { cursor: string; node: SearchResult }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
    counts: { kind: SearchKind; count: number }[];
  };
}

export interface SearchQueryVariables {
  query: string;
  first?: number;
  after?: string | null;
}

export const SEARCH_QUERY: TypedDocumentNode<SearchQueryData, SearchQueryVariables> = gql`
  query Search($query: String!, $first: Int, $after: String) {
    search(query: $query, first: $first, after: $after) {
      edges {
        cursor
        node {
          kind
          id
          title
          snippet
          rank
          updatedAt
          meeting {
            id
            title
          }
          proposal {
            id
            title
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      counts {
        kind
        count
      }
    }
  }
`;
