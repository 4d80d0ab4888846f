// More instances of one deployment on the test's PostgreSQL, each with its own pool, as separate processes
// would have: what one commits or announces must reach the others through NOTIFY or Redis. In process, or as
// processes of their own where a test kills one outright.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startServer, type RunningServer, type ServerOptions } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config/config.js';
import { type Database, openDatabase } from '../../src/config/orm.js';
import { machineSpeed } from './server.js';

/** How the instances wake each other: PostgreSQL's NOTIFY, or Redis pub/sub with REDIS_URL. */
export type WakeVia = 'NOTIFY' | 'Redis';
export const wakeVias: readonly WakeVia[] = ['NOTIFY', 'Redis'];

const serverRoot = path.resolve(import.meta.dirname, '../..');

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

/** A server instance as a process of its own (`src/main.ts`), so that a test can kill it outright. */
export interface InstanceProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
  /** Sends `signal` to its process group (tsx and node), unless it has exited. */
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts `src/main.ts` on the PostgreSQL database at `databaseUrl` (migrated and holding an organization, so
 * nothing is seeded), on a free port, with `env` added; resolves once it serves.
 */
export async function launchInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<InstanceProcess> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverRoot,
    env: { ...process.env, NODE_ENV: 'test', ...machineSpeed, PORT: '0', DATABASE_URL: databaseUrl, ...env },
    detached: true, // a process group of its own: the signal reaches node under tsx too
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = /Quorum is ready at (http:\/\/\S+)/.exec(output);
    if (ready) return { url: ready[1]!, child, exited, output: () => output, kill };
    if (child.exitCode !== null || Date.now() > deadline) {
      kill('SIGKILL');
      throw new Error(`the instance did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
