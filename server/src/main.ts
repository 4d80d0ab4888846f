import 'reflect-metadata';
import { startServer } from './app.js';
import { ConfigError, loadConfig, readEnvFile } from './config/config.js';
import { openDatabase } from './config/orm.js';
import { type DataDirOrigin, defaultSnapshotDir } from './config/pglite-snapshot.js';
import { checkPortFree, lockDataDir, StartupRefusal } from './config/preflight.js';
import { demoAccounts } from './seeders/demo-data.js';
import { seedIfEmpty } from './seeders/seed.js';

const shutdownTimeoutMs = 5_000;

/** Whether a new embedded database was copied from the build's initialised one or made by initdb, and why. */
function originLine(origin: DataDirOrigin): string[] {
  if (origin.kind === 'snapshot')
    return [`New database copied from the initialised data directory ${origin.snapshotDir}.`];
  if (origin.kind === 'initdb') return [`New database created by initdb: ${origin.reason}.`];
  return [];
}

async function main(): Promise<void> {
  const started = performance.now();
  const envFile = readEnvFile();
  const config = loadConfig();
  // Refusals come before the database is opened (and migrated): a second start changes nothing.
  await checkPortFree(config.port);
  const unlockDataDir = config.databaseUrl ? () => {} : lockDataDir(config.dataDir);
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    snapshotDir: defaultSnapshotDir,
  });
  const seeded = await seedIfEmpty(db.orm, config.demoPassword);
  const server = await startServer(config, db);

  const where = db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const password = process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : config.demoPassword;
  // One write, so a reader of the log sees the banner whole.
  console.log(
    [
      `Quorum is ready at ${server.url} (${Math.round(performance.now() - started)} ms; database: ${where})`,
      ...(envFile ? [`Configuration read from ${envFile} (variables already set take precedence).`] : []),
      ...(db.origin ? originLine(db.origin) : []),
      ...(seeded ? ['Demo data was created on this first start.'] : []),
      `Demo accounts (password: ${password}):`,
      ...demoAccounts.map((account) => `  ${account.email.padEnd(28)} ${account.roleEn}`),
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, shutting down`);
    const timer = setTimeout(() => {
      console.error(`Shutdown took longer than ${shutdownTimeoutMs} ms; exiting`);
      process.exit(1);
    }, shutdownTimeoutMs);
    timer.unref();
    await server.stop();
    await db.close();
    unlockDataDir();
    console.log('Stopped cleanly.');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  // A refusal we can explain is one plain line; anything else keeps its trace for whoever debugs it.
  if (error instanceof ConfigError || error instanceof StartupRefusal) console.error(error.message);
  else console.error('Quorum failed to start:', error);
  process.exit(1);
});
