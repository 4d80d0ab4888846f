// Every type of Event the server appends, in one list shared by the server (which writes them), the client
// (which reacts to them) and integrators (who filter the feed by them). A type is `<subject>.<what happened>`;
// the stored rows keep the string, so a value here is never renamed, only added.

export const EventType = {
  // Meetings (scope: the meeting).
  MEETING_CREATED: 'meeting.created',
  MEETING_UPDATED: 'meeting.updated',
  MEETING_STATUS_CHANGED: 'meeting.statusChanged',
  AGENDA_COPIED: 'agenda.copied',
  AGENDA_ITEM_ADDED: 'agendaItem.added',
  AGENDA_ITEM_UPDATED: 'agendaItem.updated',
  AGENDA_ITEM_MOVED: 'agendaItem.moved',
  AGENDA_ITEM_REMOVED: 'agendaItem.removed',
  AGENDA_ITEM_STATUS_CHANGED: 'agendaItem.statusChanged',
  AGENDA_ITEM_PRESENTER_CONFIRMED: 'agendaItem.presenterConfirmed',
  PARTICIPANT_ADDED: 'participant.added',
  PARTICIPANT_UPDATED: 'participant.updated',
  PARTICIPANT_REMOVED: 'participant.removed',
  PARTICIPANT_MATERIALS_READ: 'participant.materialsRead',
  ATTENDANCE_RECORDED: 'attendance.recorded',
  ATTACHMENT_ADDED: 'attachment.added',
  ATTACHMENT_REMOVED: 'attachment.removed',
  VOTE_RECORDED: 'vote.recorded',
  // A named version of the minutes (`createDocumentVersion` with `meetingId`); the one taken when the meeting
  // closes is in the close's statusChanged event (`versionId`).
  MINUTES_VERSION_CREATED: 'minutes.versionCreated',
  // A version's content made the minutes again, as a new change of the co-edited document.
  MINUTES_RESTORED: 'minutes.restored',

  // Proposals (scope: the proposal).
  PROPOSAL_CREATED: 'proposal.created',
  PROPOSAL_UPDATED: 'proposal.updated',
  PROPOSAL_STATUS_CHANGED: 'proposal.statusChanged',
  // A named snapshot of the body (`createDocumentVersion`); the one taken at each move is in the move's
  // statusChanged event (`versionId`).
  PROPOSAL_VERSION_CREATED: 'proposal.versionCreated',
  // A version's content made the body again, as a new change of the co-edited document.
  PROPOSAL_BODY_RESTORED: 'proposal.bodyRestored',
  PROPOSAL_ATTACHMENT_ADDED: 'proposal.attachmentAdded',
  PROPOSAL_ATTACHMENT_REMOVED: 'proposal.attachmentRemoved',

  // Appraisal rounds (subject: the round, scope: its proposal). A comment's text and answer travel in the
  // event only when the round shares comments with every reader (`sharedComments`); otherwise the event
  // names the comment and its unit, and who may read the text reads it from the round.
  APPRAISAL_REQUESTED: 'appraisal.requested',
  APPRAISAL_REVIEWER_ASSIGNED: 'appraisal.reviewerAssigned',
  APPRAISAL_VERDICT_SUBMITTED: 'appraisal.verdictSubmitted',
  APPRAISAL_CLOSED: 'appraisal.closed',
  APPRAISAL_COMMENT_ADDED: 'appraisal.commentAdded',
  APPRAISAL_COMMENT_RESOLVED: 'appraisal.commentResolved',

  // Tasks (subject: the task; scope: its source meeting when it has one, so that the meeting's feed and the
  // task's both carry them, else the task itself).
  TASK_CREATED: 'task.created',
  TASK_UPDATED: 'task.updated',
  TASK_REASSIGNED: 'task.reassigned',
  TASK_STATUS_CHANGED: 'task.statusChanged',
  TASK_PROGRESS_REPORTED: 'task.progressReported',
  TASK_DUE_DATE_EXTENDED: 'task.dueDateExtended',
  // Sent by the reminder job (no actor): a reminder before the due day, an escalation once it is over.
  TASK_REMINDED: 'task.reminded',
  TASK_ESCALATED: 'task.escalated',

  // Work programmes. The office's edits: subject the programme or its item, scope the programme (a removed
  // item's event has the programme as subject). An adoption: subject the item, scope the proposal that moved it.
  PROGRAMME_CREATED: 'programme.created',
  PROGRAMME_UPDATED: 'programme.updated',
  PROGRAMME_ITEM_ADDED: 'programmeItem.added',
  PROGRAMME_ITEM_UPDATED: 'programmeItem.updated',
  PROGRAMME_ITEM_REMOVED: 'programmeItem.removed',

  // The organization: its commands are still to come, but the feed and the authorization matrix already
  // carry its changes.
  ORGANIZATION_UPDATED: 'organization.updated',

  // The directory (scope: the unit concerned; a user without one, the organization).
  UNIT_CREATED: 'unit.created',
  UNIT_UPDATED: 'unit.updated',
  USER_INVITED: 'user.invited',
  USER_UPDATED: 'user.updated',
  USER_DEACTIVATED: 'user.deactivated',
  USER_REACTIVATED: 'user.reactivated',
  USER_SYSTEM_ROLE_CHANGED: 'user.systemRoleChanged',
  MEMBERSHIP_ADDED: 'membership.added',
  MEMBERSHIP_UPDATED: 'membership.updated',
  MEMBERSHIP_REMOVED: 'membership.removed',

  // Credentials: audit only, never streamed (the subject is the user whose credential it is).
  USER_PASSWORD_RESET: 'user.passwordReset',
  USER_PASSWORD_CHANGED: 'user.passwordChanged',
  SESSION_OPENED: 'session.opened',
  SESSION_CLOSED: 'session.closed',
  SESSION_REVOKED: 'session.revoked',
  API_TOKEN_CREATED: 'apiToken.created',
  API_TOKEN_REVOKED: 'apiToken.revoked',
  // Kept by its owner after review (their password changed).
  API_TOKEN_CONFIRMED: 'apiToken.confirmed',
  // Integrators' webhooks (audit only; the subject is the owner). A disabled one notifies its owner.
  WEBHOOK_CREATED: 'webhook.created',
  WEBHOOK_DELETED: 'webhook.deleted',
  WEBHOOK_DISABLED: 'webhook.disabled',

  // Reads and exports of CONFIDENTIAL objects: audit only.
  MEETING_READ: 'meeting.read',
  PROPOSAL_READ: 'proposal.read',
  TASK_READ: 'task.read',
  MEETING_EXPORTED: 'meeting.exported',
  PROPOSAL_EXPORTED: 'proposal.exported',
} as const;

