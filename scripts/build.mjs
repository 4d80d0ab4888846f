// `pnpm build`, and the first half of `pnpm start`: builds what changed and nothing else.
//   1. the server and packages/shared with `tsc --build` (incremental: its .tsbuildinfo files know what changed),
//      when a source or configuration of either is newer than its last build;
//   2. then the initialised PGlite data directory a first start copies (server/src/snapshot.ts), when the
//      PGlite version changed or a compiled migration is newer than it;
//   3. meanwhile the client with Vite, when a source of it or of packages/shared is newer than
//      client/dist/index.html.
// Plain JavaScript, so that it runs before anything is compiled.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const at = (...parts) => path.join(root, ...parts);

/** Runs a command with our output and resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
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

/** Server and shared code; true when they built (or were current). */
async function buildServer() {
  // tsc checks types as it builds: a type error stops the start, as it would stop a deploy. Loading the
  // compiler alone takes about 0.4 s of a start, so it is not started when no input of either project is newer
  // than that project's last build (tsc touches its .tsbuildinfo whenever it checks).
  const projects = [
    { dir: at('packages', 'shared'), inputs: ['src', 'tsconfig.build.json', 'package.json'] },
    { dir: at('server'), inputs: ['src', 'tsconfig.build.json', 'package.json'] },
  ];
  const outdated = projects.some(
    ({ dir, inputs }) =>
      newest([at('tsconfig.base.json'), ...inputs.map((input) => path.join(dir, input))]) >
      mtime(path.join(dir, 'dist', '.tsbuildinfo')),
  );
  if (!outdated) {
    console.log('Server is current: server/dist');
    return true;
  }
  const tsc = createRequire(at('package.json')).resolve('typescript/bin/tsc');
  if ((await run(process.execPath, [tsc, '--build', at('server', 'tsconfig.build.json')])) === 0) return true;
  // tsc records its errors in a fresh .tsbuildinfo; dated 1970, it sends the next build back to tsc, which
  // reports them again instead of a start running the output they came with.
  for (const { dir } of projects) {
    const info = path.join(dir, 'dist', '.tsbuildinfo');
    if (mtime(info)) utimesSync(info, 0, 0);
  }
  console.error('pnpm build: tsc failed');
  return false;
}

/** The initialised database, from the compiled server. Only an optimisation: never fails the build. */
async function buildSnapshot() {
  // The script itself compares versions and migrations exactly; the times here only spare starting it when
  // nothing it depends on moved.
  const manifest = at('server', 'dist', 'pglite-data', 'snapshot.json');
  let made;
  try {
    made = JSON.parse(readFileSync(manifest, 'utf8')).pglite;
  } catch {
    made = undefined;
  }
  const entry = createRequire(at('server', 'package.json')).resolve('@electric-sql/pglite');
  const installed = JSON.parse(
    readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'),
  ).version;
  if (made === installed && newest([at('server', 'dist', 'migrations')]) <= mtime(manifest)) {
    console.log('Initialised database is current: server/dist/pglite-data');
    return;
  }
  const code = await run(process.execPath, [
    '--conditions=quorum-compiled',
    at('server', 'dist', 'snapshot.js'),
  ]);
  if (code !== 0)
    console.error('pnpm build: the initialised database was not made; a first start will run initdb');
}

/** The client; true when it built (or was current). */
async function buildClient() {
  const inputs = [
    at('client', 'src'),
    at('client', 'public'),
    at('client', 'index.html'),
    at('client', 'vite.config.ts'),
    at('client', 'package.json'),
    at('packages', 'shared', 'src'),
    at('packages', 'shared', 'package.json'),
    at('pnpm-lock.yaml'),
  ];
  if (newest(inputs) <= mtime(at('client', 'dist', 'index.html'))) {
    console.log('Client is current: client/dist');
    return true;
  }
  if ((await run('pnpm', ['--filter', '@quorum/client', 'build'])) === 0) return true;
  console.error('pnpm build: vite build failed');
  return false;
}

// The client does not need the server's output: the two build side by side (tsc uses one core, Vite the rest).
const [server, client] = await Promise.all([
  buildServer().then(async (built) => (built ? (await buildSnapshot(), true) : false)),
  buildClient(),
]);
process.exit(server && client ? 0 : 1);
