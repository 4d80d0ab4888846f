// Result types of the proposal and appraisal operations (proposal.operations.ts), written by hand against
// schema/schema.graphql as types.ts is. Enum values are the shared enums.
import type {
  AppraisalStatus,
  Classification,
  CommentStatus,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  UnitKind,
  Verdict,
} from '@quorum/shared';
import type { Connection, UnitRef, UserSummary } from './types';

export interface ProposalViewerCan {
  update: boolean;
  /** The statuses changeProposalStatus may take it to, in the workflow's order. */
  transitions: ProposalStatus[];
}

/** A round as the list needs it: whether it is open, late, and which units still owe a verdict. */
export interface AppraisalSummary {
  __typename?: 'Appraisal';
  id: string;
  status: AppraisalStatus;
  dueAt: string;
  overdue: boolean;
  assignments: Array<{
    __typename?: 'AppraisalAssignment';
    id: string;
    verdict: Verdict;
    overdue: boolean;
    unit: { __typename?: 'Unit'; id: string };
  }>;
}

/** A row of the proposal list. */
export interface ProposalRow {
  __typename?: 'Proposal';
  id: string;
  version: number;
  title: string;
  kind: ProposalKind;
  status: ProposalStatus;
  referenceNumber: string | null;
  classification: Classification;
  updatedAt: string;
  leadUnit: UnitRef;
  owner: UserSummary;
  viewerCan: ProposalViewerCan;
  appraisals: { edges: Array<{ node: AppraisalSummary }> };
}

export interface ProposalFilter {
  status?: ProposalStatus[];
  leadUnitId?: string;
}

export interface ProposalsQueryData {
  proposals: Connection<ProposalRow>;
}

export interface ProposalsQueryVariables {
  filter?: ProposalFilter | null;
  first?: number;
  after?: string | null;
}

/** The viewer's units: what decides their views of the proposals, their landing page and what they may create. */
export interface ProposalViewer {
  __typename?: 'User';
  id: string;
  fullName: string;
  memberships: Array<{
    __typename?: 'Membership';
    id: string;
    role: MembershipRole;
    unit: { __typename?: 'Unit'; id: string; name: string; shortName: string | null; kind: UnitKind };
  }>;
}

export interface ProposalViewerQueryData {
  viewer: ProposalViewer | null;
}

export interface AppraisalAssignment {
  __typename?: 'AppraisalAssignment';
  id: string;
  version: number;
  verdict: Verdict;
  summary: string | null;
  submittedAt: string | null;
  overdue: boolean;
  unit: UnitRef;
  reviewer: UserSummary | null;
  viewerCan: { submitVerdict: boolean; assignReviewer: boolean };
}

export interface AppraisalComment {
  __typename?: 'AppraisalComment';
  id: string;
  version: number;
  body: string;
  anchorQuote: string | null;
  anchorPosition: string | null;
  parentId: string | null;
  status: CommentStatus;
  answer: string | null;
  detached: boolean;
  createdAt: string;
  resolvedAt: string | null;
  author: UserSummary;
  unit: UnitRef;
  resolvedBy: UserSummary | null;
  viewerCan: { resolve: boolean };
}

export interface AppraisalReport {
  agree: number;
  agreeWithChanges: number;
  disagree: number;
  pending: number;
  openComments: number;
  resolvedComments: number;
  overdueUnits: UnitRef[];
}

export interface Appraisal {
  __typename?: 'Appraisal';
  id: string;
  version: number;
  status: AppraisalStatus;
  dueAt: string;
  closedAt: string | null;
  createdAt: string;
  note: string | null;
  sharedComments: boolean;
  overdue: boolean;
  requestedBy: UserSummary;
  viewerCan: { close: boolean; comment: boolean };
  assignments: AppraisalAssignment[];
  report: AppraisalReport;
  comments: Connection<AppraisalComment>;
}

export interface Proposal extends Omit<ProposalRow, 'appraisals' | 'owner'> {
  summary: string | null;
  returnReason: string | null;
  submittedAt: string | null;
  createdAt: string;
  owner: UserSummary & { jobTitle: string | null };
  appraisals: { edges: Array<{ node: Appraisal }> };
}

export interface ProposalQueryData {
  proposal: Proposal | null;
}

export interface CreateProposalInput {
  title: string;
  kind: ProposalKind;
  leadUnitId: string;
  referenceNumber?: string | null;
  summary?: string | null;
  classification?: Classification | null;
}

export interface CreateProposalMutationData {
  createProposal: { proposal: ProposalRow };
}

export interface UpdateProposalInput {
  id: string;
  expectedVersion: number;
  title?: string;
  kind?: ProposalKind;
  leadUnitId?: string;
  referenceNumber?: string | null;
  summary?: string | null;
  classification?: Classification;
}

export interface ChangeProposalStatusInput {
  proposalId: string;
  to: ProposalStatus;
  reason?: string | null;
  expectedVersion: number;
}

export interface RequestAppraisalInput {
  proposalId: string;
  unitIds: string[];
  dueAt: string;
  note?: string | null;
  sharedComments?: boolean;
  expectedVersion?: number;
}

export interface SubmitAppraisalVerdictInput {
  assignmentId: string;
  verdict: Verdict;
  summary?: string | null;
}

export interface AddAppraisalCommentInput {
  appraisalId: string;
  body: string;
  anchor?: { quote: string; position: string } | null;
  parentId?: string | null;
}

export interface ResolveAppraisalCommentInput {
  commentId: string;
  answer: string;
}

/** One change of the history tab: who, what, when, each field before and after. */
export interface HistoryEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  actor: UserSummary | null;
  changes: Record<string, { before?: unknown; after?: unknown } | undefined> | null;
  subject: { __typename: string; id?: string } | null;
}

export interface HistoryQueryData {
  history: {
    events: HistoryEvent[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface HistoryQueryVariables {
  subjectId: string;
  first?: number;
  after?: string | null;
}

export interface ProposalFeedEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  actor: UserSummary | null;
  subject: { __typename: string; id?: string; title?: string } | null;
}

export interface ProposalEventsSubscriptionData {
  events: ProposalFeedEvent;
}

export interface ProposalEventsSubscriptionVariables {
  id: string;
  after?: string;
}

export interface ProposalListEventsSubscriptionVariables {
  after?: string;
}
