import type { GraphQLResolveInfo } from 'graphql';
import { localDateIn } from '@quorum/shared';
import {
  Arg,
  Args,
  Ctx,
  FieldResolver,
  Float,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  addProgrammeItem,
  createWorkProgramme,
  removeProgrammeItem,
  updateProgrammeItem,
  updateWorkProgramme,
} from '../commands/programme.commands.js';
import type { Context } from '../context.js';
import {
  countAdopted,
  isSlipping,
  programmeItemOrder,
  progressByMonth,
  progressByUnit,
  ratio,
  type ProgrammeItemFacts,
  type YearMonth,
} from '../domain/programme-progress.js';
import { Meeting, Organization, ProgrammeItem, Proposal, Unit, WorkProgramme } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { programmePolicy } from '../policies/programme.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { readOne } from '../read/prefetch.js';
import { thenOrNow, type Row } from '../read/rows.js';
import { connectionType, findPage, PageArgs, type ConnectionShape } from './types/connection.js';
import {
  AddProgrammeItemInput,
  CreateWorkProgrammeInput,
  ProgrammeItemPayload,
  ProgrammeMonthProgress,
  ProgrammeUnitProgress,
  RemoveProgrammeItemInput,
  RemoveProgrammeItemPayload,
  UpdateProgrammeItemInput,
  UpdateWorkProgrammeInput,
  WorkProgrammePayload,
  WorkProgrammeViewerCan,
} from './types/programme.input.js';

export const ProgrammeConnection = connectionType(WorkProgramme, 'WorkProgramme');

const factsOf = (item: Row<ProgrammeItem>): ProgrammeItemFacts => ({
  status: item.status,
  plannedMonth: item.plannedMonth,
  leadUnitId: item.leadUnit.id,
});

/** This month in the organization's time zone: what "slipping" is measured against. */
function thisMonth({ rows, viewer }: Context): YearMonth | Promise<YearMonth> {
  return thenOrNow(rows.one(Organization, { id: requireViewer(viewer).organizationId }), ({ timeZone }) => {
    const [year, month] = localDateIn(timeZone, new Date()).split('-').map(Number) as [number, number];
    return { year, month };
  });
}

