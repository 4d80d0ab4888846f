// More instances of one deployment on the test's PostgreSQL, each with its own pool, as separate processes
// would have: what one commits or announces must reach the others through NOTIFY or Redis.
import { Redis } from 'ioredis';
import { startServer, type RunningServer, type ServerOptions } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type Database, openDatabase } from '../../src/config/orm.js';
import { machineSpeed } from './server.js';

/** How the instances wake each other: PostgreSQL's NOTIFY, or Redis pub/sub with REDIS_URL. */
export type WakeVia = 'NOTIFY' | 'Redis';
export const wakeVias: readonly WakeVia[] = ['NOTIFY', 'Redis'];

/** The Redis of the developers' and CI machines (a laptop may have none: `redisReachable` says). */
export const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export async function redisReachable(): Promise<boolean> {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

export interface Instance {
  server: RunningServer;
  config: Config;
  /** Stops the server, then closes its own pool. */
  close(): Promise<void>;
}

/** One more instance on the test's PostgreSQL database `of`, woken by `via`. */
export async function startInstance(
  of: Database,
  via: WakeVia,
  options: ServerOptions = {},
): Promise<Instance> {
  const databaseUrl = of.orm.config.get('clientUrl');
  if (!databaseUrl) throw new Error('more instances need PostgreSQL (DATABASE_URL)');
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    NODE_ENV: 'test',
    ...machineSpeed,
    DATABASE_URL: databaseUrl,
    REDIS_URL: via === 'Redis' ? redisUrl : '',
  });
  const db = await openDatabase({ databaseUrl, dataDir: 'memory://' });
  const server = await startServer(config, db, options);
  return { server, config, close: () => server.stop().then(() => db.close()) };
}
