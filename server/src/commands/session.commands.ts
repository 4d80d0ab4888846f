import { EventType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { ApiToken, LoginAttempt, Session, User } from '../entities/index.js';
import { BadInputError, NotFoundError, RateLimitedError, UnauthenticatedError } from '../errors.js';
import { appendDirectoryEvent } from './directory-support.js';
import { runCommand } from './run-command.js';

export const passwordMinLength = 10;

/**
 * Checks the password and opens a session. Wrong email and wrong password get the same answer, and both
 * count against the account and the client address; past the limit every attempt is RATE_LIMITED.
 */
export async function login(
  ctx: Context,
  input: { email: string; password: string; address: string },
): Promise<{ token: string; user: User }> {
  const { em, config } = ctx;
  const email = input.email.trim().toLowerCase();
  const { perAccount, perAddress, windowMinutes } = config.loginLimit;
  const since = new Date(Date.now() - windowMinutes * 60_000);
  const [byAccount, byAddress] = await Promise.all([
    em.count(LoginAttempt, { email, attemptedAt: { $gte: since } }),
    em.count(LoginAttempt, { address: input.address, attemptedAt: { $gte: since } }),
  ]);
  if (byAccount >= perAccount || byAddress >= perAddress) throw new RateLimitedError(windowMinutes * 60);

  const user = await em.findOne(User, { email, active: true }, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user) {
    // Its own transaction, committed although the login is refused: the failure must count.
    await runCommand(ctx, async (tx) => {
      await tx.nativeDelete(LoginAttempt, { attemptedAt: { $lt: since } });
      tx.create(LoginAttempt, { email, address: input.address });
    });
    throw new UnauthenticatedError('Wrong email or password');
  }
  const token = newToken('qs');
  await runCommand(ctx, async (tx) => {
    await tx.nativeDelete(LoginAttempt, { email });
    const now = new Date();
    const session = tx.create(Session, {
      user: user.id,
      tokenHash: hashToken(token),
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + config.sessionMaxDays * 86_400_000),
    });
    await appendDirectoryEvent(
      ctx,
      tx,
      { organizationId: user.organization.id, userId: user.id },
      {
        type: EventType.SESSION_OPENED,
        subject: user,
        changes: {
          sessionId: { before: null, after: session.id },
          address: { before: null, after: input.address },
        },
        auditOnly: true,
      },
    );
  });
  return { token, user };
}

/** Ends one session of the viewer's: the current one (logout) or another (e.g. a lost laptop). */
async function endSession(
  ctx: Context,
  viewer: Viewer,
  sessionId: string,
  type: EventType,
): Promise<boolean> {
  return runCommand(ctx, async (em) => {
    const revokedAt = new Date();
    const ended = await em.nativeUpdate(
      Session,
      { id: sessionId, user: viewer.userId, revokedAt: null },
      { revokedAt },
    );
    if (ended === 0) return false;
    await appendDirectoryEvent(ctx, em, viewer, {
      type,
      subject: viewer.user,
      changes: {
        sessionId: { before: sessionId, after: sessionId },
        revokedAt: { before: null, after: revokedAt },
      },
      auditOnly: true,
    });
    return true;
  });
}

export async function logout(ctx: Context, viewer: Viewer, sessionId: string): Promise<void> {
  await endSession(ctx, viewer, sessionId, EventType.SESSION_CLOSED);
}

/** Ends one of the viewer's own sessions (e.g. a lost laptop). */
export async function revokeSession(ctx: Context, viewer: Viewer, sessionId: string): Promise<void> {
  if (!(await endSession(ctx, viewer, sessionId, EventType.SESSION_REVOKED)))
    throw new NotFoundError('Session', sessionId);
}

/** Changes the viewer's password and ends every other session of theirs. */
export async function changePassword(
  ctx: Context,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (input.newPassword.length < passwordMinLength) {
    throw new BadInputError(
      'newPassword',
      `The new password must have at least ${passwordMinLength} characters`,
    );
  }
  // The slow checks and hashing run before the transaction, which then writes only if the password is still
  // the one checked: a concurrent change cannot be overwritten by a request that knew the older password.
  const user = await ctx.em.findOneOrFail(User, viewer.userId, { populate: ['passwordHash'], refresh: true });
  const checked = user.passwordHash;
  if (!(await verifyPassword(checked, input.currentPassword))) {
    throw new BadInputError('currentPassword', 'The current password is wrong');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await runCommand(ctx, async (em) => {
    const changed = await em.nativeUpdate(
      User,
      { id: viewer.userId, passwordHash: checked },
      { passwordHash },
    );
    if (changed === 0) throw new BadInputError('currentPassword', 'The current password is wrong');
    const keep = viewer.credential.kind === 'session' ? viewer.credential.id : undefined;
    await em.nativeUpdate(
      Session,
      { user: viewer.userId, revokedAt: null, ...(keep ? { id: { $ne: keep } } : {}) },
      { revokedAt: new Date() },
    );
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.USER_PASSWORD_CHANGED,
      subject: viewer.user,
      auditOnly: true,
    });
  });
}

/** Ends every session and API token of a user at once (deactivation). */
export async function revokeAllCredentials(em: EntityManager, userId: string): Promise<void> {
  const now = new Date();
  await em.nativeUpdate(Session, { user: userId, revokedAt: null }, { revokedAt: now });
  await em.nativeUpdate(ApiToken, { owner: userId, revokedAt: null }, { revokedAt: now });
}
