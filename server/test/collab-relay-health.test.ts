// Co-editing across instances without Redis (issue 14 part 5): instances on one PostgreSQL but no REDIS_URL
// relay no edits between them, and `/health` says so (`collab.relay`: "none"), as it says "redis" when they
// do; the embedded database (one process) relays nothing either. The start banner's line is main.ts's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/config/orm.js';
import { createTestDatabase, usingPostgres } from './support/database.js';
import { type Instance, redisReachable, redisUrl, startInstance } from './support/instances.js';
import { startTestServer, type TestServer } from './support/server.js';

async function health(url: string): Promise<unknown> {
  const response = await fetch(`${url}/health`);
  expect(response.status).toBe(200);
  return response.json();
}

describe.skipIf(!usingPostgres)('/health on PostgreSQL: the co-editing relay between instances', () => {
  let db: Database;
  const instances: Instance[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const instance of instances) await instance.close();
    await db?.close();
  });

  it('says "none" without REDIS_URL', async () => {
    const instance = await startInstance(db, 'NOTIFY');
    instances.push(instance);
    expect(instance.config.redisUrl).toBeUndefined();
    expect(await health(instance.server.url)).toEqual({
      status: 'ok',
      database: 'postgres',
      collab: { relay: 'none' },
    });
  });

  it('says "redis" with REDIS_URL', async (t) => {
    if (!(await redisReachable())) t.skip(`no Redis at ${redisUrl}`);
    const instance = await startInstance(db, 'Redis');
    instances.push(instance);
    expect(instance.config.redisUrl).toBe(redisUrl);
    expect(await health(instance.server.url)).toEqual({
      status: 'ok',
      database: 'postgres',
      collab: { relay: 'redis' },
    });
  });
});

describe.skipIf(usingPostgres)('/health on the embedded database', () => {
  let t: TestServer;

  beforeAll(async () => {
    t = await startTestServer(undefined, { REDIS_URL: '' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('says "none": one process, no relay', async () => {
    expect(await health(t.url)).toEqual({ status: 'ok', database: 'pglite', collab: { relay: 'none' } });
  });
});
