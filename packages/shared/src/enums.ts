// The domain's closed sets, shared by the server (GraphQL enums, database checks) and the client (labels).
// Values are explicit so that stored rows and API payloads never depend on declaration order.
// What each enum and value means is in enum-descriptions.ts (the schema's descriptions), which must cover
// every value.

export enum UnitKind {
  COMMITTEE = 'COMMITTEE',
  DEPARTMENT = 'DEPARTMENT',
  OFFICE = 'OFFICE',
}

export enum SystemRole {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

export enum MembershipRole {
  HEAD = 'HEAD',
  DEPUTY = 'DEPUTY',
  MEMBER = 'MEMBER',
  STAFF = 'STAFF',
}

export enum ProgrammeItemStatus {
  PLANNED = 'PLANNED',
  IN_PREPARATION = 'IN_PREPARATION',
  SUBMITTED = 'SUBMITTED',
  ADOPTED = 'ADOPTED',
  POSTPONED = 'POSTPONED',
  DROPPED = 'DROPPED',
}

export enum MeetingKind {
  REGULAR = 'REGULAR',
  EXTRAORDINARY = 'EXTRAORDINARY',
  BRIEFING = 'BRIEFING',
}

export enum MeetingStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

/** The meetings still to come (the dashboard's "upcoming", the meetings list's `?upcoming=`), from a day on. */
export const upcomingMeetingStatuses: readonly MeetingStatus[] = [
  MeetingStatus.SCHEDULED,
  MeetingStatus.IN_PROGRESS,
];

export enum Classification {
  INTERNAL = 'INTERNAL',
  RESTRICTED = 'RESTRICTED',
  CONFIDENTIAL = 'CONFIDENTIAL',
}

export enum ParticipantRole {
  CHAIR = 'CHAIR',
  MEMBER = 'MEMBER',
  INVITEE = 'INVITEE',
  SECRETARY = 'SECRETARY',
}

export enum Attendance {
  UNKNOWN = 'UNKNOWN',
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}

export enum AgendaItemStatus {
  PENDING = 'PENDING',
  IN_DISCUSSION = 'IN_DISCUSSION',
  CONCLUDED = 'CONCLUDED',
  DEFERRED = 'DEFERRED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum VoteOutcome {
  ADOPTED = 'ADOPTED',
  REJECTED = 'REJECTED',
  DEFERRED = 'DEFERRED',
}

export enum ProposalKind {
  PROPOSAL = 'PROPOSAL',
  REPORT = 'REPORT',
  RESOLUTION_DRAFT = 'RESOLUTION_DRAFT',
  PROGRAMME = 'PROGRAMME',
  OTHER = 'OTHER',
}

export enum ProposalStatus {
  DRAFTING = 'DRAFTING',
  IN_APPRAISAL = 'IN_APPRAISAL',
  APPRAISED = 'APPRAISED',
  SUBMITTED = 'SUBMITTED',
  SCHEDULED = 'SCHEDULED',
  ADOPTED = 'ADOPTED',
  RETURNED = 'RETURNED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum DocumentVersionKind {
  MANUAL = 'MANUAL',
  STATUS_CHANGE = 'STATUS_CHANGE',
  RESTORE_POINT = 'RESTORE_POINT',
}

export enum DiffPartKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  SAME = 'SAME',
}

export enum DiffGranularity {
  WORDS = 'WORDS',
  LINES = 'LINES',
}

export enum AppraisalStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

export enum Verdict {
  PENDING = 'PENDING',
  AGREE = 'AGREE',
  AGREE_WITH_CHANGES = 'AGREE_WITH_CHANGES',
  DISAGREE = 'DISAGREE',
}

export enum CommentStatus {
  OPEN = 'OPEN',
  RESOLVED = 'RESOLVED',
}

export enum TaskStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  BLOCKED = 'BLOCKED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export enum TaskPriority {
  LOW = 'LOW',
  NORMAL = 'NORMAL',
  HIGH = 'HIGH',
  URGENT = 'URGENT',
}

export enum ApiTokenScope {
  READ = 'READ',
  WRITE = 'WRITE',
  CALENDAR = 'CALENDAR',
}

export enum SubjectType {
  ORGANIZATION = 'ORGANIZATION',
  UNIT = 'UNIT',
  USER = 'USER',
  MEETING = 'MEETING',
  AGENDA_ITEM = 'AGENDA_ITEM',
  PROPOSAL = 'PROPOSAL',
  TASK = 'TASK',
  APPRAISAL = 'APPRAISAL',
  PROGRAMME = 'PROGRAMME',
  PROGRAMME_ITEM = 'PROGRAMME_ITEM',
}

export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
