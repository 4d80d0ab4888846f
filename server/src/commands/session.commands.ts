import type { EntityManager } from '@mikro-orm/core';
import { hashToken, newToken } from '../auth/tokens.js';
import { verifyPassword } from '../auth/passwords.js';
import type { Config } from '../config/config.js';
import { Session, User } from '../entities/index.js';
import { UnauthenticatedError } from '../errors.js';

/** Checks the password and opens a session; the same answer whether the email or the password is wrong. */
export async function login(
  em: EntityManager,
  config: Config,
  email: string,
  password: string,
): Promise<{ token: string; user: User }> {
  const user = await em.findOne(
    User,
    { email: email.trim().toLowerCase(), active: true },
    { populate: ['passwordHash'] },
  );
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    throw new UnauthenticatedError('Wrong email or password');
  }
  const token = newToken('qs');
  const now = new Date();
  em.create(Session, {
    user,
    tokenHash: hashToken(token),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionMaxDays * 86_400_000),
  });
  await em.flush();
  return { token, user };
}

export async function logout(em: EntityManager, sessionId: string): Promise<void> {
  await em.nativeUpdate(Session, { id: sessionId, revokedAt: null }, { revokedAt: new Date() });
}
