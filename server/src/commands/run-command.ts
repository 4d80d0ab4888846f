import { accessEventTypes } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../context.js';
import type { AppendInput, ChangeFeed } from '../realtime/change-feed.js';
import type { NotificationHub } from '../realtime/notification-hub.js';
import { nothingSettled, settleNotifications, type SettledNotifications } from './notification-outbox.js';

/** Who hears of a write once it is committed: the change feed, and the notification hub (whom it notified). */
export interface CommitListeners {
  feed: ChangeFeed;
  notifications: Pick<NotificationHub, 'committed'>;
}

/**
 * Runs a write in one transaction (its Events and notifications included) and, once committed, tells the
 * change feed what it appended and the notification hub whom it notified (their sockets hear it without the
 * feed's subscribers paying anything for it). Nothing is half-written: any error rolls the whole write back.
 * Commands run through `runCommand`; a job with no request (the task reminders) calls this with its own `em`.
 */
export async function runWrite<T>(
  em: EntityManager,
  { feed, notifications }: CommitListeners,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const appended: AppendInput[] = [];
  let notified: SettledNotifications = nothingSettled;
  const result = await em.transactional(async (em) => {
    const done = await work(em);
    notified = await settleNotifications(em);
    appended.push(...feed.takeAppended(em));
    return done;
  });
  // Nothing appended (a refused login, say): nothing to tell the feed.
  if (appended.length > 0) feed.committed(appended);
  notifications.committed(
    notified,
    appended.some((input) => accessEventTypes.has(input.type)),
  );
  return result;
}

/** A command of a request: `runWrite` on the request's `em`. */
export function runCommand<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return runWrite(ctx.em, ctx, work);
}
