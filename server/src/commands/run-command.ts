import { accessEventTypes } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../context.js';
import type { AppendInput } from '../realtime/change-feed.js';
import { nothingSettled, settleNotifications, type SettledNotifications } from './notification-outbox.js';

/**
 * Runs a write in one transaction (its Events and notifications included) and, once committed, tells the
 * change feed what it appended and the notification hub whom it notified (their sockets hear it without the
 * feed's subscribers paying anything for it). Nothing is half-written: any error rolls the whole command back.
 */
export async function runCommand<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const appended: AppendInput[] = [];
  let notified: SettledNotifications = nothingSettled;
  const result = await ctx.em.transactional(async (em) => {
    const done = await work(em);
    notified = await settleNotifications(em);
    appended.push(...ctx.feed.takeAppended(em));
    return done;
  });
  // Nothing appended (a refused login, say): nothing to tell anyone.
  if (appended.length > 0) ctx.feed.committed(appended);
  ctx.notifications.committed(
    notified,
    appended.some((input) => accessEventTypes.has(input.type)),
  );
  return result;
}
