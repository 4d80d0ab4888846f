import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { entities } from '../entities/index.js';
import { migrationsList } from '../migrations/index.js';

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
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** PGlite's data directory; `memory://` keeps it in memory (tests). */
  dataDir: string;
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
  // PGlite is an ES module with a WebAssembly build of PostgreSQL; we own its lifecycle.
  const [{ PGlite }, { PGliteDriver }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('mikro-orm-pglite'),
  ]);
  if (!options.dataDir.startsWith('memory://')) mkdirSync(options.dataDir, { recursive: true });
  const pglite: PGlite = await PGlite.create(options.dataDir);
  const orm = await MikroORM.init({
    ...baseOptions,
    driver: PGliteDriver as unknown as typeof PostgreSqlDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } },
  });
  await orm.getMigrator().up();
  return {
    orm,
    kind: 'pglite',
    async close() {
      await orm.close(true);
      await pglite.close();
    },
  };
}
