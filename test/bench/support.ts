// What the benchmarks share: a throwaway PostgreSQL database per run, and one definition of a percentile so
// that the figures of different benchmarks mean the same thing.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface BenchDatabase {
  name: string;
  url: string;
  /** host:port, for the line that says what was measured. */
  host: string;
  drop(): Promise<void>;
}

/**
 * Creates `<prefix>_<random>` on the PostgreSQL of DATABASE_URL (default: the local one, `postgres`
 * database), so a run never meets the data of another run or of the tests. `drop()` forces other
 * connections off: a server that did not close its pool must not leave the database behind.
 */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(`create database ${name}`);
  return {
    name,
    url: url.toString(),
    host: url.host,
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** The nearest-rank percentile (`p` in 0..1): always a measured sample, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}
