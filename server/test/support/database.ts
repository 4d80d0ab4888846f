import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/config/orm.js';

/** Where tests run: the PostgreSQL of DATABASE_URL when set, else an in-memory PGlite. */
export const usingPostgres = Boolean(process.env.DATABASE_URL);

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database of its own; dropped by the returned function. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `quorum_test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database ${name}`));
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      admin((client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** A migrated, empty database for one test file (PostgreSQL or PGlite, see `usingPostgres`). */
export async function createTestDatabase(): Promise<Database> {
  if (!usingPostgres) return openDatabase({ dataDir: 'memory://' });
  const fresh = await createPostgresDatabase();
  const db = await openDatabase({ databaseUrl: fresh.url, dataDir: 'memory://' });
  return {
    ...db,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}
