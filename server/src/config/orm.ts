import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from '../entities/index.js';
import { migrationsList } from '../migrations/index.js';
import { type DataDirOrigin, discardCopy, migrationsMismatch, prepareDataDir } from './pglite-snapshot.js';

/** Options shared by the server, the tests and the MikroORM CLI; the driver is chosen by `openDatabase`. */
export const baseOptions = {
  entities,
  extensions: [Migrator],
  // Batches reference and collection loads issued in the same tick: nested GraphQL fields make no N+1.
  dataloader: DataloaderType.ALL,
  forceUtcTimezone: true,
  migrations: {
    path: path.resolve(import.meta.dirname, '../migrations'),
    pathTs: path.resolve(import.meta.dirname, '../migrations'),
    migrationsList,
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    silent: true,
    emit: 'ts',
  },
  debug: process.env.DEBUG_SQL === '1',
} satisfies Options;

export interface Database {
  orm: MikroORM;
  /** `postgres` when `DATABASE_URL` is set, else `pglite`. */
  kind: 'postgres' | 'pglite';
  /** How PGlite's data directory came to be (not for PostgreSQL or an in-memory PGlite). */
  origin?: DataDirOrigin;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite's data directory; `memory://` keeps it in memory (tests). */
  dataDir: string;
  /** An initialised data directory (`pglite-snapshot.ts`) to copy into an empty `dataDir` instead of initdb. */
  snapshotDir?: string | undefined;
  /** The same preparation, already under way (`main.ts` starts it before loading the rest of the code). */
  prepared?: Promise<DataDirOrigin> | undefined;
}

/** Opens the configured database and migrates it to the latest schema. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const orm = await MikroORM.init({
      ...baseOptions,
      driver: PostgreSqlDriver,
      clientUrl: options.databaseUrl,
    });
    await orm.getMigrator().up();
    return { orm, kind: 'postgres', close: () => orm.close(true) };
  }
  const { dataDir } = options;
  if (dataDir.startsWith('memory://')) return openPglite(dataDir, undefined);
  let origin = await (options.prepared ?? prepareDataDir(dataDir, options.snapshotDir));
  const mismatch = origin.kind === 'snapshot' && migrationsMismatch(origin.migrations, migrationNames());
  if (mismatch) origin = discardCopy(dataDir, mismatch);
  try {
    return await openPglite(dataDir, origin);
  } catch (error) {
    if (origin.kind !== 'snapshot') throw error;
    // The copy did not open or migrate: it is ours and holds nothing yet, so start again as without it.
    const reason = `the initialised data directory did not open (${error instanceof Error ? error.message : String(error)})`;
    return openPglite(dataDir, discardCopy(dataDir, reason));
  }
}

const migrationNames = () => migrationsList.map((migration) => migration.name);

async function openPglite(dataDir: string, origin: DataDirOrigin | undefined): Promise<Database> {
  // PGlite is an ES module with a WebAssembly build of PostgreSQL; we own its lifecycle.
  const [{ PGlite }, { PGliteDriver }, { unaccent }, { pg_trgm }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('mikro-orm-pglite'),
    // The contrib extensions search needs (created by a migration, as on PostgreSQL).
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
  ]);
  const pglite: PGlite = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } });
  let orm: MikroORM | undefined;
  try {
    orm = await MikroORM.init({
      ...baseOptions,
      driver: PGliteDriver as unknown as typeof PostgreSqlDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => pglite } },
    });
    if (origin?.kind === 'snapshot' && origin.migrations.length === migrationsList.length) {
      // A fresh copy made with exactly these migrations has nothing to migrate: reading its migrations table
      // instead of running the migrator (0.13 s) checks that it opens and is the copy its manifest describes.
      const rows: { name: string }[] = await orm.em
        .getConnection()
        .execute('select name from mikro_orm_migrations order by id');
      if (rows.map((row) => row.name).join() !== migrationNames().join())
        throw new Error('its migrations table differs from its manifest');
    } else await orm.getMigrator().up();
  } catch (error) {
    await orm?.close(true).catch(() => {});
    await pglite.close().catch(() => {});
    throw error;
  }
  const opened = orm;
  return {
    orm: opened,
    kind: 'pglite',
    ...(origin ? { origin } : {}),
    async close() {
      await opened.close(true);
      await pglite.close();
    },
  };
}
