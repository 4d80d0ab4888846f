import { rmSync, utimesSync } from 'node:fs';
import { migrationsList } from '../migrations/index.js';
import { openDatabase } from './orm.js';
import { installSnapshot, manifestPath, snapshotIsCurrent, stagingSnapshot } from './pglite-snapshot.js';

/**
 * Makes the initialised data directory in `snapshotDir` (see `pglite-snapshot.ts`), unless the one there was
 * made by this PGlite with exactly these migrations.
 */
export async function buildSnapshot(snapshotDir: string): Promise<'current' | 'written'> {
  const migrations = migrationsList.map((migration) => migration.name);
  if (snapshotIsCurrent(snapshotDir, migrations)) {
    // Marked as checked, so the build's quick look at modification times does not ask again.
    const now = new Date();
    utimesSync(manifestPath(snapshotDir), now, now);
    return 'current';
  }
  const staged = stagingSnapshot(snapshotDir);
  try {
    // initdb and every migration, then a clean shutdown (a checkpoint), so a copy needs no recovery.
    const db = await openDatabase({ dataDir: staged.dataDir });
    await db.close();
    installSnapshot(staged, snapshotDir, migrations);
    return 'written';
  } finally {
    rmSync(staged.dir, { recursive: true, force: true });
  }
}
