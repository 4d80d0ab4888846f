import 'reflect-metadata';
import { hashPassword } from './auth/passwords.js';
import { ConfigError, loadConfig, readEnvFile } from './config/config.js';
import {
  type DataDirOrigin,
  defaultSnapshotDir,
  isEmptyOrMissing,
  prepareDataDir,
} from './config/pglite-snapshot.js';
import { checkPortFree, lockDataDir, StartupRefusal } from './config/preflight.js';

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
  // An empty data directory is filled with the build's initialised database on another thread while this one
  // loads the rest of the code, which takes most of a start: the copy then costs next to nothing. The demo
  // password of a database that will be seeded is hashed meanwhile too, on libuv's threads.
  const fresh = !config.databaseUrl && isEmptyOrMissing(config.dataDir);
  const prepared = config.databaseUrl ? undefined : prepareDataDir(config.dataDir, defaultSnapshotDir);
  const demoHash = fresh ? hashPassword(config.demoPassword) : undefined;
  // Both are awaited below, where a failure is reported.
  prepared?.catch(() => {});
  demoHash?.catch(() => {});
  const [{ startServer }, { openDatabase }, { seedIfEmpty }, { demoAccounts }] = await Promise.all([
    import('./app.js'),
    import('./config/orm.js'),
    import('./seeders/seed.js'),
    import('./seeders/demo-data.js'),
  ]);
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, prepared });
  const seeded = await seedIfEmpty(db.orm, config.demoPassword, demoHash);
  const server = await startServer(config, db);

  const where = db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  const password = process.env.DEMO_PASSWORD ? 'the DEMO_PASSWORD you set' : config.demoPassword;
  // One write, so a reader of the log sees the banner whole.
  console.log(
    [
      `Quorum is ready at ${server.url} (${Math.round(performance.now() - started)} ms; database: ${where})`,
      ...(envFile ? [`Configuration read from ${envFile} (variables already set take precedence).`] : []),
      ...(db.origin ? originLine(db.origin) : []),
      // Several instances may share this database, but only Redis relays co-editing between them (README).
      ...(db.kind === 'postgres' && !config.redisUrl
        ? [
            'Co-editing is relayed between instances only with REDIS_URL: without it each instance serves its own open documents, and they meet through the database when stored and loaded.',
          ]
        : []),
      ...(seeded ? ['Demo data was created on this first start.'] : []),
      `Demo accounts (password: ${password}):`,
      ...demoAccounts.map((account) => `  ${account.email.padEnd(28)} ${account.roleEn}`),
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    // A Ctrl+C reaches the server more than once (from the terminal, and forwarded by pnpm): the first stops it.
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
