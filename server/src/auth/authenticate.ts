import { ApiTokenScope } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Config } from '../config/config.js';
import { ApiToken, Session } from '../entities/index.js';
import { UnauthenticatedError } from '../errors.js';
import { hashToken } from './tokens.js';
import { loadViewer, type Viewer } from './viewer.js';

// Sliding expiry is refreshed at most this often, so reads do not each write.
const touchEveryMs = 60_000;

/** Turns an `Authorization: Bearer …` value into a Viewer; no header is anonymous, a bad one an error. */
export async function authenticate(
  em: EntityManager,
  config: Config,
  authorization: string | undefined,
): Promise<Viewer | null> {
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"');
  const token = match[1]!;
  const tokenHash = hashToken(token);
  const now = new Date();

  if (token.startsWith('qt_')) {
    const apiToken = await em.findOne(ApiToken, { tokenHash }, { populate: ['owner'] });
    const owner = apiToken?.owner.getEntity();
    // Only READ/WRITE tokens speak GraphQL; a CALENDAR token serves its feed and nothing else.
    const apiScope = apiToken?.scopes.some(
      (scope) => scope === ApiTokenScope.READ || scope === ApiTokenScope.WRITE,
    );
    if (
      !apiToken ||
      !apiScope ||
      !owner?.active ||
      apiToken.revokedAt ||
      (apiToken.expiresAt && apiToken.expiresAt <= now)
    ) {
      throw new UnauthenticatedError('The API token is invalid, expired or revoked');
    }
    if (!apiToken.lastUsedAt || now.getTime() - apiToken.lastUsedAt.getTime() > touchEveryMs) {
      await em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: now });
    }
    return loadViewer(em, owner, { kind: 'apiToken', id: apiToken.id }, apiToken.scopes);
  }

  const session = await em.findOne(Session, { tokenHash }, { populate: ['user'] });
  const user = session?.user.getEntity();
  if (
    !session ||
    !user?.active ||
    session.revokedAt ||
    session.expiresAt <= now ||
    idleExpired(session, config, now)
  ) {
    throw new UnauthenticatedError('The session has expired; please sign in again');
  }
  if (now.getTime() - session.lastSeenAt.getTime() > touchEveryMs) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: now });
  }
  return loadViewer(em, user, { kind: 'session', id: session.id }, [ApiTokenScope.READ, ApiTokenScope.WRITE]);
}

function idleExpired(session: Session, config: Config, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() > config.sessionIdleHours * 3_600_000;
}
