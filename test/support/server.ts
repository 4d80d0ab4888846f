import path from 'node:path';
import { startServer as startQuorum } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config/config.js';
import { openDatabase } from '../../server/src/config/orm.js';
import { seedIfEmpty } from '../../server/src/seeders/seed.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * The real server on a free port over a fresh embedded database with the demo data, serving the built
 * client (the `test` script builds it first).
 */
export async function startServer(): Promise<TestServer> {
  const configOn = (port: number | string) =>
    loadConfig({ ...process.env, PORT: String(port), NODE_ENV: 'test', DATABASE_URL: '' });
  const config = configOn(0);
  const db = await openDatabase({ dataDir: 'memory://' });
  await seedIfEmpty(db.orm, config.demoPassword);
  let server: Awaited<ReturnType<typeof startQuorum>> | null = await startQuorum(config, db);
  const url = server.url;
  return {
    url,
    async stopServing() {
      await server?.stop();
      server = null;
    },
    async serveAgain() {
      server ??= await startQuorum(configOn(new URL(url).port), db);
    },
    async another() {
      const other = await startQuorum(config, db);
      return { url: other.url, stop: () => other.stop() };
    },
    async stop() {
      await server?.stop();
      await db.close();
    },
  };
}

export interface TestServer {
  url: string;
  /** Stops serving, as a server being restarted does; the database stays. */
  stopServing(): Promise<void>;
  /** Serves again on the same port and database, as the restarted server does. */
  serveAgain(): Promise<void>;
  /** A second instance on the same database (another port), as in a deployment of several. */
  another(): Promise<{ url: string; stop(): Promise<void> }>;
  stop(): Promise<void>;
}
