import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { confirmApiToken, createApiToken, revokeApiToken } from '../commands/api-token.commands.js';
import {
  createUnit,
  inviteUser,
  removeMembership,
  resetUserPassword,
  setMembership,
  setSystemRole,
  setUserActive,
  updateUnit,
  updateUser,
} from '../commands/directory.commands.js';
import type { Context } from '../context.js';
import type { Row } from '../read/rows.js';
import { ApiToken, User } from '../entities/index.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import {
  ApiTokenPayload,
  ApiTokenViewerCan,
  CreateApiTokenInput,
  CreateApiTokenPayload,
  CreateUnitInput,
  InviteUserInput,
  InviteUserPayload,
  MembershipPayload,
  RemoveMembershipInput,
  SetMembershipInput,
  SetSystemRoleInput,
  SetUserActiveInput,
  UnitPayload,
  UpdateUnitInput,
  UpdateUserInput,
  UserPayload,
} from './types/directory.input.js';

/** Administration of the directory and of API tokens. */
@Resolver()
export class DirectoryResolver {
  @Query(() => [ApiToken], {
    description: "The viewer's API tokens; administrators see everyone's in the organization.",
  })
  apiTokens(@Ctx() { em, viewer }: Context): Promise<ApiToken[]> {
    const v = requireViewer(viewer);
    const owner = directoryPolicy.canAdminister(v) ? { organization: v.organizationId } : { id: v.userId };
    return em.find(ApiToken, { owner, scopes: { $ne: null } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  @Mutation(() => CreateApiTokenPayload)
  createApiToken(
    @Arg('input', () => CreateApiTokenInput) input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreateApiTokenPayload> {
    return createApiToken(ctx, requireViewer(ctx.viewer), input);
  }

  @Mutation(() => ApiTokenPayload)
  async revokeApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiTokenPayload> {
    return { apiToken: await revokeApiToken(ctx, requireViewer(ctx.viewer), id) };
  }

  @Mutation(() => ApiTokenPayload, {
    description: 'Keeps a token flagged for review after a password change (clears `reviewRequestedAt`).',
  })
  async confirmApiToken(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ApiTokenPayload> {
    return { apiToken: await confirmApiToken(ctx, requireViewer(ctx.viewer), id) };
  }

  @Mutation(() => UnitPayload)
  async createUnit(
    @Arg('input', () => CreateUnitInput) input: CreateUnitInput,
    @Ctx() ctx: Context,
  ): Promise<UnitPayload> {
    return { unit: await createUnit(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => UnitPayload)
  async updateUnit(
    @Arg('input', () => UpdateUnitInput) input: UpdateUnitInput,
    @Ctx() ctx: Context,
  ): Promise<UnitPayload> {
    return { unit: await updateUnit(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => InviteUserPayload)
  inviteUser(
    @Arg('input', () => InviteUserInput) input: InviteUserInput,
    @Ctx() ctx: Context,
  ): Promise<InviteUserPayload> {
    return inviteUser(ctx, requireViewer(ctx.viewer), input);
  }

  @Mutation(() => UserPayload, {
    description: 'Deactivating ends the user’s sessions, tokens and live connections at once.',
  })
  async setUserActive(
    @Arg('input', () => SetUserActiveInput) input: SetUserActiveInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    const user = await setUserActive(ctx, requireViewer(ctx.viewer), input.id, input.active);
    if (!input.active) ctx.connections.closeUser(user.id);
    return { user };
  }

  @Mutation(() => UserPayload, {
    description: "Administrators edit anyone's profile; users their own (not the email).",
  })
  async updateUser(
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    return { user: await updateUser(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => InviteUserPayload, {
    description: 'A new one-time password, shown once; the user’s sessions end.',
  })
  resetUserPassword(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<InviteUserPayload> {
    return resetUserPassword(ctx, requireViewer(ctx.viewer), id);
  }

  @Mutation(() => UserPayload)
  async setSystemRole(
    @Arg('input', () => SetSystemRoleInput) input: SetSystemRoleInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    return { user: await setSystemRole(ctx, requireViewer(ctx.viewer), input.id, input.systemRole) };
  }

  @Mutation(() => MembershipPayload)
  async setMembership(
    @Arg('input', () => SetMembershipInput) input: SetMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipPayload> {
    return { membership: await setMembership(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => Boolean)
  async removeMembership(
    @Arg('input', () => RemoveMembershipInput) input: RemoveMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await removeMembership(ctx, requireViewer(ctx.viewer), input);
    return true;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => User)
  owner(@Root() token: Row<ApiToken>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, token.owner);
  }

  @FieldResolver(() => ApiTokenViewerCan)
  async viewerCan(
    @Root() token: Row<ApiToken>,
    @Ctx() { rows, viewer }: Context,
  ): Promise<ApiTokenViewerCan> {
    const owner = await rows.one(User, token.owner);
    return {
      revoke: !token.revokedAt && directoryPolicy.canManageToken(requireViewer(viewer), token, owner),
    };
  }
}
