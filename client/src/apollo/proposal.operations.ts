// Proposals and their appraisal: the list, one proposal with its rounds and comments, its history, the moves
// and the appraisal's mutations, and the feeds that keep them live. Validated against the schema by
// `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  AddAppraisalCommentInput,
  Appraisal,
  AppraisalAssignment,
  AppraisalComment,
  ChangeProposalStatusInput,
  CreateProposalInput,
  CreateProposalMutationData,
  HistoryQueryData,
  HistoryQueryVariables,
  Proposal,
  ProposalEventsSubscriptionData,
  ProposalEventsSubscriptionVariables,
  ProposalListEventsSubscriptionVariables,
  ProposalQueryData,
  RequestAppraisalInput,
  ResolveAppraisalCommentInput,
  SubmitAppraisalVerdictInput,
  UpdateProposalInput,
} from './proposal.types';
import { PROPOSAL_ROW_FIELDS } from './proposal-list.operations';
import { CHANGE_EVENT_FIELDS, EVENT_ACTOR_FIELDS } from './event.fragments';

export const APPRAISAL_COMMENT_FIELDS: TypedDocumentNode<AppraisalComment> = gql`
  fragment AppraisalCommentFields on AppraisalComment {
    id
    version
    body
    anchorQuote
    anchorPosition
    parentId
    status
    answer
    detached
    createdAt
    resolvedAt
    author {
      id
      fullName
    }
    unit {
      id
      name
      shortName
    }
    resolvedBy {
      id
      fullName
    }
    viewerCan {
      resolve
    }
  }
`;

export const APPRAISAL_ASSIGNMENT_FIELDS: TypedDocumentNode<AppraisalAssignment> = gql`
  fragment AppraisalAssignmentFields on AppraisalAssignment {
    id
    version
    verdict
    summary
    submittedAt
    overdue
    unit {
      id
      name
      shortName
    }
    reviewer {
      id
      fullName
    }
    viewerCan {
      submitVerdict
      assignReviewer
    }
  }
`;

export const APPRAISAL_FIELDS: TypedDocumentNode<Appraisal> = gql`
  fragment AppraisalFields on Appraisal {
    id
    version
    status
    dueAt
    closedAt
    createdAt
    note
    sharedComments
    overdue
    requestedBy {
      id
      fullName
    }
    viewerCan {
      close
      comment
    }
    assignments {
      ...AppraisalAssignmentFields
    }
    report {
      agree
      agreeWithChanges
      disagree
      pending
      openComments
      resolvedComments
      overdueUnits {
        id
        name
        shortName
      }
    }
    comments(first: 100) {
      edges {
        cursor
        node {
          ...AppraisalCommentFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${APPRAISAL_ASSIGNMENT_FIELDS}
  ${APPRAISAL_COMMENT_FIELDS}
`;

export const PROPOSAL_FIELDS: TypedDocumentNode<Proposal> = gql`
  fragment ProposalFields on Proposal {
    id
    version
    title
    kind
    status
    referenceNumber
    classification
    summary
    returnReason
    submittedAt
    createdAt
    updatedAt
    leadUnit {
      id
      name
      shortName
    }
    owner {
      id
      fullName
      jobTitle
    }
    viewerCan {
      update
      transitions
    }
    appraisals(first: 10) {
      edges {
        node {
          ...AppraisalFields
        }
      }
    }
  }
  ${APPRAISAL_FIELDS}
`;

