// `pnpm build`, and the first half of `pnpm start`: builds what changed and nothing else.
//   1. the server and packages/shared with `tsc --build` (incremental: its .tsbuildinfo files know what changed),
//      when a source or configuration of either is newer than its last build;
//   2. the client with Vite, when a source of it or of packages/shared is newer than client/dist/index.html;
//   3. the initialised PGlite data directory a first start copies (server/src/snapshot.ts), when the PGlite
//      version changed or a compiled migration is newer than it.
// Plain JavaScript, so that it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const at = (...parts) => path.join(root, ...parts);

/** Runs a command to its end with our output; its failure is ours. */
function run(label, command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`pnpm build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
}

/**
 * The newest modification time under `paths` (0 when none exists), folders included: adding, removing or
 * renaming a file changes its folder's time.
 */
function newest(paths) {
  let latest = 0;
  for (const entry of paths) {
    const stat = statSync(entry, { throwIfNoEntry: false });
    if (!stat) continue;
    latest = Math.max(latest, stat.mtimeMs);
    if (!stat.isDirectory()) continue;
    for (const name of readdirSync(entry, { recursive: true })) {
      if (name.split(path.sep).includes('node_modules')) continue;
      latest = Math.max(latest, statSync(path.join(entry, name), { throwIfNoEntry: false })?.mtimeMs ?? 0);
    }
  }
  return latest;
}

const mtime = (file) => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0;

// 1. Server and shared code. tsc checks types as it builds: a type error stops the start, as it would stop a
// deploy. Loading the compiler alone takes about 0.4 s of a start, so it is not started when no input of
// either project is newer than that project's last build (tsc touches its .tsbuildinfo whenever it checks).
const projects = [
  { dir: at('packages', 'shared'), inputs: ['src', 'tsconfig.build.json', 'package.json'] },
  { dir: at('server'), inputs: ['src', 'tsconfig.build.json', 'package.json'] },
];
const outdated = projects.some(
  ({ dir, inputs }) =>
    newest([at('tsconfig.base.json'), ...inputs.map((input) => path.join(dir, input))]) >
    mtime(path.join(dir, 'dist', '.tsbuildinfo')),
);
if (outdated) {
  const tsc = createRequire(at('package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '--build', at('server', 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    // tsc records its errors in a fresh .tsbuildinfo; dated 1970, it sends the next build back to tsc, which
    // reports them again instead of a start running the output they came with.
    for (const { dir } of projects) {
      const info = path.join(dir, 'dist', '.tsbuildinfo');
      if (mtime(info)) utimesSync(info, 0, 0);
    }
    console.error('pnpm build: tsc failed');
    process.exit(result.status ?? 1);
  }
} else console.log('Server is current: server/dist');

// 2. Client.
const clientInputs = [
  at('client', 'src'),
  at('client', 'public'),
  at('client', 'index.html'),
  at('client', 'vite.config.ts'),
  at('client', 'package.json'),
  at('packages', 'shared', 'src'),
  at('packages', 'shared', 'package.json'),
  at('pnpm-lock.yaml'),
];
const clientBuilt = mtime(at('client', 'dist', 'index.html'));
if (newest(clientInputs) > clientBuilt) run('vite build', 'pnpm', ['--filter', '@quorum/client', 'build']);
else console.log('Client is current: client/dist');

// 3. The initialised database. The script itself compares versions and migrations exactly; the times here
// only spare starting it when nothing it depends on moved.
const snapshotManifest = at('server', 'dist', 'pglite-data', 'snapshot.json');
const pglite = createRequire(at('server', 'package.json')).resolve('@electric-sql/pglite');
let snapshotPglite;
try {
  snapshotPglite = JSON.parse(readFileSync(snapshotManifest, 'utf8')).pglite;
} catch {
  snapshotPglite = undefined;
}
const installedPglite = JSON.parse(
  readFileSync(path.join(path.dirname(pglite), '..', 'package.json'), 'utf8'),
).version;
if (
  snapshotPglite !== installedPglite ||
  newest([at('server', 'dist', 'migrations')]) > mtime(snapshotManifest)
) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=quorum-compiled', at('server', 'dist', 'snapshot.js')],
    { cwd: root, stdio: 'inherit' },
  );
  // Only an optimisation: without it a first start runs initdb, as it did before.
  if (result.status !== 0)
    console.error('pnpm build: the initialised database was not made; a first start will run initdb');
} else console.log(`Initialised database is current: server/dist/pglite-data`);
