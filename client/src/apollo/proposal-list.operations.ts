// The proposal list and the viewer's units: what the landing page after sign-in needs too, so kept apart from
// the rest of the proposal operations (proposal.operations.ts), which only the proposal screens load.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  ProposalRow,
  ProposalsQueryData,
  ProposalsQueryVariables,
  ProposalViewerQueryData,
} from './proposal.types';

/** What a row of the list shows, with what its filters need (the rounds: overdue, waiting for my unit). */
export const PROPOSAL_ROW_FIELDS: TypedDocumentNode<ProposalRow> = gql`
  fragment ProposalRowFields on Proposal {
    id
    version
    title
    kind
    status
    referenceNumber
    classification
    updatedAt
    leadUnit {
      id
      name
      shortName
    }
    owner {
      id
      fullName
    }
    viewerCan {
      update
      transitions
    }
    appraisals(first: 10) {
      edges {
        node {
          id
          status
          dueAt
          overdue
          assignments {
            id
            verdict
            overdue
            unit {
              id
            }
          }
        }
      }
    }
  }
`;

export const PROPOSALS_QUERY: TypedDocumentNode<ProposalsQueryData, ProposalsQueryVariables> = gql`
  query Proposals($filter: ProposalFilter, $first: Int, $after: String) {
    proposals(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ProposalRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${PROPOSAL_ROW_FIELDS}
`;

export const PROPOSAL_VIEWER_QUERY: TypedDocumentNode<ProposalViewerQueryData, Record<string, never>> = gql`
  query ProposalViewer {
    viewer {
      id
      fullName
      memberships {
        id
        role
        unit {
          id
          name
          shortName
          kind
        }
      }
    }
  }
`;
