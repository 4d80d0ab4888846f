import type { EntityManager } from '@mikro-orm/core';
import type { Context } from '../context.js';

/**
 * Runs a write in one transaction (its Events included) and, once committed, wakes the change feed.
 * Nothing is half-written: any error rolls the whole command back.
 */
export async function runCommand<T>(ctx: Context, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const result = await ctx.em.transactional(work);
  ctx.feed.committed();
  return result;
}
