import type {
  AgendaItemStatus,
  Attendance,
  Classification,
  MeetingKind,
  ParticipantRole,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  TaskPriority,
  TaskStatus,
  Verdict,
  VoteOutcome,
} from '@quorum/shared';

// What the commands take: plain shapes, without decorators, so that the commands depend on nothing of the
// GraphQL layer (resolvers call commands, never the reverse). The resolvers pass their input classes
// (resolvers/types/*.input.ts), which have the same fields and which class-validator has checked; the
// compiler checks that the two stay alike where a resolver calls its command.

// Meetings (meeting.commands.ts).

/** Schedule, start, close or cancel: the meeting and the version the change is based on. */
export interface MeetingTransitionShape {
  id: string;
  expectedVersion: number;
}

export interface CopyAgendaInput {
  fromMeetingId: string;
  toMeetingId: string;
}

export interface CreateMeetingFromInput {
  sourceMeetingId: string;
  startsAt: Date;
  endsAt?: Date;
  title?: string;
  isTemplate?: boolean;
}

export interface CreateMeetingInput {
  committeeId: string;
  title: string;
  kind: MeetingKind;
  startsAt: Date;
  endsAt?: Date;
  location?: string;
  classification?: Classification;
  isTemplate?: boolean;
  chairId?: string;
  secretaryId?: string;
}

export interface UpdateMeetingInput {
  id: string;
  expectedVersion: number;
  title?: string;
  kind?: MeetingKind;
  startsAt?: Date;
  endsAt?: Date;
  location?: string;
  classification?: Classification;
  isTemplate?: boolean;
  chairId?: string | null;
  secretaryId?: string | null;
}

// Agenda items and votes (agenda.commands.ts, vote.commands.ts).

export interface AddAgendaItemInput {
  meetingId: string;
  title: string;
  description?: string;
  durationMinutes?: number;
  presenterUserId?: string;
  presenterUnitId?: string;
  proposalId?: string;
  materialsRequired?: boolean;
  parentId?: string;
  afterId?: string;
  beforeId?: string;
}

export interface ChangeAgendaItemStatusInput {
  id: string;
  expectedVersion: number;
  status: AgendaItemStatus;
  conclusion?: string;
}

export interface MoveAgendaItemInput {
  id: string;
  parentId?: string;
  afterId?: string;
  beforeId?: string;
}

export interface RemoveAgendaItemInput {
  id: string;
  expectedVersion: number;
}

export interface UpdateAgendaItemInput {
  id: string;
  expectedVersion: number;
  title?: string;
  description?: string | null;
  durationMinutes?: number | null;
  presenterUserId?: string | null;
  presenterUnitId?: string | null;
  proposalId?: string | null;
  materialsRequired?: boolean;
  conclusion?: string | null;
}

export interface RecordVoteInput {
  agendaItemId: string;
  expectedVersion: number;
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  outcome: VoteOutcome;
}

// Participants (participant.commands.ts).

export interface AddParticipantsInput {
  meetingId: string;
  participants?: ParticipantEntryInput[];
  units?: UnitParticipantsInput[];
}

export interface RecordAttendanceInput {
  participantId: string;
  attendance: Attendance;
  expectedVersion?: number;
}

export interface UpdateParticipantInput {
  id: string;
  expectedVersion: number;
  role: ParticipantRole;
}

export interface ParticipantEntryInput {
  userId: string;
  role: ParticipantRole;
}

export interface UnitParticipantsInput {
  unitId: string;
  role: ParticipantRole;
}

// Proposals (proposal.commands.ts).

export interface ChangeProposalStatusInput {
  proposalId: string;
  to: ProposalStatus;
  reason?: string;
  expectedVersion: number;
}

export interface CreateProposalInput {
  title: string;
  kind: ProposalKind;
  leadUnitId: string;
  referenceNumber?: string;
  summary?: string;
  classification?: Classification;
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
  accessUserIds?: string[];
}

// Appraisals (appraisal.commands.ts).

export interface AddAppraisalCommentInput {
  appraisalId: string;
  body: string;
  anchor?: AppraisalAnchorInput;
  parentId?: string;
}

export interface AssignAppraisalReviewerInput {
  assignmentId: string;
  reviewerId: string;
}

export interface CloseAppraisalInput {
  appraisalId: string;
}

export interface RequestAppraisalInput {
  proposalId: string;
  unitIds: string[];
  dueAt: Date;
  note?: string;
  sharedComments?: boolean;
  expectedVersion?: number;
}

export interface ResolveAppraisalCommentInput {
  commentId: string;
  answer: string;
}

export interface SubmitAppraisalVerdictInput {
  assignmentId: string;
  verdict: Verdict;
  summary?: string;
}

export interface AppraisalAnchorInput {
  quote: string;
  position: string;
}

// Document versions (version.commands.ts).

export interface CreateDocumentVersionInput {
  proposalId?: string;
  meetingId?: string;
  label: string;
}

export interface RestoreDocumentVersionInput {
  versionId: string;
  expectedVersion?: number;
}

// Work programmes (programme.commands.ts).

export interface AddProgrammeItemInput {
  programmeId: string;
  title: string;
  kind: ProposalKind;
  plannedMonth: number;
  leadUnitId: string;
  proposalId?: string;
}

export interface CreateWorkProgrammeInput {
  unitId: string;
  year: number;
  title: string;
}

export interface RemoveProgrammeItemInput {
  itemId: string;
}

export interface UpdateProgrammeItemInput {
  itemId: string;
  expectedVersion: number;
  title?: string;
  kind?: ProposalKind;
  plannedMonth?: number;
  leadUnitId?: string;
  status?: ProgrammeItemStatus;
  proposalId?: string | null;
}

export interface UpdateWorkProgrammeInput {
  programmeId: string;
  title: string;
}

// Tasks (task.commands.ts).

export interface ChangeTaskStatusInput {
  taskId: string;
  to: TaskStatus;
  reason?: string;
  expectedVersion: number;
}

export interface ConclusionTaskInput {
  title: string;
  description?: string;
  assigneeUnitId: string;
  assigneeId?: string;
  coordinatingUnitIds?: string[];
  dueAt: Date;
  priority?: TaskPriority;
  classification?: Classification;
}

export interface CreateTaskInput {
  sourceMeetingId?: string;
  sourceAgendaItemId?: string;
  sourceProposalId?: string;
  sourceProgrammeItemId?: string;
  title: string;
  description?: string;
  assigneeUnitId: string;
  assigneeId?: string;
  coordinatingUnitIds?: string[];
  dueAt: Date;
  priority?: TaskPriority;
  classification?: Classification;
}

export interface CreateTasksFromConclusionInput {
  agendaItemId: string;
  tasks: ConclusionTaskInput[];
}

export interface ExtendTaskDueDateInput {
  taskId: string;
  dueAt: Date;
  reason: string;
  expectedVersion?: number;
}

export interface ExtendTasksDueDateInput {
  taskIds: string[];
  dueAt: Date;
  reason: string;
}

export interface ReassignTasksInput {
  taskIds: string[];
  assigneeUnitId: string;
  assigneeId?: string;
}

export interface ReportTaskProgressInput {
  taskId: string;
  body: string;
  progress: number;
  attachments?: string[];
  expectedVersion?: number;
}

export interface UpdateTaskInput {
  id: string;
  expectedVersion: number;
  title?: string;
  description?: string | null;
  assigneeUnitId?: string;
  assigneeId?: string | null;
  coordinatingUnitIds?: string[];
  priority?: TaskPriority;
  classification?: Classification;
}
