import { IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Unit } from '../entities/index.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { followUpReport, type FollowUpCounts as Counts } from '../read/follow-up.js';
import { DateTime } from '../scalars/date-time.js';

@InputType({ description: 'Narrows the follow-up report to some tasks; the conditions given all apply.' })
export class FollowUpReportFilter {
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

  @Field(() => ID, { nullable: true, description: 'Only the tasks from this meeting (its conclusions).' })
  @IsOptional()
  @IsUUID()
  sourceMeetingId?: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'Tasks counted by where they stand; cancelled ones aside.',
})
export class FollowUpCounts implements Counts {
  @Field(() => Int, { description: 'doneOnTime + doneLate + overdue + inProgress.' })
  assigned!: number;

  @Field(() => Int, { description: "Done on or before the due day (the organization's time zone)." })
  doneOnTime!: number;

  @Field(() => Int, { description: 'Done after the due day.' })
  doneLate!: number;

  @Field(() => Int, { description: 'Open, and the due day is over.' })
  overdue!: number;

  @Field(() => Int, { description: 'Open, and not yet due.' })
  inProgress!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The follow-up counts of one assignee unit.' })
export class FollowUpUnitRow extends FollowUpCounts {
  @Field(() => Unit, { description: 'The assignee unit.' })
  unit!: Unit;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The follow-up report per assignee unit ("theo dõi, đôn đốc").',
})
export class FollowUpReport {
  @Field(() => DateTime, { description: 'When it was computed: overdue is as of then.' })
  asOf!: Date;

  @Field(() => [FollowUpUnitRow], { description: 'Each unit with a task counted, by name.' })
  rows!: FollowUpUnitRow[];

  @Field(() => FollowUpCounts, { description: 'The counts over all the units together.' })
  totals!: FollowUpCounts;
}

@Resolver()
export class FollowUpResolver {
  @Query(() => FollowUpReport, {
    description:
      'Of the tasks the viewer may read, per assignee unit: assigned, done on time, done late, overdue, in progress. The same as GET /reports/follow-up.pdf and .xlsx.',
  })
  async followUpReport(
    @Arg('filter', () => FollowUpReportFilter, {
      nullable: true,
      description:
        'Narrows the tasks counted (by due date, by source meeting); omitted, all the viewer may read.',
    })
    filter: FollowUpReportFilter | undefined,
    @Ctx() { em, viewer }: Context,
  ): Promise<FollowUpReport> {
    const report = await followUpReport(em, requireViewer(viewer), filter ?? {});
    return {
      asOf: report.asOf,
      rows: report.rows.map(({ unit, counts }) => ({ unit, ...counts })),
      totals: report.totals,
    };
  }
}
