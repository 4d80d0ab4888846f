import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../context.js';
import type { AppendInput } from '../realtime/change-feed.js';

/**
 * Runs a write in one transaction (its Events included) and, once committed, tells the change feed what it
 * appended. Nothing is half-written: any error rolls the whole command back.
 */
export async function runCommand<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const appended: AppendInput[] = [];
  const result = await ctx.em.transactional(async (em) => {
    const done = await work(em);
    appended.push(...ctx.feed.takeAppended(em));
    return done;
  });
  // Nothing appended (a refused login, say): nothing to tell anyone.
  if (appended.length > 0) ctx.feed.committed(appended);
  return result;
}
