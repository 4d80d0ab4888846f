import { Field, Int, ObjectType } from 'type-graphql';
import { Appraisal, AppraisalAssignment, Meeting, Task, Unit, WorkProgramme } from '../../entities/index.js';
import { MeetingStatus, TaskStatus } from '../../entities/enums.js';
import { DateTime } from '../../scalars/date-time.js';
import { ProgrammeMonthProgress } from './programme.input.js';

@ObjectType({
  simpleResolvers: true,
  description: 'Tasks in one status: `tasks(filter: { status: [status] })`.',
})
export class DashboardStatusCount {
  @Field(() => TaskStatus, { description: 'The status counted.' })
  status!: TaskStatus;

  @Field(() => Int, { description: 'How many of the tasks the viewer may read are in it.' })
  count!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "An assignee unit's tasks: open is `tasks(filter: { assigneeUnitId, status: openStatuses })`, overdue `{ assigneeUnitId, overdue: true }`, done `{ assigneeUnitId, status: [DONE] }`.",
})
export class DashboardUnitTasks {
  @Field(() => Unit, { description: 'The assignee unit.' })
  unit!: Unit;

  @Field(() => Int, { description: 'Its tasks not yet done nor cancelled.' })
  open!: number;

  @Field(() => Int, { description: 'Its open tasks past their due date.' })
  overdue!: number;

  @Field(() => Int, { description: 'Its tasks done.' })
  done!: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Tasks overdue at a moment, from their due and completion dates: created by then, due before that day's midnight (the organization's time zone), not completed by then, not cancelled.",
})
export class DashboardOverduePoint {
  @Field(() => DateTime, {
    description: 'The moment counted: now, or the same time of day whole weeks before.',
  })
  at!: Date;

  @Field(() => String, { description: "Its day, `YYYY-MM-DD` in the organization's time zone." })
  date!: string;

  @Field(() => Int, { description: 'How many tasks were overdue at that moment.' })
  overdue!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A unit asked by an open round that has not answered.' })
export class DashboardWaitingAppraisal {
  @Field(() => AppraisalAssignment, { description: "The unit's assignment (its unit, its reviewer)." })
  assignment!: AppraisalAssignment;

  @Field(() => Appraisal, { description: 'The round (its proposal, its deadline).' })
  appraisal!: Appraisal;

  @Field(() => Boolean, { description: "The round's deadline has passed." })
  overdue!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "The leaders' dashboard: figures over what the viewer may read, each the total of the list query named in its description, so that the list behind every figure can be fetched.",
})
export class Dashboard {
  @Field(() => Int, { description: 'The year of the programme figures.' })
  year!: number;

  @Field(() => DateTime, { description: 'When it was computed: overdue and upcoming are as of then.' })
  asOf!: Date;

  @Field(() => [WorkProgramme], { description: "The year's programmes (`programmes`, of that year)." })
  programmes!: WorkProgramme[];

  @Field(() => [ProgrammeMonthProgress], {
    description: "The year's programmes summed: planned and adopted by planned month, and running totals.",
  })
  programmeProgress!: ProgrammeMonthProgress[];

  @Field(() => Int, { description: "The sum of the year's programmes' `plannedCount`." })
  plannedCount!: number;

  @Field(() => Int, { description: "The sum of the year's programmes' `adoptedCount`." })
  adoptedCount!: number;

  @Field(() => [TaskStatus], { description: 'The statuses of a task still to be done (the "open" figures).' })
  openStatuses!: TaskStatus[];

  @Field(() => [DashboardStatusCount], { description: 'Every status, in the enum’s order.' })
  tasksByStatus!: DashboardStatusCount[];

  @Field(() => [DashboardUnitTasks], { description: 'Each assignee unit with a task, most open first.' })
  tasksByUnit!: DashboardUnitTasks[];

  @Field(() => [DashboardOverduePoint], {
    description:
      'Overdue tasks now and at the same moment each of the seven weeks before, oldest first; the last is `tasks(filter: { overdue: true }).totalCount`.',
  })
  overdueTrend!: DashboardOverduePoint[];

  @Field(() => [MeetingStatus], { description: 'The statuses of an upcoming meeting.' })
  upcomingStatuses!: MeetingStatus[];

  @Field(() => DateTime, {
    description: "Today's midnight in the organization's time zone: upcoming meetings start from it.",
  })
  upcomingFrom!: Date;

  @Field(() => Int, {
    description: '`meetings(filter: { status: upcomingStatuses, from: upcomingFrom }).totalCount`.',
  })
  upcomingMeetingCount!: number;

  @Field(() => [Meeting], { description: 'The next ones, soonest first (ask each for its `readiness`).' })
  upcomingMeetings!: Meeting[];

  @Field(() => Int, {
    description:
      "Units asked by an open round that have not answered, over the proposals the viewer may read (their `appraisals`' PENDING assignments of OPEN rounds).",
  })
  appraisalsWaiting!: number;

  @Field(() => Int, { description: "Of those, the ones whose round's deadline has passed." })
  appraisalsOverdue!: number;

  @Field(() => [DashboardWaitingAppraisal], {
    description: "Of those, the ones asking the viewer's units, earliest deadline first.",
  })
  waitingForViewerUnits!: DashboardWaitingAppraisal[];

  @Field(() => Int, {
    description: '`tasks(filter: { assigneeId: viewer, status: openStatuses }).totalCount`.',
  })
  ownOpenTaskCount!: number;

  @Field(() => [Task], { description: 'The first of those, by due date.' })
  ownTasks!: Task[];
}
