import { EventType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { ApiToken, LoginAttempt, Session, User } from '../entities/index.js';
import { BadInputError, NotFoundError, RateLimitedError, UnauthenticatedError } from '../errors.js';
import { requestTokenReview } from './api-token.commands.js';
import { appendDirectoryEvent, type DirectoryEventInput } from './directory-support.js';
import { lockInTransaction } from './meeting-support.js';
import { runCommand } from './run-command.js';

export const passwordMinLength = 10;

/**
 * Checks the password and opens a session. Wrong email and wrong password get the same answer, and both
 * count against the account and the client address; past either limit every attempt is RATE_LIMITED.
 */
export async function login(
  ctx: Context,
  input: { email: string; password: string; address: string },
): Promise<{ token: string; user: User }> {
  const { em, config } = ctx;
  const email = input.email.trim().toLowerCase();
  const attemptId = await recordAttempt(ctx, email, input.address);
  const user = await em.findOne(User, { email, active: true }, { populate: ['passwordHash'] });
  // A failure leaves its attempt counting.
  if (!(await verifyPassword(user?.passwordHash, input.password)) || !user)
    throw new UnauthenticatedError('Wrong email or password');
  const token = newToken('qs');
  await runCommand(ctx, async (tx) => {
    // Serialized with the account's other logins, so that two at once cannot both pass the session cap.
    await lockInTransaction(tx, accountLock, email);
    await tx.nativeUpdate(LoginAttempt, { id: attemptId }, { succeeded: true });
    const now = new Date();
    await makeRoomForSession(ctx, tx, user, now);
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

const accountLock = 'quorum.login.account';
const addressLock = 'quorum.login.address';

/**
 * Records a login attempt before its password is checked, or refuses it (RATE_LIMITED) when the account or
 * the address has had its fill of attempts in the window. The transaction is serialized per account and per
 * address across every instance, and counts the attempts committed before it: however many requests arrive
 * at once, no more passwords than the limits are ever checked. Rows older than the window are removed.
 */
async function recordAttempt(ctx: Context, email: string, address: string): Promise<string> {
  const { perAccount, perAddress, windowMinutes } = ctx.config.loginLimit;
  return runCommand(ctx, async (em) => {
    // Always the account first: two logins never hold each other's second lock.
    await lockInTransaction(em, accountLock, email);
    await lockInTransaction(em, addressLock, address);
    const since = new Date(Date.now() - windowMinutes * 60_000);
    await em.nativeDelete(LoginAttempt, { attemptedAt: { $lt: since } });
    const counting = { succeeded: false, attemptedAt: { $gte: since } };
    if (
      (await em.count(LoginAttempt, { ...counting, email })) >= perAccount ||
      (await em.count(LoginAttempt, { ...counting, address })) >= perAddress
    )
      throw new RateLimitedError(windowMinutes * 60);
    return em.create(LoginAttempt, { email, address }).id;
  });
}

/**
 * Past the cap on open sessions, the user's least recently used ones end to make room for a new one, each
 * audited as a revocation.
 */
async function makeRoomForSession(ctx: Context, em: EntityManager, user: User, now: Date): Promise<void> {
  const open = await em.find(
    Session,
    { user: user.id, revokedAt: null, expiresAt: { $gt: now } },
    { fields: ['id'], orderBy: { lastSeenAt: 'desc', id: 'asc' } },
  );
  const ended = open.slice(ctx.config.sessionsPerUser - 1).map((session) => session.id);
  if (ended.length === 0) return;
  await em.nativeUpdate(Session, { id: { $in: ended } }, { revokedAt: now });
  for (const sessionId of ended) {
    await appendDirectoryEvent(
      ctx,
      em,
      { organizationId: user.organization.id, userId: user.id },
      sessionEndedEvent(EventType.SESSION_REVOKED, user, sessionId, now),
    );
  }
}

function sessionEndedEvent(
  type: EventType,
  user: User,
  sessionId: string,
  revokedAt: Date,
): DirectoryEventInput {
  return {
    type,
    subject: user,
    changes: {
      sessionId: { before: sessionId, after: sessionId },
      revokedAt: { before: null, after: revokedAt },
    },
    auditOnly: true,
  };
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
    await appendDirectoryEvent(ctx, em, viewer, sessionEndedEvent(type, viewer.user, sessionId, revokedAt));
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

/**
 * Changes the viewer's password, ends every other session of theirs, and asks them to review their API tokens
 * (which keep working: an integration does not stop because a person changed their password).
 */
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
    await requestTokenReview(em, viewer.userId);
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
