// Tasks ("nhiệm vụ"): the board and table, one task with its reports and due-date history, the mutations of
// the workflow, and the feeds that keep them live. Validated against the schema by
// `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  ChangeTaskStatusInput,
  ConclusionTaskInput,
  CreateTaskInput,
  ExtendTaskDueDateInput,
  RemoveTaskAttachmentData,
  ReportTaskProgressInput,
  Task,
  TaskAssignable,
  TaskEventsSubscriptionData,
  TaskRow,
  TasksQueryData,
  TasksQueryVariables,
  UpdateTaskInput,
} from './task.types';
import { CHANGE_EVENT_FIELDS } from './event.fragments';

/** What a card of the board and a row of the table show. */
export const TASK_ROW_FIELDS: TypedDocumentNode<TaskRow> = gql`
  fragment TaskRowFields on Task {
    id
    version
    title
    status
    priority
    progress
    dueAt
    dueDate
    overdue
    updatedAt
    assigneeUnit {
      id
      name
      shortName
    }
    assignee {
      id
      fullName
    }
    sourceMeeting {
      id
      title
    }
    viewerCan {
      update
      transitions
      report
      extend
    }
  }
`;

const TASK_UPDATE_FIELDS = gql`
  fragment TaskUpdateFields on TaskUpdate {
    id
    body
    progress
    statusFrom
    statusTo
    dueAtBefore
    dueAtAfter
    createdAt
    author {
      id
      fullName
    }
    attachments {
      id
      name
      mediaType
      size
    }
  }
`;

const TASK_ATTACHMENT_FIELDS = gql`
  fragment TaskAttachmentFields on Attachment {
    id
    name
    mediaType
    size
    reported
    uploadedBy {
      id
    }
  }
`;

export const TASK_FIELDS: TypedDocumentNode<Task> = gql`
  fragment TaskFields on Task {
    ...TaskRowFields
    description
    classification
    createdAt
    completedAt
    createdBy {
      id
      fullName
    }
    coordinatingUnits {
      id
      name
      shortName
    }
    sourceAgendaItem {
      id
      number
      title
      status
    }
    sourceProposal {
      id
      title
      referenceNumber
      status
    }
    sourceProgrammeItem {
      id
      title
      plannedMonth
    }
    dueDateHistory {
      ...TaskUpdateFields
    }
    attachments {
      ...TaskAttachmentFields
    }
    updates(first: 100) {
      edges {
        cursor
        node {
          ...TaskUpdateFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${TASK_ROW_FIELDS}
  ${TASK_UPDATE_FIELDS}
  ${TASK_ATTACHMENT_FIELDS}
`;

export const TASKS_QUERY: TypedDocumentNode<TasksQueryData, TasksQueryVariables> = gql`
  query Tasks($filter: TaskFilter, $first: Int, $after: String) {
    tasks(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...TaskRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${TASK_ROW_FIELDS}
`;

export const TASK_QUERY: TypedDocumentNode<{ task: Task | null }, { id: string }> = gql`
  query Task($id: ID!) {
    task(id: $id) {
      ...TaskFields
    }
  }
  ${TASK_FIELDS}
`;

/** Whether the viewer assigns tasks (the office): the create form and the conclusion's tasks. */
export const TASK_ABILITIES_QUERY: TypedDocumentNode<
  { viewer: { id: string; can: { createTask: boolean } | null } | null },
  Record<string, never>
> = gql`
  query TaskAbilities {
    viewer {
      id
      can {
        createTask
      }
    }
  }
`;

/** Who tasks may be assigned to: active people with their units (the assignee is a member of the unit). */
export const TASK_ASSIGNABLE_QUERY: TypedDocumentNode<
  { users: { edges: Array<{ node: TaskAssignable }> } },
  Record<string, never>
> = gql`
  query TaskAssignable {
    users(first: 100, filter: { mayTakePart: true }) {
      edges {
        node {
          id
          fullName
          jobTitle
          active
          memberships {
            id
            unit {
              id
            }
          }
        }
      }
    }
  }
`;

export const CREATE_TASK_MUTATION: TypedDocumentNode<
  { createTask: { task: Task } },
  { input: CreateTaskInput }
> = gql`
  mutation CreateTask($input: CreateTaskInput!) {
    createTask(input: $input) {
      task {
        ...TaskFields
      }
    }
  }
  ${TASK_FIELDS}
`;

export const CREATE_TASKS_FROM_CONCLUSION_MUTATION: TypedDocumentNode<
  { createTasksFromConclusion: { tasks: TaskRow[] } },
  { input: { agendaItemId: string; tasks: ConclusionTaskInput[] } }
