import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * An initialised and migrated PGlite data directory, made by `pnpm build` (`src/snapshot.ts`) and copied into
 * an empty `DATA_DIR` on the first start: PGlite's initdb runs under WebAssembly and takes seconds. A copy of
 * the directory rather than PGlite's `dumpDataDir` tarball: `loadDataDir` unpacks the tarball file by file on
 * the main thread (2.5 s here, 3.5 s gzipped), while the copy runs on another thread as the rest of the code
 * loads, and costs a start almost nothing.
 *
 * The snapshot holds no demo data: that is seeded after, with the demo password of that start and dates
 * relative to its day.
 */
export const defaultSnapshotDir = path.resolve(import.meta.dirname, '../../dist/pglite-data');

/** What a snapshot was made from: another PGlite, or migrations this version lacks, make it unusable. */
export interface SnapshotManifest {
  pglite: string;
  migrations: string[];
}

/** How a data directory came to be: it was there, copied from the snapshot, or made by initdb (and why). */
export type DataDirOrigin =
  | { kind: 'existing' }
  | { kind: 'snapshot'; snapshotDir: string; migrations: string[] }
  | { kind: 'initdb'; reason: string };

const manifestFile = 'snapshot.json';
const dataSubdir = 'pgdata';

/** The installed PGlite's version (its package exports no package.json, so it is found beside the entry). */
export function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version;
    } catch {
      // no package.json at this level
    }
  }
  throw new Error('cannot find the version of @electric-sql/pglite');
}

export const manifestPath = (snapshotDir: string) => path.join(snapshotDir, manifestFile);

export function readManifest(snapshotDir: string): SnapshotManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(snapshotDir), 'utf8')) as SnapshotManifest;
    return typeof manifest.pglite === 'string' && Array.isArray(manifest.migrations) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a snapshot with these migrations cannot serve a version with `migrations`, or undefined when it can.
 * Migrations added since are applied after the copy, as on any existing database; one it has and this version
 * lacks means it was made from other code.
 */
export function migrationsMismatch(snapshot: string[], migrations: string[]): string | undefined {
  return snapshot.some((name, i) => migrations[i] !== name)
    ? 'the initialised data directory has migrations this version does not have'
    : undefined;
}

/** True when the snapshot is the one the build would make now: same PGlite, exactly these migrations. */
export function snapshotIsCurrent(snapshotDir: string, migrations: string[]): boolean {
  const manifest = readManifest(snapshotDir);
  return (
    manifest?.pglite === pgliteVersion() &&
    manifest.migrations.length === migrations.length &&
    !migrationsMismatch(manifest.migrations, migrations)
  );
}

export function isEmptyOrMissing(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return true;
    throw error;
  }
}

/** Copies a directory on a worker thread: the copy is I/O, and the main thread has modules to load meanwhile. */
function copyOnAnotherThread(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       require('node:fs').cpSync(workerData.from, workerData.to, { recursive: true });`,
      // No loader (tsx) or other flag of ours: the worker only copies.
      { eval: true, workerData: { from, to }, execArgv: [] },
    );
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the copy exited with ${code}`)),
    );
  });
}

/**
 * Prepares PGlite's data directory: an existing database is left alone; an empty or missing directory gets a
 * copy of the snapshot when one from this PGlite is there, else it is created empty for PGlite's initdb. Never
 * fails for want of a snapshot. The copy goes to a directory beside and is renamed into place, so a start
 * interrupted mid-copy leaves an empty data directory, not half a database. Whether the snapshot's migrations
 * fit is checked when they are known (`migrationsMismatch`, then `discardCopy`).
 */
export async function prepareDataDir(
  dataDir: string,
  snapshotDir: string | undefined,
): Promise<DataDirOrigin> {
  if (!isEmptyOrMissing(dataDir)) return { kind: 'existing' };
  const manifest = snapshotDir ? readManifest(snapshotDir) : undefined;
  const version = pgliteVersion();
  const reason = !snapshotDir
    ? 'no initialised data directory offered'
    : !manifest
      ? `no initialised data directory in ${snapshotDir} (\`pnpm build\` makes it)`
      : manifest.pglite !== version
        ? `the initialised data directory was made by PGlite ${manifest.pglite}, this is ${version}`
        : undefined;
  if (snapshotDir && manifest && !reason) {
    const staging = `${dataDir}.restoring-${process.pid}`;
    try {
      mkdirSync(path.dirname(dataDir), { recursive: true });
      // What a start killed mid-copy left beside: the caller holds the data directory's lock, so none is live.
      const stale = `${path.basename(dataDir)}.restoring-`;
      for (const name of readdirSync(path.dirname(dataDir)))
        if (name.startsWith(stale))
          rmSync(path.join(path.dirname(dataDir), name), { recursive: true, force: true });
      await copyOnAnotherThread(path.join(snapshotDir, dataSubdir), staging);
      rmSync(dataDir, { recursive: true, force: true });
      renameSync(staging, dataDir);
      return { kind: 'snapshot', snapshotDir, migrations: manifest.migrations };
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      return { kind: 'initdb', reason: `copying the initialised data directory failed (${String(error)})` };
    }
  }
  mkdirSync(dataDir, { recursive: true });
  return { kind: 'initdb', reason: reason! };
}

/** Empties a data directory that was copied from the snapshot and holds nothing else yet, for initdb. */
export function discardCopy(dataDir: string, reason: string): DataDirOrigin {
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  return { kind: 'initdb', reason };
}

/** Where the build makes a new snapshot's database before `installSnapshot` puts it in place. */
export function stagingSnapshot(snapshotDir: string): { dir: string; dataDir: string } {
  const dir = `${snapshotDir}.building-${process.pid}`;
  rmSync(dir, { recursive: true, force: true });
  return { dir, dataDir: path.join(dir, dataSubdir) };
}

/** Replaces the snapshot with the staged one in one rename, so a start never copies half of it. */
export function installSnapshot(staged: { dir: string }, snapshotDir: string, migrations: string[]): void {
  const manifest: SnapshotManifest = { pglite: pgliteVersion(), migrations };
  writeFileSync(manifestPath(staged.dir), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(snapshotDir, { recursive: true, force: true });
  renameSync(staged.dir, snapshotDir);
}
