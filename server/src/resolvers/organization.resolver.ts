import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Info } from 'type-graphql';
import { SystemRole } from '@quorum/shared';
import type { Context } from '../context.js';
import { Membership, Organization, Unit, User } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { UnitViewerCan, UserFilter, UserViewerCan } from './types/directory.input.js';
import { connectionType, findPage, PageArgs, type ConnectionShape } from './types/connection.js';
import type { Row } from '../read/rows.js';

export const UnitConnection = connectionType(Unit, 'Unit');
const membershipOrder = { createdAt: 'asc', id: 'asc' } as const;
export const UserConnection = connectionType(User, 'User');

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
