// Result types of the client's operations, written by hand against the contract in
// schema/schema.graphql. Enum values are the shared enums, so labels and payloads agree.
import type {
  AgendaItemStatus,
  Attendance,
  Classification,
  MeetingKind,
  MeetingStatus,
  ParticipantRole,
  ProposalKind,
  ProposalStatus,
  UnitKind,
  VoteOutcome,
} from '@quorum/shared';

export interface UserSummary {
  __typename?: 'User';
  id: string;
  fullName: string;
}

export interface Viewer extends UserSummary {
  email: string;
  jobTitle: string | null;
  locale: string;
}

/** What the viewer may create (`viewer { can }`), from the server's policies. */
export interface ViewerAbilities {
  createMeeting: boolean;
}

/** The signed-in user as the session knows them: who they are and which forms to offer. */
export interface SessionViewer extends Viewer {
  can: ViewerAbilities | null;
}

export interface Organization {
  __typename?: 'Organization';
  id: string;
  name: string;
  slug: string;
  locale: string;
  timeZone: string;
}

export interface Unit {
  __typename?: 'Unit';
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
}

export interface Meeting {
  __typename?: 'Meeting';
  id: string;
  version: number;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  classification: Classification;
  committee: Pick<Unit, '__typename' | 'id' | 'name' | 'shortName'>;
  updatedAt: string;
  viewerCan: { update: boolean };
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface ViewerQueryData {
  viewer: SessionViewer | null;
  organization: Organization;
}

export interface MeetingsQueryData {
  meetings: Connection<Meeting>;
}

export interface MeetingFilter {
  status?: MeetingStatus[];
  kind?: MeetingKind[];
  committeeId?: string;
  from?: string;
  to?: string;
}

export interface MeetingsQueryVariables {
  filter?: MeetingFilter | null;
  first?: number;
  after?: string | null;
}

export interface MeetingQueryData {
  meeting: Meeting | null;
}

export interface UnitsQueryData {
  units: Connection<Unit>;
}

export interface LoginMutationData {
  login: { token: string; user: Viewer };
}

export interface LoginMutationVariables {
  input: { email: string; password: string };
}

export interface LogoutMutationData {
  logout: boolean;
}

export interface CreateMeetingInput {
  committeeId: string;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt?: string | null;
  location?: string | null;
  classification?: Classification | null;
  chairId?: string;
  secretaryId?: string;
}

export interface CreateMeetingMutationData {
  createMeeting: { meeting: Meeting };
}

export interface UpdateMeetingInput {
  id: string;
  expectedVersion: number;
  title?: string;
  kind?: MeetingKind;
  startsAt?: string;
  endsAt?: string | null;
  location?: string | null;
  classification?: Classification;
  /** null leaves the office empty. */
  chairId?: string | null;
  secretaryId?: string | null;
}

export interface UpdateMeetingMutationData {
  updateMeeting: { meeting: Meeting };
}

export type EventSubject =
  | (Meeting & { __typename: 'Meeting' })
  | (Pick<Unit, 'id' | 'name' | 'shortName'> & { __typename: 'Unit' })
  | (Pick<Organization, 'id' | 'name'> & { __typename: 'Organization' })
  // The organization's feed carries these too; nothing of them is selected, so the cache has nothing to take.
  | { __typename: 'User' | 'AgendaItem' | 'Proposal' | 'Task' };

export interface ChangeEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  actor: UserSummary | null;
  subject: EventSubject | null;
}

export interface EventsSubscriptionData {
  events: ChangeEvent;
}

export interface EventsSubscriptionVariables {
  /** Resume after this cursor: the server replays what came after it, then goes live. */
  after?: string;
}

// ---------------------------------------------------------------------------
// The meeting room

export interface UserRef {
  __typename?: 'User';
  id: string;
  fullName: string;
  jobTitle: string | null;
}

export type UnitRef = Pick<Unit, '__typename' | 'id' | 'name' | 'shortName'>;

export interface ProposalSummary {
  __typename?: 'Proposal';
  id: string;
  title: string;
  status: ProposalStatus;
  kind: ProposalKind;
  referenceNumber: string | null;
  summary: string | null;
}

export interface VoteResult {
  __typename?: 'Vote';
  id: string;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  outcome: VoteOutcome;
}

export interface AttachmentSummary {
  __typename?: 'Attachment';
  id: string;
  name: string;
  mediaType: string;
  size: number;
  /** Read where the list says who added a file and when (a proposal's files). */
  createdAt?: string;
  uploadedBy?: { __typename?: 'User'; id: string; fullName: string };
}

