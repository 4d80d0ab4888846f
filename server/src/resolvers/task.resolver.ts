import { TaskStatus } from '@quorum/shared';
import { IsOptional, IsUUID } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { AgendaItem, Meeting, Task, TaskUpdate, Unit, User } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { taskPolicy } from '../policies/task.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { connectionType, findPage, PageArgs, slicePage, type ConnectionShape } from './types/connection.js';

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
  task(@Arg('id', () => ID) id: string, @Ctx() { em, viewer }: Context): Promise<Task | null> {
    return em.findOne(Task, { $and: [{ id }, taskPolicy.readable(requireViewer(viewer))] });
  }

  @Query(() => TaskConnection, { description: 'Tasks the viewer may see, by due date.' })
  tasks(
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, viewer }: Context,
  ): Promise<ConnectionShape<Task>> {
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
    return findPage(em, Task, where, { dueAt: 'asc', id: 'asc' }, page);
  }

  @FieldResolver(() => Unit)
  assigneeUnit(@Root() task: Task): Promise<Unit> {
    return task.assigneeUnit.loadOrFail();
  }

  @FieldResolver(() => User, { nullable: true })
  async assignee(@Root() task: Task): Promise<User | null> {
    return (await task.assignee?.load()) ?? null;
  }

  @FieldResolver(() => [Unit])
  async coordinatingUnits(@Root() task: Task): Promise<Unit[]> {
    return (await task.coordinatingUnits.load()).getItems();
  }

  @FieldResolver(() => Meeting, { nullable: true })
  async sourceMeeting(@Root() task: Task, @Ctx() { viewer }: Context): Promise<Meeting | null> {
    const meeting = await task.sourceMeeting?.load();
    return meeting && meetingPolicy.canRead(requireViewer(viewer), meeting) ? meeting : null;
  }

  @FieldResolver(() => AgendaItem, { nullable: true })
  async sourceAgendaItem(@Root() task: Task, @Ctx() { viewer }: Context): Promise<AgendaItem | null> {
    const meeting = await task.sourceMeeting?.load();
    if (!meeting || !meetingPolicy.canRead(requireViewer(viewer), meeting)) return null;
    return (await task.sourceAgendaItem?.load()) ?? null;
  }

  @FieldResolver(() => TaskUpdateConnection)
  async updates(
    @Root() task: Task,
    @Args(() => PageArgs) page: PageArgs,
  ): Promise<ConnectionShape<TaskUpdate>> {
    return slicePage((await task.updates.load()).getItems(), page);
  }
}

@Resolver(() => TaskUpdate)
export class TaskUpdateResolver {
  @FieldResolver(() => User)
  author(@Root() update: TaskUpdate): Promise<User> {
    return update.author.loadOrFail();
  }
}
