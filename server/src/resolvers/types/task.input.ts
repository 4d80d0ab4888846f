import {
  Classification,
  coordinatingUnitsMax,
  limits,
  TaskPriority,
  TaskStatus,
  taskProgressMax,
  tasksPerCallMax,
} from '@quorum/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Task } from '../../entities/index.js';
import { DateTime } from '../../scalars/date-time.js';
import { TextLength } from './text-length.js';

const dueAtDescription =
  "The day it is due by, as an instant: the task is due by the end of that day in the organization's time zone, and overdue from the next midnight there.";

/**
 * What a task is and who does it: shared by `createTask` and each task of `createTasksFromConclusion` (its
 * fields are inherited).
 */
@InputType()
abstract class TaskFields {
  @Field(() => String, { description: 'What is to be done, 1 to 500 characters, spaces around it aside.' })
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details, at most 20,000 characters.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  description?: string;

  @Field(() => ID, { description: 'The unit that does it; its members report on it.' })
  @IsUUID()
  assigneeUnitId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The person in charge: an active member of the assignee unit.',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field(() => [ID], {
    nullable: true,
    description: `Units that take part ("đơn vị phối hợp"), each once, at most ${coordinatingUnitsMax}; not the assignee unit.`,
  })
  @IsOptional()
  @ArrayMaxSize(coordinatingUnitsMax)
  @IsUUID('all', { each: true })
  coordinatingUnitIds?: string[];

  @Field(() => DateTime, { description: dueAtDescription })
  dueAt!: Date;

  @Field(() => TaskPriority, { nullable: true, description: 'NORMAL when not given.' })
  priority?: TaskPriority;

  @Field(() => Classification, {
    nullable: true,
    description:
      'When not given, that of its source meeting or proposal (the more restricted), else INTERNAL. A CONFIDENTIAL task is read by its assignee and the access list, on which its author is put.',
  })
  classification?: Classification;
}

@InputType({
  description:
    'A task assigned by the office, from a meeting, an agenda item, a proposal or a programme item (or none).',
})
export class CreateTaskInput extends TaskFields {
  @Field(() => ID, {
    nullable: true,
    description: 'The meeting it comes from (implied by `sourceAgendaItemId`).',
  })
  @IsOptional()
  @IsUUID()
  sourceMeetingId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The agenda item whose conclusion it carries out; its meeting is the source meeting.',
  })
  @IsOptional()
  @IsUUID()
  sourceAgendaItemId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The proposal it follows up (implied by the agenda item presenting one).',
  })
  @IsOptional()
  @IsUUID()
  sourceProposalId?: string;

  @Field(() => ID, { nullable: true, description: 'The work programme item it serves.' })
  @IsOptional()
  @IsUUID()
  sourceProgrammeItemId?: string;
}

@InputType({
  description: 'One task of a conclusion: its source is the agenda item (its meeting and its proposal).',
})
export class ConclusionTaskInput extends TaskFields {}

@InputType({
  description: "Turns an agenda item's conclusion into tasks (the office), created together or not at all.",
})
export class CreateTasksFromConclusionInput {
  @Field(() => ID, { description: 'An agenda item with a conclusion, of a meeting IN_PROGRESS or CLOSED.' })
  @IsUUID()
  agendaItemId!: string;

  @Field(() => [ConclusionTaskInput], {
    description: `1 to ${tasksPerCallMax} tasks, created together or not at all.`,
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(tasksPerCallMax)
  @ValidateNested({ each: true })
  tasks!: ConclusionTaskInput[];
}

@InputType({
  description:
    'Changes the details of a task (the office). Its status, due date and progress have their own mutations, which keep their history.',
})
export class UpdateTaskInput {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: '1 to 500 characters, spaces around it aside; cannot be cleared.',
  })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Reassigns it; the assignee is cleared unless `assigneeId` names one of the new unit.',
  })
  @IsOptional()
  @IsUUID()
  assigneeUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'A member of the assignee unit; null clears it.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The whole list, replacing the one before.' })
  @IsOptional()
  @ArrayMaxSize(coordinatingUnitsMax)
  @IsUUID('all', { each: true })
  coordinatingUnitIds?: string[];

  @Field(() => TaskPriority, { nullable: true, description: 'How urgent it is; cannot be cleared.' })
  priority?: TaskPriority;

  @Field(() => Classification, {
    nullable: true,
    description:
      'Who may read it; cannot be cleared. Making it CONFIDENTIAL puts the editor on its access list.',
  })
  classification?: Classification;
}

@InputType({
  description:
    'Moves a task in its workflow: the assignee unit (or the office for it) starts it and reports it blocked or done; the office alone cancels it, reopens a DONE one and restores a CANCELLED one. A move the viewer may not make is BAD_USER_INPUT naming the ones they may (`extensions.allowed`).',
})
export class ChangeTaskStatusInput {
  @Field(() => ID, { description: 'The task.' })
  @IsUUID()
  taskId!: string;

