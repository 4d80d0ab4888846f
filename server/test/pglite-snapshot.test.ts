// The initialised data directory of the build: a first start on an empty DATA_DIR copies it instead of running
// initdb, and a missing, foreign or broken one falls back to initdb without failing. Always on PGlite (the
// snapshot is for the embedded database), whatever DATABASE_URL says.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildSnapshot } from '../src/config/build-snapshot.js';
import { type Database, openDatabase } from '../src/config/orm.js';
import {
  manifestPath,
  migrationsMismatch,
  pgliteVersion,
  prepareDataDir,
  readManifest,
} from '../src/config/pglite-snapshot.js';
import { migrationsList } from '../src/migrations/index.js';

const root = mkdtempSync(path.join(tmpdir(), 'quorum-snapshot-'));
const snapshotDir = path.join(root, 'snapshot');
const migrations = migrationsList.map((migration) => migration.name);
let count = 0;
const freshDir = () => path.join(root, `data-${(count += 1)}`);

/** A copy of the good snapshot with its manifest changed, for the foreign cases. */
function variant(change: (manifest: { pglite: string; migrations: string[] }) => void): string {
  const dir = path.join(root, `variant-${(count += 1)}`);
  cpSync(snapshotDir, dir, { recursive: true });
  const manifest = readManifest(dir)!;
  change(manifest);
  writeFileSync(manifestPath(dir), JSON.stringify(manifest));
  return dir;
}

async function executed(db: Database): Promise<string[]> {
  const rows: { name: string }[] = await db.orm.em
    .getConnection()
    .execute('select name from mikro_orm_migrations order by id');
  return rows.map((row) => row.name);
}

describe('the initialised PGlite data directory', () => {
  let open: Database[] = [];
  beforeAll(async () => {
    expect(await buildSnapshot(snapshotDir)).toBe('written');
  });
  afterEach(async () => {
    for (const db of open) await db.close();
    open = [];
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is made once per PGlite version and list of migrations', async () => {
    expect(readManifest(snapshotDir)).toEqual({ pglite: pgliteVersion(), migrations });
    expect(existsSync(path.join(snapshotDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(await buildSnapshot(snapshotDir)).toBe('current');
  });

  it('is copied into an empty data directory, migrated and independent of the snapshot', async () => {
    const dataDir = freshDir();
    mkdirSync(dataDir); // an empty directory counts as empty, as a missing one does
    // Half a copy, left by a start killed while copying: removed, never used.
    mkdirSync(`${dataDir}.restoring-999999`);
    writeFileSync(`${dataDir}.restoring-999999/PG_VERSION`, '17\n');
    const db = await openDatabase({ dataDir, snapshotDir });
    open.push(db);
    expect(db.origin).toEqual({ kind: 'snapshot', snapshotDir, migrations });
    expect(existsSync(`${dataDir}.restoring-999999`)).toBe(false);
    expect(await executed(db)).toEqual(migrations);
    // A write to this copy reaches neither the snapshot nor the next copy.
    await db.orm.em.getConnection().execute('create table written_here (id int)');

    const other = await openDatabase({ dataDir: freshDir(), snapshotDir });
    open.push(other);
    expect(other.origin?.kind).toBe('snapshot');
    const tables: unknown[] = await other.orm.em
      .getConnection()
      .execute("select 1 from information_schema.tables where table_name = 'written_here'");
    expect(tables).toEqual([]);
  });

  it('leaves an existing database alone', async () => {
    const dataDir = freshDir();
    open.push(await openDatabase({ dataDir, snapshotDir }));
    await open.pop()!.close();
    const again = await openDatabase({ dataDir, snapshotDir });
    open.push(again);
    expect(again.origin).toEqual({ kind: 'existing' });
  });

  it('is not used when it was made by another PGlite', async () => {
    const otherPglite = variant((manifest) => (manifest.pglite = '0.0.1'));
    const dataDir = freshDir();
    expect(await prepareDataDir(dataDir, otherPglite)).toEqual({
      kind: 'initdb',
      reason: `the initialised data directory was made by PGlite 0.0.1, this is ${pgliteVersion()}`,
    });
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
  });

  it('is discarded when it has migrations this version lacks, and serves when it lacks newer ones', async () => {
    const otherCode = variant(
      (manifest) => (manifest.migrations = [...migrations, 'Migration99990101000000']),
    );
    const db = await openDatabase({ dataDir: freshDir(), snapshotDir: otherCode });
    open.push(db);
    expect(db.origin).toEqual({
      kind: 'initdb',
      reason: 'the initialised data directory has migrations this version does not have',
    });
    expect(await executed(db)).toEqual(migrations);

    // One made before the newest migration still serves: the migrator applies the rest, as on any database.
    expect(migrationsMismatch(migrations.slice(0, -1), migrations)).toBeUndefined();
    expect(migrationsMismatch(['Migration99990101000000'], migrations)).toBeDefined();
    const older = variant((manifest) => (manifest.migrations = migrations.slice(0, -1)));
    const migrated = await openDatabase({ dataDir: freshDir(), snapshotDir: older });
    open.push(migrated);
    expect(migrated.origin?.kind).toBe('snapshot');
    expect(await executed(migrated)).toEqual(migrations);
  });

  it('falls back to initdb when it is missing', async () => {
    const missing = path.join(root, 'missing');
    const db = await openDatabase({ dataDir: freshDir(), snapshotDir: missing });
    open.push(db);
    expect(db.origin).toEqual({
      kind: 'initdb',
      reason: `no initialised data directory in ${missing} (\`pnpm build\` makes it)`,
    });
    expect(await executed(db)).toEqual(migrations);
  });

  it('falls back to initdb when the copy does not open, and leaves the snapshot as it was', async () => {
    const broken = variant(() => {});
    const control = path.join(broken, 'pgdata', 'global', 'pg_control');
    writeFileSync(control, Buffer.alloc(readFileSync(control).length, 0xff));
    const dataDir = freshDir();
    const db = await openDatabase({ dataDir, snapshotDir: broken });
    open.push(db);
    expect(db.origin?.kind).toBe('initdb');
    expect(db.origin?.kind === 'initdb' && db.origin.reason).toMatch(
      /^the initialised data directory did not open/,
    );
    expect(await executed(db)).toEqual(migrations);
    expect(readFileSync(control).every((byte) => byte === 0xff)).toBe(true);
  });
});
