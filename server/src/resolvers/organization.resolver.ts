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

  @Query(() => UnitConnection, {
    description: "The organization's units, by kind then name; every member may read them.",
  })
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

  @Query(() => UserConnection, {
    description: "The organization's users, by full name; every member may read them.",
  })
  async users(
    @Arg('filter', () => UserFilter, {
      nullable: true,
      description: 'Narrows the list (those who may take part in meetings); omitted, everyone.',
    })
    filter: UserFilter | undefined,
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
  @FieldResolver(() => Unit, {
    nullable: true,
    description: "The unit it belongs to (a standing board's executive committee); null at the top.",
  })
  parent(@Root() unit: Row<Unit>, @Ctx() { rows }: Context): Row<Unit> | null | Promise<Row<Unit> | null> {
    return rows.maybe(Unit, unit.parent);
  }

  @FieldResolver(() => UnitViewerCan, { description: 'What the viewer may do with this unit.' })
  viewerCan(@Root() unit: Row<Unit>, @Ctx() { viewer }: Context): UnitViewerCan {
    return { update: directoryPolicy.canUpdateUnit(requireViewer(viewer), unit) };
  }
}

@Resolver(() => Membership)
export class MembershipResolver {
  @FieldResolver(() => Unit, { description: 'The unit.' })
  unit(@Root() membership: Row<Membership>, @Ctx() { rows }: Context): Row<Unit> | Promise<Row<Unit>> {
    return rows.one(Unit, membership.unit);
  }

  @FieldResolver(() => User, { description: 'The member.' })
  user(@Root() membership: Row<Membership>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, membership.user);
  }
}

@Resolver(() => User)
export class UserResolver {
  @FieldResolver(() => [Membership], {
    description: 'The units they belong to, with their role in each, oldest first.',
  })
  memberships(
    @Root() user: Row<User>,
    @Ctx() { rows }: Context,
  ): Row<Membership>[] | Promise<Row<Membership>[]> {
    return rows.children(Membership, 'user', user.id, membershipOrder);
  }

  @FieldResolver(() => UserViewerCan, { description: 'What the viewer may do with this user.' })
  viewerCan(@Root() user: Row<User>, @Ctx() { viewer }: Context): UserViewerCan {
    const v = requireViewer(viewer);
    const update = directoryPolicy.canUpdateUser(v, user);
    return { update, deactivate: update && user.id !== v.userId, manageMemberships: update };
  }
}
