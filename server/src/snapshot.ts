// The last step of `pnpm build`: the initialised, migrated PGlite data directory that a first start copies
// instead of running initdb (see config/pglite-snapshot.ts).
import 'reflect-metadata';
import { buildSnapshot } from './config/build-snapshot.js';
import { defaultSnapshotDir } from './config/pglite-snapshot.js';

const snapshotDir = process.argv[2] ?? defaultSnapshotDir;
const started = performance.now();
const outcome = await buildSnapshot(snapshotDir);
console.log(
  outcome === 'current'
    ? `Initialised database is current: ${snapshotDir}`
    : `Initialised database written in ${Math.round(performance.now() - started)} ms: ${snapshotDir}`,
);
