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
    description: "The viewer's API tokens, newest first; administrators see everyone's in the organization.",
  })
  apiTokens(@Ctx() { em, viewer }: Context): Promise<ApiToken[]> {
    const v = requireViewer(viewer);
    const owner = directoryPolicy.canAdminister(v) ? { organization: v.organizationId } : { id: v.userId };
    return em.find(ApiToken, { owner, scopes: { $ne: null } }, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  @Mutation(() => CreateApiTokenPayload, {
    description:
      'Creates an API token for the viewer (administrators: for anyone of the organization); its secret is returned once and never again.',
  })
  createApiToken(
    @Arg('input', () => CreateApiTokenInput, { description: 'Its name, scopes, expiry and owner.' })
    input: CreateApiTokenInput,
    @Ctx() ctx: Context,
  ): Promise<CreateApiTokenPayload> {
    return createApiToken(ctx, requireViewer(ctx.viewer), input);
  }

  @Mutation(() => ApiTokenPayload, {
    description:
      'Revokes a token at once: requests and webhooks using it stop working. Its owner, or an administrator.',
  })
  async revokeApiToken(
    @Arg('id', () => ID, { description: 'The token to revoke.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenPayload> {
    return { apiToken: await revokeApiToken(ctx, requireViewer(ctx.viewer), id) };
  }

  @Mutation(() => ApiTokenPayload, {
    description: 'Keeps a token flagged for review after a password change (clears `reviewRequestedAt`).',
  })
  async confirmApiToken(
    @Arg('id', () => ID, { description: 'The token to keep.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenPayload> {
    return { apiToken: await confirmApiToken(ctx, requireViewer(ctx.viewer), id) };
  }

  @Mutation(() => UnitPayload, {
    description: 'Adds a committee, department or office to the organization. Administrators.',
  })
  async createUnit(
    @Arg('input', () => CreateUnitInput, { description: "The unit's name, kind and parent." })
    input: CreateUnitInput,
    @Ctx() ctx: Context,
  ): Promise<UnitPayload> {
    return { unit: await createUnit(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => UnitPayload, { description: 'Renames, re-kinds or re-parents a unit. Administrators.' })
  async updateUnit(
    @Arg('input', () => UpdateUnitInput, { description: 'The unit and the fields to change.' })
    input: UpdateUnitInput,
    @Ctx() ctx: Context,
  ): Promise<UnitPayload> {
    return { unit: await updateUnit(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => InviteUserPayload, {
    description: 'Creates an account; its one-time password is returned once. Administrators.',
  })
  inviteUser(
    @Arg('input', () => InviteUserInput, {
      description:
        "The person's email and full name; optionally their job title, and a unit with their role in it.",
    })
    input: InviteUserInput,
    @Ctx() ctx: Context,
  ): Promise<InviteUserPayload> {
    return inviteUser(ctx, requireViewer(ctx.viewer), input);
  }

  @Mutation(() => UserPayload, {
    description: 'Deactivating ends the user’s sessions, tokens and live connections at once.',
  })
  async setUserActive(
    @Arg('input', () => SetUserActiveInput, { description: 'The user and whether they are active.' })
    input: SetUserActiveInput,
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
    @Arg('input', () => UpdateUserInput, { description: 'The user and the fields to change.' })
    input: UpdateUserInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    return { user: await updateUser(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => InviteUserPayload, {
    description: 'A new one-time password, shown once; the user’s sessions end.',
  })
  resetUserPassword(
    @Arg('id', () => ID, { description: 'The user whose password is reset.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<InviteUserPayload> {
    return resetUserPassword(ctx, requireViewer(ctx.viewer), id);
  }

  @Mutation(() => UserPayload, { description: 'Makes a user an administrator or a member. Administrators.' })
  async setSystemRole(
    @Arg('input', () => SetSystemRoleInput, { description: 'The user and the role.' })
    input: SetSystemRoleInput,
    @Ctx() ctx: Context,
  ): Promise<UserPayload> {
    return { user: await setSystemRole(ctx, requireViewer(ctx.viewer), input.id, input.systemRole) };
  }

  @Mutation(() => MembershipPayload, {
    description: 'Puts a user in a unit with a role, or changes their role there. Administrators.',
  })
  async setMembership(
    @Arg('input', () => SetMembershipInput, { description: 'The user, the unit and the role.' })
    input: SetMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipPayload> {
    return { membership: await setMembership(ctx, requireViewer(ctx.viewer), input) };
  }

  @Mutation(() => Boolean, { description: 'Takes a user out of a unit; true when done. Administrators.' })
  async removeMembership(
    @Arg('input', () => RemoveMembershipInput, { description: 'The user and the unit.' })
    input: RemoveMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await removeMembership(ctx, requireViewer(ctx.viewer), input);
    return true;
  }
}

@Resolver(() => ApiToken)
export class ApiTokenResolver {
  @FieldResolver(() => User, { description: 'Whose access the token acts with.' })
  owner(@Root() token: Row<ApiToken>, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, token.owner);
  }

  @FieldResolver(() => ApiTokenViewerCan, { description: 'What the viewer may do with this token.' })
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
