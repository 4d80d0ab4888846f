import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, Int, Query, Resolver, Root, Info } from 'type-graphql';
import { ProgrammeItemStatus, SystemRole } from '@quorum/shared';
import type { Context } from '../context.js';
import {
  Membership,
  Organization,
  ProgrammeItem,
  Unit,
  User,
  WorkProgramme,
  Meeting,
  Proposal,
} from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { UnitViewerCan, UserFilter, UserViewerCan } from './types/directory.input.js';
import { connectionType, findPage, PageArgs, type ConnectionShape } from './types/connection.js';
import { thenOrNow, type Row } from '../read/rows.js';

export const UnitConnection = connectionType(Unit, 'Unit');
const membershipOrder = { createdAt: 'asc', id: 'asc' } as const;
const programmeItemOrder = { plannedMonth: 'asc', title: 'asc', id: 'asc' } as const;
const adoptedOf = (items: readonly Row<ProgrammeItem>[]) =>
  items.filter((item) => item.status === ProgrammeItemStatus.ADOPTED).length;
export const UserConnection = connectionType(User, 'User');
export const ProgrammeConnection = connectionType(WorkProgramme, 'WorkProgramme');

@Resolver()
export class OrganizationResolver {
  @Query(() => Organization, { description: "The viewer's organization." })
  organization(@Ctx() { em, viewer }: Context): Promise<Organization> {
    return em.findOneOrFail(Organization, requireViewer(viewer).organizationId);
  }

  @Query(() => UnitConnection)
  units(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<Unit>>> {
    const v = requireViewer(viewer);
    return findPage(
      rows,
      Unit,
      { organization: v.organizationId },
      { kind: 'asc', name: 'asc', id: 'asc' },
      page,
      info,
    );
  }

  @Query(() => UserConnection)
  async users(
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, rows, viewer }: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Row<User>>> {
    const v = requireViewer(viewer);
    const where = filter?.mayTakePart
      ? meetingPolicy.takingPart(
          v,
          await em.find(
            Membership,
            { user: { organization: v.organizationId, systemRole: SystemRole.ADMIN } },
            { fields: ['user'] },
          ),
        )
      : { organization: v.organizationId };
    return findPage(rows, User, where, { fullName: 'asc', id: 'asc' }, page, info);
  }

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
      { organization: v.organizationId },
      { year: 'desc', id: 'asc' },
      page,
      info,
    );
  }
}

@Resolver(() => Unit)
export class UnitResolver {
  @FieldResolver(() => Unit, { nullable: true })
  parent(@Root() unit: Row<Unit>, @Ctx() { rows }: Context): Row<Unit> | null | Promise<Row<Unit> | null> {
    return rows.maybe(Unit, unit.parent);
  }

  @FieldResolver(() => UnitViewerCan)
  viewerCan(@Root() unit: Row<Unit>, @Ctx() { viewer }: Context): UnitViewerCan {
    return { update: directoryPolicy.canUpdateUnit(requireViewer(viewer), unit) };
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Unit)
  unit(@Root() membership: Row<Membership>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, membership.unit);
  }

  @FieldResolver(() => User)
  user(@Root() membership: Row<Membership>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, membership.user);
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => [Membership])
  memberships(
    @Root() user: Row<User>,
    @Ctx() { rows }: Context,
  ): Row<Membership>[] | Promise<Row<Membership>[]> {
    return rows.children(Membership, 'user', user.id, membershipOrder);
  }

  @FieldResolver(() => UserViewerCan)
  viewerCan(@Root() user: Row<User>, @Ctx() { viewer }: Context): UserViewerCan {
    const v = requireViewer(viewer);
    const update = directoryPolicy.canUpdateUser(v, user);
    return { update, deactivate: update && user.id !== v.userId, manageMemberships: update };
  }
}

@Resolver(() => WorkProgramme)
export class WorkProgrammeResolver {
  @FieldResolver(() => Unit)
  unit(@Root() programme: Row<WorkProgramme>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, programme.unit);
  }

  /** The programme's items, batched across programmes; the counts below are derived from them. */
  @FieldResolver(() => [ProgrammeItem])
  items(
    @Root() programme: Row<WorkProgramme>,
    @Ctx() { rows }: Context,
  ): Row<ProgrammeItem>[] | Promise<Row<ProgrammeItem>[]> {
    return rows.children(ProgrammeItem, 'programme', programme.id, programmeItemOrder);
  }

  @FieldResolver(() => Int)
  plannedCount(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): number | Promise<number> {
    return thenOrNow(this.items(programme, ctx), (items) => items.length);
  }

  @FieldResolver(() => Int)
  adoptedCount(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): number | Promise<number> {
    return thenOrNow(this.items(programme, ctx), adoptedOf);
  }

  @FieldResolver(() => Float, { description: 'Adopted ÷ planned, from 0 to 1.' })
  progress(@Root() programme: Row<WorkProgramme>, @Ctx() ctx: Context): number | Promise<number> {
    return thenOrNow(this.items(programme, ctx), (items) =>
      items.length === 0 ? 0 : adoptedOf(items) / items.length,
    );
  }
}

@Resolver(() => ProgrammeItem)
export class ProgrammeItemResolver {
  @FieldResolver(() => Unit)
  leadUnit(@Root() item: Row<ProgrammeItem>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, item.leadUnit);
  }

  @FieldResolver(() => Proposal, { nullable: true })
  async proposal(
    @Root() item: Row<ProgrammeItem>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Proposal> | null> {
    const proposal = await rows.maybe(Proposal, item.proposal);
    return proposal && proposalPolicy.canRead(requireViewer(viewer), proposal) ? proposal : null;
  }

  @FieldResolver(() => Meeting, { nullable: true })
  async meeting(
    @Root() item: Row<ProgrammeItem>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<Row<Meeting> | null> {
    const meeting = await rows.maybe(Meeting, item.meeting);
    return meeting && meetingPolicy.canRead(requireViewer(viewer), meeting) ? meeting : null;
  }
}