export const PROPOSAL_QUERY: TypedDocumentNode<ProposalQueryData, { id: string }> = gql`
  query Proposal($id: ID!) {
    proposal(id: $id) {
      ...ProposalFields
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const PROPOSAL_HISTORY_QUERY: TypedDocumentNode<HistoryQueryData, HistoryQueryVariables> = gql`
  query ProposalHistory($subjectId: ID!, $first: Int, $after: String) {
    history(subjectId: $subjectId, first: $first, after: $after) {
      events {
        cursor
        type
        occurredAt
        changes
        actor {
          ...EventActorFields
        }
        subject {
          __typename
          ... on Appraisal {
            id
          }
          ... on Proposal {
            id
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${EVENT_ACTOR_FIELDS}
`;

export const CREATE_PROPOSAL_MUTATION: TypedDocumentNode<
  CreateProposalMutationData,
  { input: CreateProposalInput }
> = gql`
  mutation CreateProposal($input: CreateProposalInput!) {
    createProposal(input: $input) {
      proposal {
        ...ProposalRowFields
      }
    }
  }
  ${PROPOSAL_ROW_FIELDS}
`;

export const UPDATE_PROPOSAL_MUTATION: TypedDocumentNode<
  { updateProposal: { proposal: Proposal } },
  { input: UpdateProposalInput }
> = gql`
  mutation UpdateProposal($input: UpdateProposalInput!) {
    updateProposal(input: $input) {
      proposal {
        ...ProposalFields
      }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const CHANGE_PROPOSAL_STATUS_MUTATION: TypedDocumentNode<
  { changeProposalStatus: { proposal: Proposal } },
  { input: ChangeProposalStatusInput }
> = gql`
  mutation ChangeProposalStatus($input: ChangeProposalStatusInput!) {
    changeProposalStatus(input: $input) {
      proposal {
        ...ProposalFields
      }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const REQUEST_APPRAISAL_MUTATION: TypedDocumentNode<
  { requestAppraisal: { appraisal: Appraisal; proposal: Proposal } },
  { input: RequestAppraisalInput }
> = gql`
  mutation RequestAppraisal($input: RequestAppraisalInput!) {
    requestAppraisal(input: $input) {
      appraisal {
        id
      }
      proposal {
        ...ProposalFields
      }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const CLOSE_APPRAISAL_MUTATION: TypedDocumentNode<
  { closeAppraisal: { appraisal: Appraisal; proposal: Proposal } },
  { input: { appraisalId: string } }
> = gql`
  mutation CloseAppraisal($input: CloseAppraisalInput!) {
    closeAppraisal(input: $input) {
      appraisal {
        id
      }
      proposal {
        ...ProposalFields
      }
    }
  }
  ${PROPOSAL_FIELDS}
`;

export const SUBMIT_APPRAISAL_VERDICT_MUTATION: TypedDocumentNode<
  { submitAppraisalVerdict: { assignment: AppraisalAssignment; proposal: Proposal } },
  { input: SubmitAppraisalVerdictInput }
> = gql`
  mutation SubmitAppraisalVerdict($input: SubmitAppraisalVerdictInput!) {
    submitAppraisalVerdict(input: $input) {
      assignment {
        ...AppraisalAssignmentFields
      }
      proposal {
        ...ProposalFields
      }
    }
  }
  ${APPRAISAL_ASSIGNMENT_FIELDS}
  ${PROPOSAL_FIELDS}
`;

export const ADD_APPRAISAL_COMMENT_MUTATION: TypedDocumentNode<
  { addAppraisalComment: { comment: AppraisalComment } },
  { input: AddAppraisalCommentInput }
> = gql`
  mutation AddAppraisalComment($input: AddAppraisalCommentInput!) {
    addAppraisalComment(input: $input) {
      comment {
        ...AppraisalCommentFields
      }
    }
  }
  ${APPRAISAL_COMMENT_FIELDS}
`;

export const RESOLVE_APPRAISAL_COMMENT_MUTATION: TypedDocumentNode<
  { resolveAppraisalComment: { comment: AppraisalComment } },
  { input: ResolveAppraisalCommentInput }
> = gql`
  mutation ResolveAppraisalComment($input: ResolveAppraisalCommentInput!) {
    resolveAppraisalComment(input: $input) {
      comment {
        ...AppraisalCommentFields
      }
    }
  }
  ${APPRAISAL_COMMENT_FIELDS}
`;

/** What the proposal screens read of a change: which proposal or round changed, by whom, when. */
const PROPOSAL_EVENT_FIELDS = gql`
  fragment ProposalEventFields on ChangeEvent {
    ...ChangeEventFields
    subject {
      __typename
      ... on Proposal {
        id
        title
      }
      ... on Appraisal {
        id
      }
    }
  }
  ${CHANGE_EVENT_FIELDS}
`;

/**
 * One proposal's feed: its own changes (the subject updates the cache by itself) and its rounds' (verdicts,
 * comments, answers), after which the page reads the proposal again: a round's comments are filtered per
 * viewer, so they are read, not taken from the event.
 */
export const PROPOSAL_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  ProposalEventsSubscriptionData,
  ProposalEventsSubscriptionVariables
> = gql`
  subscription ProposalEvents($id: ID!, $after: String) {
    events(scope: { type: PROPOSAL, id: $id }, after: $after) {
      ...ProposalEventFields
    }
  }
  ${PROPOSAL_EVENT_FIELDS}
`;

/** Every proposal and round the viewer may see, for the list: which proposals changed, no more. */
export const PROPOSAL_LIST_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  ProposalEventsSubscriptionData,
  ProposalListEventsSubscriptionVariables
> = gql`
  subscription ProposalListEvents($after: String) {
    events(scope: { type: ORGANIZATION }, after: $after) {
      ...ProposalEventFields
    }
  }
  ${PROPOSAL_EVENT_FIELDS}
`;