export type EventType = (typeof EventType)[keyof typeof EventType];

export const eventTypes: readonly EventType[] = Object.values(EventType);

const known: ReadonlySet<string> = new Set(eventTypes);

/** The feed carries the type as a string: a newer server may send a type this build does not know yet. */
export function isEventType(value: string): value is EventType {
  return known.has(value);
}

/**
 * The events after which what a viewer may see or do may have changed: their memberships (and the kind of a
 * unit, which makes its members office staff), participations, places on access lists (a meeting created or
 * made CONFIDENTIAL puts its author on the list; a proposal's list is edited; a task created or made
 * CONFIDENTIAL puts its author on its list), the proposals on the agenda of their meetings, their own
 * user (system role, deactivation, profile), their sessions and tokens, and the appraisal rounds their units
 * are asked to answer (a RESTRICTED proposal opens to its reviewers). A cache of viewers refreshes the
 * viewers these concern; everything else leaves every viewer as it was.
 */
export const accessEventTypes: ReadonlySet<EventType> = new Set<EventType>([
  EventType.MEETING_CREATED,
  EventType.MEETING_UPDATED,
  EventType.AGENDA_ITEM_ADDED,
  EventType.AGENDA_ITEM_UPDATED,
  EventType.AGENDA_ITEM_REMOVED,
  EventType.APPRAISAL_REQUESTED,
  EventType.PROPOSAL_UPDATED,
  EventType.TASK_CREATED,
  EventType.TASK_UPDATED,
  EventType.PARTICIPANT_ADDED,
  EventType.PARTICIPANT_UPDATED,
  EventType.PARTICIPANT_REMOVED,
  EventType.UNIT_UPDATED,
  EventType.USER_UPDATED,
  EventType.USER_DEACTIVATED,
  EventType.USER_REACTIVATED,
  EventType.USER_SYSTEM_ROLE_CHANGED,
  EventType.MEMBERSHIP_ADDED,
  EventType.MEMBERSHIP_UPDATED,
  EventType.MEMBERSHIP_REMOVED,
  EventType.USER_PASSWORD_RESET,
  EventType.USER_PASSWORD_CHANGED,
  EventType.SESSION_CLOSED,
  EventType.SESSION_REVOKED,
  EventType.API_TOKEN_REVOKED,
]);
