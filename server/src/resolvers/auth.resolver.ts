import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { changePassword, login, logout, revokeSession } from '../commands/session.commands.js';
import type { Context } from '../context.js';
import type { Row } from '../read/rows.js';
import { Session, User } from '../entities/index.js';
import { programmePolicy } from '../policies/programme.policy.js';
import { taskPolicy } from '../policies/task.policy.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { canWrite, requireViewer } from '../policies/viewer.policy.js';
import { ChangePasswordInput, LoginInput, LoginPayload, ViewerAbilities } from './types/auth.input.js';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null when anonymous.' })
  viewer(@Ctx() { em, viewer }: Context): Promise<User | null> | null {
    // Read now, not from the cached viewer: a name or title changed since shows at once.
    return viewer ? em.findOne(User, viewer.userId) : null;
  }

  @Query(() => [Session], { description: "The viewer's open sessions, most recently used first." })
  sessions(@Ctx() { em, viewer }: Context): Promise<Session[]> {
    const v = requireViewer(viewer);
    return em.find(
      Session,
      { user: v.userId, revokedAt: null, expiresAt: { $gt: new Date() } },
      { orderBy: { lastSeenAt: 'desc', id: 'asc' } },
    );
  }

  @Mutation(() => LoginPayload, {
    description: 'Failed attempts are limited per account and per address (RATE_LIMITED).',
  })
  login(
    @Arg('input', () => LoginInput, { description: 'The email and password.' }) input: LoginInput,
    @Ctx() ctx: Context,
  ): Promise<LoginPayload> {
    return login(ctx, { ...input, address: ctx.address });
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logout(@Ctx() ctx: Context): Promise<boolean> {
    const v = requireViewer(ctx.viewer);
    if (v.credential.kind === 'session') await logout(ctx, v, v.credential.id);
    return true;
  }

  @Mutation(() => Boolean, { description: "Ends one of the viewer's sessions." })
  async revokeSession(
    @Arg('id', () => ID, { description: "One of the viewer's sessions (`sessions`)." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await revokeSession(ctx, requireViewer(ctx.viewer), id);
    return true;
  }

  @Mutation(() => Boolean, { description: "Changes the viewer's password and ends their other sessions." })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The current password and the new one.' })
    input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    await changePassword(ctx, requireViewer(ctx.viewer), input);
    return true;
  }
}

@Resolver(() => Session)
export class SessionResolver {
  @FieldResolver(() => Boolean, { description: 'Whether this is the session making the request.' })
  current(@Root() session: Session, @Ctx() { viewer }: Context): boolean {
    return viewer?.credential.kind === 'session' && viewer.credential.id === session.id;
  }
}

@Resolver(() => User)
export class ViewerAbilitiesResolver {
  @FieldResolver(() => ViewerAbilities, {
    nullable: true,
    description: 'What the viewer may create (`viewer { can { … } }`); null on any other user.',
  })
  can(@Root() user: Row<User>, @Ctx() { viewer }: Context): ViewerAbilities | null {
    if (!viewer || viewer.userId !== user.id) return null;
    const write = canWrite(viewer);
    return {
      createMeeting: write && meetingPolicy.canCreate(viewer),
      createUnit: write && directoryPolicy.canAdminister(viewer),
      inviteUser: write && directoryPolicy.canAdminister(viewer),
      createApiToken: write && directoryPolicy.canCreateTokenFor(viewer, user),
      createTask: write && taskPolicy.canCreate(viewer),
      createProgramme: programmePolicy.canEdit(viewer),
    };
  }
}