  @Field(() => TaskStatus, { description: 'The new status; DONE sets its progress to 100.' })
  to!: TaskStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Required to report it BLOCKED, to cancel it and to reopen a DONE one; kept in its history.',
  })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  reason?: string;

  @Field(() => Int, { description: 'The version the change is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

@InputType({
  description: 'A progress report by the assignee unit; a report on a TODO task starts it (IN_PROGRESS).',
})
export class ReportTaskProgressInput {
  @Field(() => ID, { description: 'The task, open (TODO, IN_PROGRESS or BLOCKED).' })
  @IsUUID()
  taskId!: string;

  @Field(() => String, { description: 'What was done.' })
  @TextLength(1, limits.descriptionMax)
  body!: string;

  @Field(() => Int, { description: `Percent done, 0 to ${taskProgressMax}.` })
  @IsInt()
  @Min(0)
  @Max(taskProgressMax)
  progress!: number;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Files that go with the report: uploaded by the viewer to this task (`POST /uploads` with `taskId`) and in no report yet.',
  })
  @IsOptional()
  @ArrayMaxSize(limits.attachmentsPerReportMax)
  @IsUUID('all', { each: true })
  attachments?: string[];

  @Field(() => Int, { nullable: true, description: 'The task’s version, when the client wants it checked.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType({
  description: 'A later due date for an open task (the office), kept in its history with the reason.',
})
export class ExtendTaskDueDateInput {
  @Field(() => ID, { description: 'The task, open (TODO, IN_PROGRESS or BLOCKED).' })
  @IsUUID()
  taskId!: string;

  @Field(() => DateTime, { description: `Later than the present one. ${dueAtDescription}` })
  dueAt!: Date;

  @Field(() => String, {
    description: 'Why it is extended, 1 to 20,000 characters (spaces around it aside).',
  })
  @TextLength(1, limits.descriptionMax)
  reason!: string;

  @Field(() => Int, { nullable: true, description: 'The task’s version, when the client wants it checked.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType({
  description: 'Reassigns several tasks at once (the office): all of them, or none if one is refused.',
})
export class ReassignTasksInput {
  @Field(() => [ID], { description: `1 to ${tasksPerCallMax} tasks.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(tasksPerCallMax)
  @IsUUID('all', { each: true })
  taskIds!: string[];

  @Field(() => ID, { description: 'The unit that is to do them.' })
  @IsUUID()
  assigneeUnitId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A member of the unit; none leaves the tasks without a person in charge.',
  })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;
}

@InputType({
  description:
    'Extends several open tasks to one due date (the office): all of them, or none if one is refused.',
})
export class ExtendTasksDueDateInput {
  @Field(() => [ID], { description: `1 to ${tasksPerCallMax} tasks.` })
  @ArrayMinSize(1)
  @ArrayMaxSize(tasksPerCallMax)
  @IsUUID('all', { each: true })
  taskIds!: string[];

  @Field(() => DateTime, { description: `Later than each task's present one. ${dueAtDescription}` })
  dueAt!: Date;

  @Field(() => String, {
    description: 'Why they are extended, 1 to 20,000 characters (spaces around it aside).',
  })
  @TextLength(1, limits.descriptionMax)
  reason!: string;
}

@InputType({ description: 'A file uploaded for a report and not sent with one (its uploader).' })
export class RemoveTaskAttachmentInput {
  @Field(() => ID, { description: 'The attachment (file) to remove.' })
  @IsUUID()
  id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `removeTaskAttachment`.' })
export class RemoveTaskAttachmentPayload {
  @Field(() => ID, { description: 'The id of the file removed.' })
  removedId!: string;

  @Field(() => Task, { description: 'The task it belonged to.' })
  task!: Task;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a change to one task.' })
export class TaskPayload {
  @Field(() => Task, { description: 'The task as changed.' })
  task!: Task;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a change to several tasks at once.' })
export class TasksPayload {
  @Field(() => [Task], { description: 'The tasks created or changed, in the order given.' })
  tasks!: Task[];
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this task.' })
export class TaskViewerCan {
  @Field(() => Boolean, { description: 'updateTask and reassignTasks' })
  update!: boolean;

  @Field(() => [TaskStatus], { description: 'The statuses changeTaskStatus may take it to.' })
  transitions!: TaskStatus[];

  @Field(() => Boolean, { description: 'reportTaskProgress' })
  report!: boolean;

  @Field(() => Boolean, { description: 'extendTaskDueDate and extendTasksDueDate' })
  extend!: boolean;
}
