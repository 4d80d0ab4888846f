import { ApiTokenScope, MeetingStatus, ProposalStatus } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import type { Meeting, Proposal } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import type { Row } from '../read/rows.js';
import type { AgendaNoteField } from './document-name.js';

/** What a connection to a proposal's body (or a meeting's minutes) may do: edit it, follow it read-only, or nothing. */
export type BodyAccess = 'edit' | 'read' | 'none';

/**
 * Statuses in which the drafters still write the text: while drafting and after a return, and during and after
 * appraisal, when they work the reviewers' comments in (comments anchor to Yjs relative positions precisely so
 * that they survive those edits). From SUBMITTED on, the text is what the session receives: read-only for all.
 */
export const bodyEditableStatuses: ReadonlySet<ProposalStatus> = new Set([
  ProposalStatus.DRAFTING,
  ProposalStatus.RETURNED,
  ProposalStatus.IN_APPRAISAL,
  ProposalStatus.APPRAISED,
]);

/**
 * The body of a proposal, over `/collab`: read by whoever may read the proposal (proposalPolicy.canRead, the
 * rule GraphQL applies), written only by its drafters (its owner and the members of its lead unit, with a
 * credential that may write) while its status lets the text change. The office edits the proposal's details
 * through GraphQL, not its text.
 */
export function bodyAccess(viewer: Viewer, proposal: Row<Proposal>): BodyAccess {
  if (!proposalPolicy.canRead(viewer, proposal)) return 'none';
  const drafter = proposalPolicy.actors(viewer, proposal).has('drafter');
  return drafter && bodyEditableStatuses.has(proposal.status) ? 'edit' : 'read';
}

/** Meeting statuses in which the minutes are written; once CLOSED or CANCELLED they are locked. */
export const minutesEditableStatuses: ReadonlySet<MeetingStatus> = new Set([
  MeetingStatus.SCHEDULED,
  MeetingStatus.IN_PROGRESS,
]);

/**
 * Whether the minutes of a meeting are locked for good: it is CLOSED or CANCELLED. (A DRAFT meeting's minutes
 * are not written yet either, but they will be.)
 */
export function minutesLocked(meeting: Pick<Row<Meeting>, 'status'>): boolean {
  return meeting.status === MeetingStatus.CLOSED || meeting.status === MeetingStatus.CANCELLED;
}

/**
 * The minutes of a meeting, over `/collab`: read by whoever may read the meeting (meetingPolicy.canRead),
 * written by its SECRETARY participants and the office staff (with a credential that may write) while the
 * meeting is SCHEDULED or IN_PROGRESS. Templates have no minutes. `secretaryIds`: the users taking part as
 * SECRETARY.
 */
export function minutesAccess(
  viewer: Viewer,
  meeting: Row<Meeting>,
  secretaryIds: ReadonlySet<string>,
): BodyAccess {
  if (meeting.isTemplate || !meetingPolicy.canRead(viewer, meeting)) return 'none';
  const writer =
    viewer.scopes.has(ApiTokenScope.WRITE) && (viewer.isOfficeStaff || secretaryIds.has(viewer.userId));
  return writer && minutesEditableStatuses.has(meeting.status) ? 'edit' : 'read';
}

/**
 * An agenda item's description or conclusion, over `/collab`: read by whoever may read the meeting; written as
 * GraphQL lets them be written (`updateAgendaItem`), so by one rule: the description by the office while the
 * agenda may change (meetingPolicy.canManageAgenda), the conclusion by the office during the session
 * (meetingPolicy.canConclude); with a credential that may write.
 */
export function agendaNoteAccess(viewer: Viewer, meeting: Row<Meeting>, field: AgendaNoteField): BodyAccess {
  if (!meetingPolicy.canRead(viewer, meeting)) return 'none';
  const writer =
    viewer.scopes.has(ApiTokenScope.WRITE) &&
    (field === 'description'
      ? meetingPolicy.canManageAgenda(viewer, meeting)
      : meetingPolicy.canConclude(viewer, meeting));
  return writer ? 'edit' : 'read';
}
