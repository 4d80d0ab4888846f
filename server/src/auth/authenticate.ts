import { ApiTokenScope } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Config } from '../config/config.js';
import { ApiToken, Session } from '../entities/index.js';
import { RejectedCredentialError } from '../errors.js';
import { hashToken } from './tokens.js';
import { loadViewer, type Viewer } from './viewer.js';

// Sliding expiry is refreshed at most this often, so reads do not each write.
const touchEveryMs = 60_000;

/** A credential checked against the database, with what it takes to keep checking it without one. */
export class Authenticated {
  constructor(
    readonly viewer: Viewer,
    /** The hard end of the credential (a session's 30 days, a token's expiry); null when it has none. */
    readonly expiresAt: Date | null,
    /** Sessions end after this long without use; null for API tokens. */
    readonly idleMs: number | null,
    public lastUsedAt: Date,
    private readonly recordUse: (em: EntityManager, at: Date) => Promise<unknown>,
  ) {}

  /** Whether a use at `at` is one to record (the last recorded is over a minute old). */
  touchDue(at: Date): boolean {
    return at.getTime() - this.lastUsedAt.getTime() > touchEveryMs;
  }

  /**
   * Records a use, at most once a minute (sliding expiry, `lastUsedAt` of tokens); `em` is asked for only
   * when it writes, so the many uses in between cost nothing.
   */
  async touch(em: () => EntityManager, at: Date): Promise<void> {
    if (!this.touchDue(at)) return;
    this.lastUsedAt = at;
    await this.recordUse(em(), at);
  }
}

/** The bearer token of an `Authorization` value; a malformed header is an error, none is anonymous. */
export function bearerToken(authorization: string): string {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new RejectedCredentialError('The Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/** Whether a credential checked earlier has ended since by time alone (revocation comes with events). */
export function lapsed(
  credential: Pick<Authenticated, 'expiresAt' | 'idleMs' | 'lastUsedAt'>,
  now: Date,
): boolean {
  return (
    (credential.expiresAt !== null && credential.expiresAt <= now) ||
    (credential.idleMs !== null && now.getTime() - credential.lastUsedAt.getTime() > credential.idleMs)
  );
}

/** Checks a bearer token against the database and loads its viewer; refused with UNAUTHENTICATED. */
export async function authenticate(em: EntityManager, config: Config, token: string): Promise<Authenticated> {
  const tokenHash = hashToken(token);
  const now = new Date();

  if (token.startsWith('qt_')) {
    const apiToken = await em.findOne(ApiToken, { tokenHash }, { populate: ['owner'] });
    const owner = apiToken?.owner.getEntity();
    // Only READ/WRITE tokens speak GraphQL; a CALENDAR token serves its feed and nothing else.
    const apiScope = apiToken?.scopes.some(
      (scope) => scope === ApiTokenScope.READ || scope === ApiTokenScope.WRITE,
    );
    if (!apiToken || !apiScope) throw new RejectedCredentialError('This API token is not recognised');
    if (apiToken.revokedAt) throw new RejectedCredentialError('This API token was revoked');
    if (apiToken.expiresAt && apiToken.expiresAt <= now)
      throw new RejectedCredentialError('This API token has expired');
    if (!owner?.active) throw new RejectedCredentialError("This API token's account is deactivated");
    const authenticated = new Authenticated(
      await loadViewer(em, owner, { kind: 'apiToken', id: apiToken.id }, apiToken.scopes),
      apiToken.expiresAt ?? null,
      null,
      apiToken.lastUsedAt ?? new Date(0),
      (touchEm, at) => touchEm.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: at }),
    );
    await authenticated.touch(() => em, now);
    return authenticated;
  }

  const session = await em.findOne(Session, { tokenHash }, { populate: ['user'] });
  const user = session?.user.getEntity();
  const idleMs = config.sessionIdleHours * 3_600_000;
  if (!session) throw new RejectedCredentialError('This sign-in is not recognised; please sign in again');
  if (session.revokedAt)
    throw new RejectedCredentialError('This session was signed out; please sign in again');
  if (!user?.active) throw new RejectedCredentialError('This account is deactivated');
  if (lapsed({ expiresAt: session.expiresAt, idleMs, lastUsedAt: session.lastSeenAt }, now))
    throw new RejectedCredentialError('The session has expired; please sign in again');
  const authenticated = new Authenticated(
    await loadViewer(em, user, { kind: 'session', id: session.id }, [
      ApiTokenScope.READ,
      ApiTokenScope.WRITE,
    ]),
    session.expiresAt,
    idleMs,
    session.lastSeenAt,
    (touchEm, at) => touchEm.nativeUpdate(Session, { id: session.id }, { lastSeenAt: at }),
  );
  await authenticated.touch(() => em, now);
  return authenticated;
}
