// Result types of the task operations (task.operations.ts), written by hand against schema/schema.graphql as
// types.ts is. Enum values are the shared enums.
import type {
  AgendaItemStatus,
  Classification,
  ProposalStatus,
  TaskPriority,
  TaskStatus,
} from '@quorum/shared';
import type { Connection } from './types';

export interface TaskUnit {
  id: string;
  name: string;
  shortName: string | null;
}

export interface TaskPerson {
  id: string;
  fullName: string;
}

export interface TaskViewerCan {
  update: boolean;
  transitions: TaskStatus[];
  report: boolean;
  extend: boolean;
}

/** What a card of the board and a row of the table show, with what their filters need. */
export interface TaskRow {
  __typename?: 'Task';
  id: string;
  version: number;
  title: string;
  status: TaskStatus;
  priority: TaskPriority;
  progress: number;
  dueAt: string;
  dueDate: string;
  overdue: boolean;
  updatedAt: string;
  assigneeUnit: TaskUnit;
  assignee: TaskPerson | null;
  sourceMeeting: { id: string; title: string } | null;
  viewerCan: TaskViewerCan;
}

export interface TaskUpdateEntry {
  id: string;
  body: string;
  progress: number | null;
  statusFrom: TaskStatus | null;
  statusTo: TaskStatus | null;
  dueAtBefore: string | null;
  dueAtAfter: string | null;
  createdAt: string;
  author: TaskPerson;
  attachments: TaskFile[];
}

export interface TaskFile {
  id: string;
  name: string;
  mediaType: string;
  size: number;
}

/** A file of the task's progress with who sent it: a report's, or one uploaded for a report not sent yet. */
export interface TaskAttachment extends TaskFile {
  /** It went with a report. */
  reported: boolean;
  uploadedBy: { id: string };
}

export interface RemoveTaskAttachmentData {
  removeTaskAttachment: { removedId: string; task: { id: string; attachments: TaskAttachment[] } };
}

/** One task as its page reads it. */
export interface Task extends TaskRow {
  description: string | null;
  classification: Classification;
  createdAt: string;
  completedAt: string | null;
  createdBy: TaskPerson | null;
  coordinatingUnits: TaskUnit[];
  sourceAgendaItem: { id: string; number: string; title: string; status: AgendaItemStatus } | null;
  sourceProposal: {
    id: string;
    title: string;
    referenceNumber: string | null;
    status: ProposalStatus;
  } | null;
  sourceProgrammeItem: { id: string; title: string; plannedMonth: number } | null;
  dueDateHistory: TaskUpdateEntry[];
  updates: Connection<TaskUpdateEntry>;
  /** The files of its reports and those uploaded for a report not sent yet, oldest first. */
  attachments: TaskAttachment[];
}

export interface TaskFilter {
  status?: TaskStatus[];
  assigneeUnitId?: string;
  assigneeId?: string;
  sourceMeetingId?: string;
  overdue?: boolean;
  /** The due day's range, `YYYY-MM-DD` in the organization's time zone, both ends included. */
  dueFrom?: string;
  dueTo?: string;
}

export interface TasksQueryData {
  tasks: Connection<TaskRow>;
}

export interface TasksQueryVariables {
  filter?: TaskFilter | null;
  first?: number;
  after?: string | null;
}

/** Someone a task may be assigned to: an active user and the units they belong to. */
export interface TaskAssignable {
  id: string;
  fullName: string;
  jobTitle: string | null;
  active: boolean;
  memberships: Array<{ id: string; unit: { id: string } }>;
}

interface TaskFields {
  title: string;
  description?: string | null;
  assigneeUnitId: string;
  assigneeId?: string | null;
  coordinatingUnitIds?: string[];
  dueAt: string;
  priority?: TaskPriority;
  classification?: Classification;
}

export type ConclusionTaskInput = TaskFields;

export interface CreateTaskInput extends TaskFields {
  sourceMeetingId?: string;
  sourceAgendaItemId?: string;
  sourceProposalId?: string;
  sourceProgrammeItemId?: string;
}

export interface UpdateTaskInput {
  id: string;
  expectedVersion: number;
  title?: string;
  description?: string | null;
  assigneeUnitId?: string;
  assigneeId?: string | null;
  priority?: TaskPriority;
}

export interface ChangeTaskStatusInput {
  taskId: string;
  to: TaskStatus;
  reason?: string;
  expectedVersion: number;
}

export interface ReportTaskProgressInput {
  taskId: string;
  body: string;
  progress: number;
  expectedVersion?: number;
  /** Files uploaded for this report (`POST /uploads` with `taskId`). */
  attachments?: string[];
}

export interface ExtendTaskDueDateInput {
  taskId: string;
  dueAt: string;
  reason: string;
  expectedVersion?: number;
}

/** A change in the feed, as the task screens read it: which task, by whom. */
export interface TaskFeedEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  actor: TaskPerson | null;
  subject: { __typename: 'Task'; id: string; title: string } | { __typename: string } | null;
}

export interface TaskEventsSubscriptionData {
  events: TaskFeedEvent;
}
