// A proposal's files: listed with who added them and when (their bytes come one at a time through
// `attachment(id)`, as in the meeting room); added through `POST /uploads` with `proposalId`.
import type { TypedDocumentNode } from '@apollo/client';
import { gql } from '@apollo/client';
import type { AttachmentSummary } from './types';

export interface ProposalAttachmentsData {
  proposal: {
    __typename?: 'Proposal';
    id: string;
    attachments: { edges: Array<{ node: AttachmentSummary }> };
    viewerCan: { __typename?: 'ProposalViewerCan'; changeAttachments: boolean };
  } | null;
}

export const PROPOSAL_ATTACHMENTS_QUERY: TypedDocumentNode<ProposalAttachmentsData, { id: string }> = gql`
  query ProposalAttachments($id: ID!) {
    proposal(id: $id) {
      id
      attachments(first: 100) {
        edges {
          node {
            id
            name
            mediaType
            size
            createdAt
            uploadedBy {
              id
              fullName
            }
          }
        }
      }
      viewerCan {
        changeAttachments
      }
    }
  }
`;

export const REMOVE_PROPOSAL_ATTACHMENT_MUTATION: TypedDocumentNode<
  { removeProposalAttachment: { removedId: string; proposal: { id: string } } },
  { input: { id: string } }
> = gql`
  mutation RemoveProposalAttachment($input: RemoveProposalAttachmentInput!) {
    removeProposalAttachment(input: $input) {
      removedId
      proposal {
        id
      }
    }
  }
`;