@Resolver(() => WorkProgramme)
export class WorkProgrammeResolver {
  @Query(() => ProgrammeConnection, { description: 'Annual work programmes, latest year first.' })
  programmes(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<WorkProgramme>>> {
    const v = requireViewer(viewer);
    return findPage(
      rows,
      WorkProgramme,
      programmePolicy.readable(v),
      { year: 'desc', id: 'asc' },
      page,
      info,
    );
  }

  @Query(() => WorkProgramme, {
    nullable: true,
    description:
      'One work programme; null when it does not exist. Every member of the organization may read programmes.',
  })
  programme(
    @Arg('id', () => ID, { description: 'The programme.' }) id: string,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Row<WorkProgramme> | null> {
    return readOne(
      rows,
      WorkProgramme,
      { $and: [{ id }, programmePolicy.readable(requireViewer(viewer))] },
      info,
    );
  }

  @Mutation(() => WorkProgrammePayload, {
    description: "A committee's programme for a year (the office); one per committee and year.",
  })
  async createWorkProgramme(
    @Arg('input', () => CreateWorkProgrammeInput, { description: 'The unit, the year and the title.' })
    input: CreateWorkProgrammeInput,
    @Ctx() ctx: Context,
  ): Promise<WorkProgrammePayload> {
    return { programme: await createWorkProgramme(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => WorkProgrammePayload, { description: "A programme's title (the office)." })
  async updateWorkProgramme(
    @Arg('input', () => UpdateWorkProgrammeInput, { description: 'The programme and its new title.' })
    input: UpdateWorkProgrammeInput,
    @Ctx() ctx: Context,
  ): Promise<WorkProgrammePayload> {
    return { programme: await updateWorkProgramme(ctx, requireWriter(ctx.viewer), input) };
  }

  @Mutation(() => ProgrammeItemPayload, { description: 'An item of a programme (the office), PLANNED.' })
  addProgrammeItem(
    @Arg('input', () => AddProgrammeItemInput, { description: 'The programme and the planned item.' })
    input: AddProgrammeItemInput,
    @Ctx() ctx: Context,
  ): Promise<ProgrammeItemPayload> {
    return addProgrammeItem(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => ProgrammeItemPayload, {
    description:
      'Changes an item (the office), by version: title, kind, planned month, lead unit, status (not ADOPTED), proposal.',
  })
  updateProgrammeItem(
    @Arg('input', () => UpdateProgrammeItemInput, {
      description: 'The item, its `expectedVersion` and the fields to change.',
    })
    input: UpdateProgrammeItemInput,
    @Ctx() ctx: Context,
  ): Promise<ProgrammeItemPayload> {
    return updateProgrammeItem(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => RemoveProgrammeItemPayload, {
    description: 'Removes an item planned by mistake (the office): one still PLANNED, with no task.',
  })
  removeProgrammeItem(
    @Arg('input', () => RemoveProgrammeItemInput, { description: 'The item to remove.' })
    input: RemoveProgrammeItemInput,
    @Ctx() ctx: Context,
  ): Promise<RemoveProgrammeItemPayload> {
    return removeProgrammeItem(ctx, requireWriter(ctx.viewer), input);
  }

  @FieldResolver(() => Unit, { description: 'The unit whose programme it is (usually the standing board).' })
  unit(@Root() programme: Row<WorkProgramme>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, programme.unit);
  }

  /** The programme's items, batched across programmes; the figures below are derived from them. */
  @FieldResolver(() => [ProgrammeItem], { description: 'Its items, by planned month, then title.' })
  items(
    @Root() programme: Row<WorkProgramme>,
    @Ctx() { rows }: Context,
  ): Row<ProgrammeItem>[] | Promise<Row<ProgrammeItem>[]> {
    return rows.children(ProgrammeItem, 'programme', programme.id, programmeItemOrder);
  }

  @FieldResolver(() => Int, { description: 'How many items it plans.' })
  plannedCount(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): number | Promise<number> {
    return thenOrNow(this.items(programme, ctx), (items) => items.length);
  }

  @FieldResolver(() => Int, {
    description: 'How many of its items are ADOPTED; progress is `adoptedCount / plannedCount`.',
  })
  adoptedCount(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): number | Promise<number> {
    return thenOrNow(this.items(programme, ctx), countAdopted);
  }

  @FieldResolver(() => Float, { description: 'Adopted ÷ planned, from 0 to 1.' })
  progress(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): number | Promise<number> {
    return thenOrNow(this.items(programme, ctx), (items) => ratio(countAdopted(items), items.length));
  }

  @FieldResolver(() => Int, {
    description: 'Items not adopted nor dropped though their planned month is over.',
  })
  async slippingCount(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): Promise<number> {
    const [items, today] = await Promise.all([this.items(programme, ctx), thisMonth(ctx)]);
    return items.filter((item) => isSlipping(item, programme.year, today)).length;
  }

  @FieldResolver(() => [ProgrammeMonthProgress], {
    description: 'The twelve months: planned and adopted by planned month, and the running totals.',
  })
  progressByMonth(
    @Root() programme: Row<WorkProgramme>,
    @Ctx() ctx: Context,
  ): ProgrammeMonthProgress[] | Promise<ProgrammeMonthProgress[]> {
    return thenOrNow(this.items(programme, ctx), (items) => progressByMonth(items.map(factsOf)));
  }

  @FieldResolver(() => [ProgrammeUnitProgress], {
    description: 'Each lead unit: planned, adopted, slipping; the units with most planned first.',
  })
  async progressByUnit(
    @Root() programme: Row<WorkProgramme>,
    @Ctx() ctx: Context,
  ): Promise<ProgrammeUnitProgress[]> {
    const [items, today] = await Promise.all([this.items(programme, ctx), thisMonth(ctx)]);
    return Promise.all(
      progressByUnit(items.map(factsOf), programme.year, today).map(async (row) => ({
        unit: (await ctx.rows.one(Unit, { id: row.leadUnitId })) as Unit,
        planned: row.planned,
        adopted: row.adopted,
        slipping: row.slipping,
        progress: ratio(row.adopted, row.planned),
      })),
    );
  }

  @FieldResolver(() => WorkProgrammeViewerCan, {
    description: 'What the viewer may do with this programme (the office edits programmes).',
  })
  viewerCan(@Ctx() { viewer }: Context): WorkProgrammeViewerCan {
    return { update: programmePolicy.canEdit(requireViewer(viewer)) };
  }
}

@Resolver(() => ProgrammeItem)
export class ProgrammeItemResolver {
  @FieldResolver(() => WorkProgramme, { description: 'The work programme the item belongs to.' })
  programme(
    @Root() item: Row<ProgrammeItem>,
    @Ctx() { rows }: Context,
  ): Row<WorkProgramme> | Promise<Row<WorkProgramme>> {
    return rows.one(WorkProgramme, item.programme);
  }

  @FieldResolver(() => Boolean, {
    description: "Not adopted nor dropped though its planned month is over in the organization's time zone.",
  })
  slipping(@Root() item: Row<ProgrammeItem>, @Ctx() ctx: Context): boolean | Promise<boolean> {
    return thenOrNow(this.programme(item, ctx), (programme) =>
      thenOrNow(thisMonth(ctx), (today) => isSlipping(item, programme.year, today)),
    );
  }

  @FieldResolver(() => Unit, { description: 'The unit to draft the paper ("đơn vị chủ trì").' })
  leadUnit(@Root() item: Row<ProgrammeItem>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, item.leadUnit);
  }

  @FieldResolver(() => Proposal, {
    nullable: true,
    description:
      'The proposal that carries it out; null when none is linked yet, or the viewer may not read it.',
  })
  async proposal(
    @Root() item: Row<ProgrammeItem>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Proposal> | null> {
    const proposal = await rows.maybe(Proposal, item.proposal);
    return proposal && proposalPolicy.canRead(requireViewer(viewer), proposal) ? proposal : null;
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description:
      'The meeting that adopted its proposal, as its agenda tells; null until then, or when the viewer may not read it.',
  })
  async meeting(
    @Root() item: Row<ProgrammeItem>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Meeting> | null> {
    const meeting = await rows.maybe(Meeting, item.meeting);
    return meeting && meetingPolicy.canRead(requireViewer(viewer), meeting) ? meeting : null;
  }
}
