import { Arg, Args, Ctx, FieldResolver, Float, Int, Query, Resolver, Root } from 'type-graphql';
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

export const UnitConnection = connectionType(Unit, 'Unit');
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
    @Ctx() { em, viewer }: Context,
  ): Promise<ConnectionShape<Unit>> {
    const v = requireViewer(viewer);
    return findPage(
      em,
      Unit,
      { organization: v.organizationId },
      { kind: 'asc', name: 'asc', id: 'asc' },
      page,
    );
  }

  @Query(() => UserConnection)
  async users(
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, viewer }: Context,
  ): Promise<ConnectionShape<User>> {
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
    return findPage(em, User, where, { fullName: 'asc', id: 'asc' }, page);
  }

  @Query(() => ProgrammeConnection, { description: 'Annual work programmes, latest year first.' })
  programmes(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, viewer }: Context,
  ): Promise<ConnectionShape<WorkProgramme>> {
    const v = requireViewer(viewer);
    return findPage(em, WorkProgramme, { organization: v.organizationId }, { year: 'desc', id: 'asc' }, page);
  }
}

@Resolver(() => Unit)
export class UnitResolver {
  @FieldResolver(() => Unit, { nullable: true })
  async parent(@Root() unit: Unit): Promise<Unit | null> {
    return (await unit.parent?.load()) ?? null;
  }

  @FieldResolver(() => UnitViewerCan)
  viewerCan(@Root() unit: Unit, @Ctx() { viewer }: Context): UnitViewerCan {
    return { update: directoryPolicy.canUpdateUnit(requireViewer(viewer), unit) };
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Unit)
  unit(@Root() membership: Membership): Promise<Unit> {
    return membership.unit.loadOrFail();
  }

  @FieldResolver(() => User)
  user(@Root() membership: Membership): Promise<User> {
    return membership.user.loadOrFail();
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => [Membership])
  memberships(@Root() user: User, @Ctx() { em }: Context): Promise<Membership[]> {
    return em.find(Membership, { user }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => UserViewerCan)
  viewerCan(@Root() user: User, @Ctx() { viewer }: Context): UserViewerCan {
    const v = requireViewer(viewer);
    const update = directoryPolicy.canUpdateUser(v, user);
    return { update, deactivate: update && user.id !== v.userId, manageMemberships: update };
  }
}

@Resolver(() => WorkProgramme)
export class WorkProgrammeResolver {
  @FieldResolver(() => Unit)
  unit(@Root() programme: WorkProgramme): Promise<Unit> {
    return programme.unit.loadOrFail();
  }

  @FieldResolver(() => [ProgrammeItem])
  items(@Root() programme: WorkProgramme, @Ctx() { em }: Context): Promise<ProgrammeItem[]> {
    return em.find(
      ProgrammeItem,
      { programme },
      { orderBy: { plannedMonth: 'asc', title: 'asc', id: 'asc' } },
    );
  }

  @FieldResolver(() => Int)
  plannedCount(@Root() programme: WorkProgramme, @Ctx() { em }: Context): Promise<number> {
    return em.count(ProgrammeItem, { programme });
  }

  @FieldResolver(() => Int)
  adoptedCount(@Root() programme: WorkProgramme, @Ctx() { em }: Context): Promise<number> {
    return em.count(ProgrammeItem, { programme, status: ProgrammeItemStatus.ADOPTED });
  }

  @FieldResolver(() => Float, { description: 'Adopted ÷ planned, from 0 to 1.' })
  async progress(@Root() programme: WorkProgramme, @Ctx() ctx: Context): Promise<number> {
    const [planned, adopted] = await Promise.all([
      this.plannedCount(programme, ctx),
      this.adoptedCount(programme, ctx),
    ]);
    return planned === 0 ? 0 : adopted / planned;
  }
}

@Resolver(() => ProgrammeItem)
export class ProgrammeItemResolver {
  @FieldResolver(() => Unit)
  leadUnit(@Root() item: ProgrammeItem): Promise<Unit> {
    return item.leadUnit.loadOrFail();
  }

  @FieldResolver(() => Proposal, { nullable: true })
  async proposal(@Root() item: ProgrammeItem, @Ctx() { viewer }: Context): Promise<Proposal | null> {
    const proposal = await item.proposal?.load();
    return proposal && proposalPolicy.canRead(requireViewer(viewer), proposal) ? proposal : null;
  }

  @FieldResolver(() => Meeting, { nullable: true })
  async meeting(@Root() item: ProgrammeItem, @Ctx() { viewer }: Context): Promise<Meeting | null> {
    const meeting = await item.meeting?.load();
    return meeting && meetingPolicy.canRead(requireViewer(viewer), meeting) ? meeting : null;
  }
}
