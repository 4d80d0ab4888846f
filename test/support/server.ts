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
export async function startServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', DATABASE_URL: '' });
  const db = await openDatabase({ dataDir: 'memory://' });
  await seedIfEmpty(db.orm, config.demoPassword);
  const server = await startQuorum(config, db);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
