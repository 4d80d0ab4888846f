import type { GraphQLResolveInfo } from 'graphql';
import { isTaskOverdue, localDateIn, TaskStatus } from '@quorum/shared';
import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
  Info,
} from 'type-graphql';
import {
  changeTaskStatus,
  createTask,
  createTasksFromConclusion,
  extendTaskDueDate,
  extendTasksDueDate,
  reassignTasks,
  removeTaskAttachment,
  reportTaskProgress,
  updateTask,
} from '../commands/task.commands.js';
import type { Context } from '../context.js';
import { readOne } from '../read/prefetch.js';
import { countsDays, taskWhere } from '../read/task-filter.js';
import {
  AgendaItem,
  Attachment,
  Meeting,
  Organization,
  ProgrammeItem,
  Proposal,
  Task,
  TaskUpdate,
  Unit,
  User,
} from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { taskPolicy } from '../policies/task.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { connectionType, findPage, PageArgs, pageOf, type ConnectionShape } from './types/connection.js';
import {
  ChangeTaskStatusInput,
  CreateTaskInput,
  CreateTasksFromConclusionInput,
  ExtendTaskDueDateInput,
  ExtendTasksDueDateInput,
  ReassignTasksInput,
  RemoveTaskAttachmentInput,
  RemoveTaskAttachmentPayload,
  ReportTaskProgressInput,
  TaskPayload,
  TasksPayload,
  TaskViewerCan,
  UpdateTaskInput,
} from './types/task.input.js';
import { thenOrNow, type Row } from '../read/rows.js';

export const TaskConnection = connectionType(Task, 'Task');
export const TaskUpdateConnection = connectionType(TaskUpdate, 'TaskUpdate');
/** Oldest first: the due-date history, a task's or a report's files. */
const createdOrder = { createdAt: 'asc', id: 'asc' } as const;

