import type { EntityManager } from '@mikro-orm/core';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import type { Config } from '../config/config.js';
import { ApiToken, LoginAttempt, Session, User } from '../entities/index.js';
import { BadInputError, NotFoundError, RateLimitedError, UnauthenticatedError } from '../errors.js';

export const passwordMinLength = 10;

/**
 * Checks the password and opens a session. Wrong email and wrong password get the same answer, and both
 * count against the account and the client address; past the limit every attempt is RATE_LIMITED.
 */
export async function login(
  em: EntityManager,
  config: Config,
  input: { email: string; password: string; address: string },
): Promise<{ token: string; user: User }> {
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
    await em.nativeDelete(LoginAttempt, { attemptedAt: { $lt: since } });
    em.create(LoginAttempt, { email, address: input.address });
    await em.flush();
    throw new UnauthenticatedError('Wrong email or password');
  }
  await em.nativeDelete(LoginAttempt, { email });
  const token = await openSession(em, config, user);
  return { token, user };
}

async function openSession(em: EntityManager, config: Config, user: User): Promise<string> {
  const token = newToken('qs');
  const now = new Date();
  em.create(Session, {
    user,
    tokenHash: hashToken(token),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionMaxDays * 86_400_000),
  });
  await em.flush();
  return token;
}

export async function logout(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeUpdate(Session, { id: sessionId, revokedAt: null }, { revokedAt: new Date() });
}

/** Ends one of the viewer's own sessions (e.g. a lost laptop). */
export async function revokeSession(em: EntityManager, viewer: Viewer, sessionId: string): Promise<void> {
  const revoked = await em.nativeUpdate(
    Session,
    { id: sessionId, user: viewer.userId, revokedAt: null },
    { revokedAt: new Date() },
  );
  if (revoked === 0) throw new NotFoundError('Session', sessionId);
}

/** Changes the viewer's password and ends every other session of theirs. */
export async function changePassword(
  em: EntityManager,
  viewer: Viewer,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  if (input.newPassword.length < passwordMinLength) {
    throw new BadInputError(
      'newPassword',
      `The new password must have at least ${passwordMinLength} characters`,
    );
  }
  const user = await em.findOneOrFail(User, viewer.userId, { populate: ['passwordHash'] });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new BadInputError('currentPassword', 'The current password is wrong');
  }
  user.passwordHash = await hashPassword(input.newPassword);
  await em.transactional(async (tx) => {
    tx.persist(user);
    const keep = viewer.credential.kind === 'session' ? viewer.credential.id : undefined;
    await tx.nativeUpdate(
      Session,
      { user: viewer.userId, revokedAt: null, ...(keep ? { id: { $ne: keep } } : {}) },
      { revokedAt: new Date() },
    );
  });
}

/** Ends every session and API token of a user at once (deactivation). */
export async function revokeAllCredentials(em: EntityManager, userId: string): Promise<void> {
  const now = new Date();
  await em.nativeUpdate(Session, { user: userId, revokedAt: null }, { revokedAt: now });
  await em.nativeUpdate(ApiToken, { owner: userId, revokedAt: null }, { revokedAt: now });
}
