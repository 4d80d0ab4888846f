import type { GraphQLResolveInfo } from 'graphql';
import { TaskStatus } from '@quorum/shared';
import { IsOptional, IsUUID } from 'class-validator';
import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Query,
  Resolver,
  Root,
  Info,
} from 'type-graphql';
import type { Context } from '../context.js';
import { readOne } from '../read/prefetch.js';
import { isOverdue } from '../domain/task.js';
import { AgendaItem, Meeting, Task, TaskUpdate, Unit, User } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { taskPolicy } from '../policies/task.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { connectionType, findPage, PageArgs, pageOf, type ConnectionShape } from './types/connection.js';
import type { Row } from '../read/rows.js';

export const TaskConnection = connectionType(Task, 'Task');
export const TaskUpdateConnection = connectionType(TaskUpdate, 'TaskUpdate');

@InputType()
export class TaskFilter {
  @Field(() => [TaskStatus], { nullable: true })
  status?: TaskStatus[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  assigneeUnitId?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only tasks past their due date and not done or cancelled.',
  })
  overdue?: boolean;
}

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true })
  task(
    @Arg('id', () => ID) id: string,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<Task> | null> {
    return readOne(rows, Task, { $and: [{ id }, taskPolicy.readable(requireViewer(viewer))] }, info);
  }

  @Query(() => TaskConnection, { description: 'Tasks the viewer may see, by due date.' })
  tasks(
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<Task>>> {
    const open = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];
    const where = {
      $and: [
        taskPolicy.readable(requireViewer(viewer)),
        {
          ...(filter?.status?.length ? { status: { $in: filter.status } } : {}),
          ...(filter?.assigneeUnitId ? { assigneeUnit: filter.assigneeUnitId } : {}),
        },
        filter?.overdue === true ? { dueAt: { $lt: new Date() }, status: { $in: open } } : {},
        filter?.overdue === false
          ? { $or: [{ dueAt: { $gte: new Date() } }, { status: { $nin: open } }] }
          : {},
      ],
    };
    return findPage(rows, Task, where, { dueAt: 'asc', id: 'asc' }, page, info);
  }

  @FieldResolver(() => Unit)
  /** Past its due date and neither done nor cancelled. */
  @FieldResolver(() => Boolean)
  overdue(@Root() task: Row<Task>): boolean {
    return isOverdue(task, new Date());
  }

  @FieldResolver(() => Unit)
  assigneeUnit(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, task.assigneeUnit);
  }

  @FieldResolver(() => User, { nullable: true })
  assignee(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<User> | null | Promise<Row<User> | null> {
    return rows.maybe(User, task.assignee);
  }

  @FieldResolver(() => [Unit])
  coordinatingUnits(@Root() task: Row<Task>, @Ctx() { rows }: Context): Row<Unit>[] | Promise<Row<Unit>[]> {
    return rows.collection(Task, 'coordinatingUnits', task.id);
  }

  @FieldResolver(() => Meeting, { nullable: true })
  async sourceMeeting(
    @Root() task: Row<Task>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Meeting> | null> {
    const meeting = await rows.maybe(Meeting, task.sourceMeeting);
    return meeting && meetingPolicy.canRead(requireViewer(viewer), meeting) ? meeting : null;
  }

  @FieldResolver(() => AgendaItem, { nullable: true })
  async sourceAgendaItem(@Root() task: Row<Task>, @Ctx() ctx: Context): Promise<Row<AgendaItem> | null> {
    if (!(await this.sourceMeeting(task, ctx))) return null;
    return ctx.rows.maybe(AgendaItem, task.sourceAgendaItem);
  }

  @FieldResolver(() => TaskUpdateConnection)
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
  @FieldResolver(() => User)
  author(@Root() update: Row<TaskUpdate>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, update.author);
  }
}