@InputType({ description: 'Narrows a list of tasks; the conditions given all apply.' })
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true, description: 'Tasks in one of these statuses.' })
  status?: TaskStatus[];

  @Field(() => ID, { nullable: true, description: 'Tasks assigned to this unit.' })
  @IsOptional()
  @IsUUID()
  assigneeUnitId?: string;

  @Field(() => ID, { nullable: true, description: 'Tasks with this person in charge.' })
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @Field(() => ID, { nullable: true, description: 'Only the tasks from this meeting (its conclusions).' })
  @IsOptional()
  @IsUUID()
  sourceMeetingId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Only tasks whose due day is over in the organization's time zone and that are not done or cancelled (false: the others).",
  })
  overdue?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Only tasks due on or after this day, `YYYY-MM-DD` in the organization's time zone.",
  })
  @IsOptional()
  @MaxLength(10)
  dueFrom?: string;

  @Field(() => String, { nullable: true, description: 'Only tasks due on or before this day, `YYYY-MM-DD`.' })
  @IsOptional()
  @MaxLength(10)
  dueTo?: string;
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, {
    nullable: true,
    description: 'One task; null when it does not exist or the viewer may not read it.',
  })
  task(
    @Arg('id', () => ID, { description: 'The task.' }) id: string,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<Task> | null> {
    return readOne(rows, Task, { $and: [{ id }, taskPolicy.readable(requireViewer(viewer))] }, info);
  }

  @Query(() => TaskConnection, { description: 'Tasks the viewer may see, by due date.' })
  async tasks(
    @Arg('filter', () => TaskFilter, {
      nullable: true,
      description: 'Narrows the list; omitted, every task the viewer may read.',
    })
    filter: TaskFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<Task>>> {
    const v = requireViewer(viewer);
    const timeZone = countsDays(filter ?? {})
      ? (await rows.one(Organization, { id: v.organizationId })).timeZone
      : null;
    const where = taskWhere(v, filter ?? {}, timeZone);
    return findPage(rows, Task, where, { dueAt: 'asc', id: 'asc' }, page, info);
  }

  @Mutation(() => TaskPayload, { description: 'A task assigned by the office (TODO).' })
  async createTask(
    @Arg('input', () => CreateTaskInput, {
      description: "The task's title, assignee unit, due date and source.",
    })
    input: CreateTaskInput,
    @Ctx() ctx: Context,
  ): Promise<TaskPayload> {
    return { task: await createTask(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => TasksPayload, {
    description:
      "The tasks of an agenda item's conclusion (the office), all or none, in the order given; the item has a conclusion and its meeting is IN_PROGRESS or CLOSED.",
  })
  async createTasksFromConclusion(
    @Arg('input', () => CreateTasksFromConclusionInput, {
      description: 'The concluded agenda item and the tasks to assign.',
    })
    input: CreateTasksFromConclusionInput,
    @Ctx() ctx: Context,
  ): Promise<TasksPayload> {
    return { tasks: await createTasksFromConclusion(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => TaskPayload, {
    description: "Changes a task's details. The office, whatever the task's status; takes `expectedVersion`.",
  })
  async updateTask(
    @Arg('input', () => UpdateTaskInput, {
      description: 'The task, its `expectedVersion` and the fields to change.',
    })
    input: UpdateTaskInput,
    @Ctx() ctx: Context,
  ): Promise<TaskPayload> {
    return { task: await updateTask(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => TaskPayload, {
    description:
      'Moves the task along its workflow; a move the viewer may not make is BAD_USER_INPUT with the allowed ones in `extensions.allowed`.',
  })
  async changeTaskStatus(
    @Arg('input', () => ChangeTaskStatusInput, {
      description: 'The task, its `expectedVersion`, the status it moves to and why.',
    })
    input: ChangeTaskStatusInput,
    @Ctx() ctx: Context,
  ): Promise<TaskPayload> {
    return { task: await changeTaskStatus(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => TaskPayload, { description: 'A progress report by a member of the assignee unit.' })
  async reportTaskProgress(
    @Arg('input', () => ReportTaskProgressInput, {
      description: "The task, the report's text and the progress reached.",
    })
    input: ReportTaskProgressInput,
    @Ctx() ctx: Context,
  ): Promise<TaskPayload> {
    return { task: await reportTaskProgress(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => RemoveTaskAttachmentPayload, {
    description: 'Removes a file uploaded for a report that no report has taken (its uploader).',
  })
  removeTaskAttachment(
    @Arg('input', () => RemoveTaskAttachmentInput, { description: 'The file to remove.' })
    input: RemoveTaskAttachmentInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveTaskAttachmentPayload> {
    return removeTaskAttachment(ctx, requireWriter(ctx.viewer), input.id);
  }

  @Mutation(() => TaskPayload, {
    description: 'A later due date for an open task (the office), kept in `dueDateHistory`.',
  })
  async extendTaskDueDate(
    @Arg('input', () => ExtendTaskDueDateInput, { description: 'The task, the new due date and why.' })
    input: ExtendTaskDueDateInput,
    @Ctx() ctx: Context,
  ): Promise<TaskPayload> {
    return { task: await extendTaskDueDate(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => TasksPayload, {
    description: 'Reassigns open tasks (the office): all, or none if one is refused.',
  })
  async reassignTasks(
    @Arg('input', () => ReassignTasksInput, { description: 'The tasks and their new assignee.' })
    input: ReassignTasksInput,
    @Ctx() ctx: Context,
  ): Promise<TasksPayload> {
    return { tasks: await reassignTasks(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => TasksPayload, {
    description: 'Extends open tasks to one later due date (the office): all, or none if one is refused.',
  })
  async extendTasksDueDate(
    @Arg('input', () => ExtendTasksDueDateInput, { description: 'The tasks, the new due date and why.' })
    input: ExtendTasksDueDateInput,
    @Ctx() ctx: Context,
  ): Promise<TasksPayload> {
    return { tasks: await extendTasksDueDate(ctx, requireWriter(ctx.viewer), input) };
  }

  @FieldResolver(() => TaskViewerCan, {
    description: 'What the viewer may do with this task now (the same policies as the mutations).',
  })
  viewerCan(@Root() task: Row<Task>, @Ctx() { viewer }: Context): TaskViewerCan {
    const v = requireViewer(viewer);
    return {
      update: taskPolicy.canUpdate(v, task),
      transitions: taskPolicy.transitions(v, task),
      report: taskPolicy.canReport(v, task),
      extend: taskPolicy.canExtend(v, task),
    };
  }

  /** The time zone the organization counts its days in. */
  private timeZone(task: Row<Task>, { rows }: Context): string | Promise<string> {
    return thenOrNow(rows.one(Organization, task.organization), (organization) => organization.timeZone);
  }

  @FieldResolver(() => Boolean, {
    description:
      "Open (TODO, IN_PROGRESS, BLOCKED) and its due day is over in the organization's time zone: overdue from the midnight after `dueDate` there.",
  })
  overdue(@Root() task: Row<Task>, @Ctx() ctx: Context): boolean | Promise<boolean> {
    return thenOrNow(this.timeZone(task, ctx), (timeZone) => isTaskOverdue(task, new Date(), timeZone));
  }

  @FieldResolver(() => String, {
    description: "The day it is due by, `YYYY-MM-DD`, in the organization's time zone.",
  })
  dueDate(@Root() task: Row<Task>, @Ctx() ctx: Context): string | Promise<string> {
    return thenOrNow(this.timeZone(task, ctx), (timeZone) => localDateIn(timeZone, task.dueAt));
  }

  @FieldResolver(() => [TaskUpdate], {
    description:
      'Every extension of its due date, oldest first: the dates before and after, the reason (`body`), who and when.',
  })
  dueDateHistory(
    @Root() task: Row<Task>,
    @Ctx() { rows }: Context,
  ): Row<TaskUpdate>[] | Promise<Row<TaskUpdate>[]> {
    return thenOrNow(rows.children(TaskUpdate, 'task', task.id, createdOrder), (updates) =>
      updates.filter((update) => update.dueAtAfter),
    );
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who assigned it.' })
  createdBy(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, task.createdBy);
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description: 'The proposal it was assigned from; null when none, or the viewer may not read it.',
  })
  async sourceProposal(
    @Root() task: Row<Task>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Proposal> | null> {
    const proposal = await rows.maybe(Proposal, task.sourceProposal);
    return proposal && proposalPolicy.canRead(requireViewer(viewer), proposal) ? proposal : null;
  }

  @FieldResolver(() => ProgrammeItem, {
    nullable: true,
    description: 'The work programme item it was assigned from; null when none.',
  })
  sourceProgrammeItem(
    @Root() task: Row<Task>,
    @Ctx() { rows }: Context,
  ): Row<ProgrammeItem> | null | Promise<Row<ProgrammeItem> | null> {
    // Work programmes are read by the whole organization.
    return rows.maybe(ProgrammeItem, task.sourceProgrammeItem);
  }

  @FieldResolver(() => Unit, {
    description: 'The unit that carries it out ("đơn vị được giao"); its members report on it.',
  })
  assigneeUnit(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, task.assigneeUnit);
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The person who carries it out ("người thực hiện"); null when the unit as a whole does.',
  })
  assignee(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, task.assignee);
  }

  @FieldResolver(() => [Unit], { description: 'Units that help the assignee unit ("đơn vị phối hợp").' })
  coordinatingUnits(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<Unit>[] | Promise<Row<Unit>[]> {
    return rows.collection(Task, 'coordinatingUnits', task.id);
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description: 'The meeting whose conclusion it came from; null when none, or the viewer may not read it.',
  })
  async sourceMeeting(
    @Root() task: Row<Task>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Meeting> | null> {
    const meeting = await rows.maybe(Meeting, task.sourceMeeting);
    return meeting && meetingPolicy.canRead(requireViewer(viewer), meeting) ? meeting : null;
  }

  @FieldResolver(() => AgendaItem, {
    nullable: true,
    description:
      'The agenda item whose conclusion it came from; null when none, or the viewer may not read its meeting.',
  })
  async sourceAgendaItem(@Root() task: Row<Task>, @Ctx() ctx: Context): Promise<Row<AgendaItem> | null> {
    if (!(await this.sourceMeeting(task, ctx))) return null;
    return ctx.rows.maybe(AgendaItem, task.sourceAgendaItem);
  }

  @FieldResolver(() => [Attachment], {
    description:
      'The files of its progress, oldest first: those of its reports and those uploaded for the next one.',
  })
  attachments(
    @Root() task: Row<Task>,
    @Ctx() { rows }: Context,
  ): Row<Attachment>[] | Promise<Row<Attachment>[]> {
    return rows.children(Attachment, 'task', task.id, createdOrder);
  }

  @FieldResolver(() => TaskUpdateConnection, {
    description: 'Its history (progress reports, status changes, new due dates), newest first.',
  })
  updates(
    @Root() task: Row<Task>,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows }: Context,
  ): ConnectionShape<Row<TaskUpdate>> | Promise<ConnectionShape<Row<TaskUpdate>>> {
    return pageOf(rows.collection(Task, 'updates', task.id), page);
  }
}

@Resolver(() => TaskUpdate)
export class TaskUpdateResolver {
  @FieldResolver(() => [Attachment], { description: 'The files that went with this report.' })
  attachments(
    @Root() update: Row<TaskUpdate>,
    @Ctx() { rows }: Context,
  ): Row<Attachment>[] | Promise<Row<Attachment>[]> {
    return rows.children(Attachment, 'taskUpdate', update.id, createdOrder);
  }

  @FieldResolver(() => User, { description: 'Who reported or made the change.' })
  author(@Root() update: Row<TaskUpdate>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, update.author);
  }
}