export interface AgendaItemReadiness {
  appraisalFinished: boolean;
  materialsAttached: boolean;
  presenterConfirmed: boolean;
  ready: boolean;
}

export interface AgendaItemViewerCan {
  changeStatus: boolean;
  conclude: boolean;
  confirmPresenter: boolean;
  nextStatuses: AgendaItemStatus[];
  recordVote: boolean;
  update: boolean;
}

export interface AgendaItem {
  __typename?: 'AgendaItem';
  id: string;
  version: number;
  number: string;
  /** 0 for the top level. */
  depth: number;
  parentId: string | null;
  title: string;
  description: string | null;
  durationMinutes: number | null;
  totalDurationMinutes: number;
  childrenDurationMinutes: number;
  status: AgendaItemStatus;
  conclusion: string | null;
  materialsRequired: boolean;
  presenterConfirmedAt: string | null;
  presenterUser: UserRef | null;
  presenterUnit: UnitRef | null;
  proposal: ProposalSummary | null;
  vote: VoteResult | null;
  attachments: AttachmentSummary[];
  readiness: AgendaItemReadiness;
  viewerCan: AgendaItemViewerCan;
  /** Built by the client from `parentId` (the query reads the agenda flat). */
  children?: AgendaItem[];
}

export interface Participant {
  __typename?: 'Participant';
  id: string;
  version: number;
  role: ParticipantRole;
  attendance: Attendance;
  materialsReadAt: string | null;
  user: UserRef;
}

export interface MeetingViewerCan {
  update: boolean;
  cancel: boolean;
  close: boolean;
  copy: boolean;
  manageAgenda: boolean;
  manageParticipants: boolean;
  markMaterialsRead: boolean;
  nextStatuses: MeetingStatus[];
  recordAttendance: boolean;
  recordVote: boolean;
  schedule: boolean;
  start: boolean;
}

export interface Quorum {
  members: number;
  present: number;
  required: number;
  reached: boolean;
}

export interface MeetingReadiness {
  complete: boolean;
  total: number;
  ready: number;
  appraisalFinished: number;
  materialsAttached: number;
  presenterConfirmed: number;
  participants: number;
  materialsRead: number;
}

export interface MeetingRoom extends Omit<Meeting, 'viewerCan'> {
  isTemplate: boolean;
  chair: UserRef | null;
  secretary: UserRef | null;
  viewerCan: MeetingViewerCan;
  quorum: Quorum;
  readiness: MeetingReadiness;
  agendaDurationMinutes: number;
  viewerParticipant: { __typename?: 'Participant'; id: string; materialsReadAt: string | null } | null;
  attachments: AttachmentSummary[];
  participants: { totalCount: number; edges: Array<{ node: Participant }> };
  /** The whole agenda, depth first. */
  agenda: AgendaItem[];
}

export interface MeetingRoomQueryData {
  meeting: MeetingRoom | null;
}

export type MeetingRoomEventSubject =
  | (Meeting & { __typename: 'Meeting' })
  | { __typename: 'AgendaItem'; id: string; title: string; number: string; parentId: string | null }
  | { __typename: 'Proposal'; id: string; title: string }
  | { __typename: 'Organization' | 'Task' | 'Unit'; id: string };

export interface MeetingEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  actor: UserSummary | null;
  /** The fields it changed, `{ field: { before, after } }`; null when no longer told (see the schema). */
  changes: Record<string, unknown> | null;
  subject: MeetingRoomEventSubject | null;
}

export interface MeetingEventsSubscriptionData {
  events: MeetingEvent;
}

export interface MeetingEventsSubscriptionVariables {
  id: string;
  after?: string;
}

// Presence: who else is in a meeting or on a proposal now (held by the server in memory, never stored).
export type PresenceScopeType = 'MEETING' | 'PROPOSAL';

export interface PresenceScope {
  type: PresenceScopeType;
  id: string;
}

export interface PresenceEntry {
  user: { id: string; fullName: string };
  /** The agenda item they are editing, if any. */
  editing: string | null;
  since: string;
}

export interface PresenceSubscriptionData {
  presence: PresenceEntry[];
}

export interface PresenceVariables {
  scope: PresenceScope;
}

export interface AnnouncePresenceMutationData {
  announcePresence: { presence: PresenceEntry[] };
}

export interface AnnouncePresenceMutationVariables {
  input: { scope: PresenceScope; editingId: string | null };
}

export interface LeavePresenceMutationData {
  leavePresence: { presence: PresenceEntry[] };
}

export interface LeavePresenceMutationVariables {
  input: { scope: PresenceScope };
}
