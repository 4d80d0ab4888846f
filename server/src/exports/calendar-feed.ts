import { ApiTokenScope } from '@quorum/shared';
import { LockMode, type EntityManager } from '@mikro-orm/core';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { ApiToken, User } from '../entities/index.js';

/**
 * A user's calendar feed is an ApiToken whose only scope is CALENDAR: it lives in a calendar application's
 * URL, so it opens nothing but `/calendar/<token>.ics` (API authentication refuses it). One is active per
 * user at a time; a new one revokes the old.
 */
export const calendarFeedTokenName = 'Lịch họp (iCalendar)';

/** `/calendar/<token>.ics`, relative to the server's origin. */
export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

function isCalendarToken(token: ApiToken): boolean {
  return token.scopes.length === 1 && token.scopes[0] === ApiTokenScope.CALENDAR;
}

async function activeFeeds(em: EntityManager, userId: string, now: Date): Promise<ApiToken[]> {
  const tokens = await em.find(
    ApiToken,
    { owner: userId, revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  return tokens.filter(isCalendarToken);
}

/** Revokes the viewer's feed, if any, and issues a new one; the token is returned once and stored hashed. */
export async function createCalendarFeed(
  em: EntityManager,
  viewer: Viewer,
): Promise<{ token: string; feed: ApiToken }> {
  return em.transactional(async (tx) => {
    // Serializes two concurrent requests of one user, so at most one feed stays active.
    await tx.findOneOrFail(User, viewer.userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = new Date();
    for (const old of await activeFeeds(tx, viewer.userId, now)) old.revokedAt = now;
    const token = newToken('qt');
    const feed = tx.create(ApiToken, {
      name: calendarFeedTokenName,
      owner: viewer.userId,
      scopes: [ApiTokenScope.CALENDAR],
      tokenHash: hashToken(token),
    });
    return { token, feed };
  });
}

/** Revokes the viewer's feed; false when there was none. */
export async function revokeCalendarFeed(em: EntityManager, viewer: Viewer): Promise<boolean> {
  return em.transactional(async (tx) => {
    const now = new Date();
    const feeds = await activeFeeds(tx, viewer.userId, now);
    for (const feed of feeds) feed.revokedAt = now;
    return feeds.length > 0;
  });
}

export async function currentCalendarFeed(em: EntityManager, viewer: Viewer): Promise<ApiToken | null> {
  const [feed] = await activeFeeds(em, viewer.userId, new Date());
  return feed ?? null;
}

/** The feed a URL's token opens, with its owner; null for anything unknown, revoked, expired or not a feed. */
export async function findCalendarFeed(
  em: EntityManager,
  token: string,
): Promise<{ feed: ApiToken; owner: User } | null> {
  const feed = await em.findOne(
    ApiToken,
    { tokenHash: hashToken(token) },
    { populate: ['owner.organization'] },
  );
  const owner = feed?.owner.getEntity();
  const now = new Date();
  if (
    !feed ||
    !owner?.active ||
    feed.revokedAt ||
    (feed.expiresAt && feed.expiresAt <= now) ||
    !isCalendarToken(feed)
  ) {
    return null;
  }
  return { feed, owner };
}