> = gql`
  mutation CreateTasksFromConclusion($input: CreateTasksFromConclusionInput!) {
    createTasksFromConclusion(input: $input) {
      tasks {
        ...TaskRowFields
      }
    }
  }
  ${TASK_ROW_FIELDS}
`;

export const UPDATE_TASK_MUTATION: TypedDocumentNode<
  { updateTask: { task: Task } },
  { input: UpdateTaskInput }
> = gql`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) {
      task {
        ...TaskFields
      }
    }
  }
  ${TASK_FIELDS}
`;

export const CHANGE_TASK_STATUS_MUTATION: TypedDocumentNode<
  { changeTaskStatus: { task: TaskRow } },
  { input: ChangeTaskStatusInput }
> = gql`
  mutation ChangeTaskStatus($input: ChangeTaskStatusInput!) {
    changeTaskStatus(input: $input) {
      task {
        ...TaskRowFields
      }
    }
  }
  ${TASK_ROW_FIELDS}
`;

export const REPORT_TASK_PROGRESS_MUTATION: TypedDocumentNode<
  { reportTaskProgress: { task: Task } },
  { input: ReportTaskProgressInput }
> = gql`
  mutation ReportTaskProgress($input: ReportTaskProgressInput!) {
    reportTaskProgress(input: $input) {
      task {
        ...TaskFields
      }
    }
  }
  ${TASK_FIELDS}
`;

/** A file its uploader sent for a report that no report took; the task answers with the files left. */
export const REMOVE_TASK_ATTACHMENT_MUTATION: TypedDocumentNode<
  RemoveTaskAttachmentData,
  { input: { id: string } }
> = gql`
  mutation RemoveTaskAttachment($input: RemoveTaskAttachmentInput!) {
    removeTaskAttachment(input: $input) {
      removedId
      task {
        id
        attachments {
          ...TaskAttachmentFields
        }
      }
    }
  }
  ${TASK_ATTACHMENT_FIELDS}
`;

export const EXTEND_TASK_DUE_DATE_MUTATION: TypedDocumentNode<
  { extendTaskDueDate: { task: Task } },
  { input: ExtendTaskDueDateInput }
> = gql`
  mutation ExtendTaskDueDate($input: ExtendTaskDueDateInput!) {
    extendTaskDueDate(input: $input) {
      task {
        ...TaskFields
      }
    }
  }
  ${TASK_FIELDS}
`;

export const REASSIGN_TASKS_MUTATION: TypedDocumentNode<
  { reassignTasks: { tasks: TaskRow[] } },
  { input: { taskIds: string[]; assigneeUnitId: string; assigneeId?: string | null } }
> = gql`
  mutation ReassignTasks($input: ReassignTasksInput!) {
    reassignTasks(input: $input) {
      tasks {
        ...TaskRowFields
      }
    }
  }
  ${TASK_ROW_FIELDS}
`;

export const EXTEND_TASKS_DUE_DATE_MUTATION: TypedDocumentNode<
  { extendTasksDueDate: { tasks: TaskRow[] } },
  { input: { taskIds: string[]; dueAt: string; reason: string } }
> = gql`
  mutation ExtendTasksDueDate($input: ExtendTasksDueDateInput!) {
    extendTasksDueDate(input: $input) {
      tasks {
        ...TaskRowFields
      }
    }
  }
  ${TASK_ROW_FIELDS}
`;

/**
 * What the task screens read of a change: which task changed, by whom. Only the id and title travel: the
 * screens read the task again, since its `viewerCan` and the lists it belongs to depend on the viewer.
 */
const TASK_EVENT_FIELDS = gql`
  fragment TaskEventFields on ChangeEvent {
    ...ChangeEventFields
    subject {
      __typename
      ... on Task {
        id
        title
      }
    }
  }
  ${CHANGE_EVENT_FIELDS}
`;

/** Every task the viewer may see (the organization's feed), for the board, the table and the home. */
export const TASK_LIST_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  TaskEventsSubscriptionData,
  { after?: string }
> = gql`
  subscription TaskListEvents($after: String) {
    events(scope: { type: ORGANIZATION }, after: $after) {
      ...TaskEventFields
    }
  }
  ${TASK_EVENT_FIELDS}
`;

/** One task's feed, while its page is open. */
export const TASK_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  TaskEventsSubscriptionData,
  { id: string; after?: string }
> = gql`
  subscription TaskEvents($id: ID!, $after: String) {
    events(scope: { type: TASK, id: $id }, after: $after) {
      ...TaskEventFields
    }
  }
  ${TASK_EVENT_FIELDS}
`;
