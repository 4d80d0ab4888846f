import type { MikroORM } from '@mikro-orm/core';
import { hashPassword } from '../auth/passwords.js';
import { Organization } from '../entities/index.js';
import { seedDemo } from './demo.seeder.js';

/**
 * Seeds the demo organization when the database holds none; never touches existing data. The advisory lock
 * keeps two instances starting at once from seeding twice. `passwordHash`, the demo password's hash when the
 * caller started it early (a fresh database), spares a start waiting for it here.
 */
export async function seedIfEmpty(
  orm: MikroORM,
  demoPassword: string,
  passwordHash?: Promise<string>,
): Promise<boolean> {
  return orm.em.fork().transactional(async (em) => {
    await em
      .getConnection()
      .execute(
        "select pg_advisory_xact_lock(hashtext('quorum.seed'))",
        [],
        'all',
        em.getTransactionContext(),
      );
    if ((await em.count(Organization)) > 0) return false;
    // Every demo account shares the one demo password, so it is hashed once.
    await seedDemo(em, { passwordHash: await (passwordHash ?? hashPassword(demoPassword)), now: new Date() });
    return true;
  });
}
