// The benchmark suite (`pnpm bench`): every benchmark of the repository, one after another, each in its own
// process group with a time bound (stopped on overrun and recorded as timed out), within 10 minutes in all.
// Each benchmark prints its tables as it does alone and ends with one `BENCH_RESULT {json}` line; this
// collects them, prints one summary (figure, Quorum, baseline, ratio, target, met?) and writes
// bench/results/<UTC time>.json with the machine's description, so runs can be compared over time.
//
//   pnpm bench                                   (flock /tmp/quorum-bench.lock pnpm bench on a shared machine)
//   BENCH_ONLY=nested,lists pnpm bench           # some of them
//   BENCH_NO_WRITE=1 pnpm bench                  # print only, write no results file
//
// The suite runs each benchmark with smaller counts than it uses alone (the `env` below; a variable already
// set in the environment wins). A figure is a ratio to a baseline measured in the same run, so the noise of
// the machine hits both sides; figures measured while the machine is busy with other work are indicative
// (the load average before and after each benchmark is recorded with it).
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { resultPrefix, sleep, type BenchFigure, type BenchResult } from './support.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const suiteSeconds = Number(process.env.BENCH_SUITE_SECONDS ?? 600);
/**
 * Quorum as deployed, for the benchmarks that run its server in their own process: production mode, for the
 * server (which the benchmark configures so) and for the libraries that read NODE_ENV once when loaded
 * (graphql-js's development checks on every type test). The start-up benchmark measures `pnpm start` as is.
 */
const asDeployed = { NODE_ENV: 'production' };

interface Bench {
  name: string;
  script: string;
  /** The suite's settings for it (a variable already set in the environment wins). */
  env: Record<string, string>;
  /** Stopped after this long (and never past the suite's own bound). */
  timeoutSeconds: number;
}

const benches: Bench[] = [
  { name: 'client-size', script: 'bench/client-size.ts', env: {}, timeoutSeconds: 150 },
  { name: 'startup', script: 'bench/startup.ts', env: { RUNS: '3' }, timeoutSeconds: 180 },
  {
    name: 'nested',
    script: 'bench/nested-meeting.ts',
    env: { ...asDeployed, AGENDA_ITEMS: '50,200', REQUESTS: '500,200', WARMUP: '24', MAX_SECONDS: '60' },
    timeoutSeconds: 180,
  },
  {
    name: 'lists',
    script: 'bench/lists.ts',
    env: { ...asDeployed, REQUESTS: '500', WARMUP: '24', MAX_SECONDS: '30' },
    timeoutSeconds: 150,
  },
  {
    name: 'dashboard',
    script: 'bench/dashboard.ts',
    env: { ...asDeployed, REQUESTS: '300', WARMUP: '24', MAX_SECONDS: '30' },
    timeoutSeconds: 150,
  },
  {
    name: 'feed',
    script: 'bench/feed.ts',
    // The issue's sizes (100 and 1,000 subscribers); idle memory at 1,000 only, a shorter saturation.
    env: { FEED_SUBSCRIBERS: '100,1000', FEED_IDLE: '1000', FEED_SATURATION_SECONDS: '3' },
    timeoutSeconds: 150,
  },
  {
    name: 'collab',
    script: 'bench/collab-relay.ts',
    // The issue's sizes (10 and 50 clients in one body, one writing; 10 typists replaying the typing trace),
    // fewer updates and rounds than alone.
    env: {
      COLLAB_CLIENTS: '10,50',
      COLLAB_UPDATES: '1000',
      COLLAB_ROUNDS: '3',
      COLLAB_TRACE_CLIENTS: '10',
      COLLAB_TRACE_UPDATES: '300',
      COLLAB_TRACE_PACED: '100',
    },
    timeoutSeconds: 200,
  },
  {
    name: 'collab-writes',
    script: 'bench/collab-writes.ts',
    // Ten typists on five bodies at five edits a second for 30 s (and PostgreSQL's counts settling after).
    env: {
      COLLAB_WRITERS: '10',
      COLLAB_WRITE_DOCUMENTS: '5',
      COLLAB_WRITE_RATE: '5',
      COLLAB_WRITE_SECONDS: '30',
    },
    timeoutSeconds: 150,
  },
  {
    name: 'collab-document',
    script: 'bench/collab-document.ts',
    // The issue's size (a body after 100,000 edits), fewer rounds than alone.
    env: { EDITS: '100000', DOCUMENT_ROUNDS: '3' },
    timeoutSeconds: 150,
  },
  {
    name: 'hostile',
    script: 'bench/refuse-hostile.ts',
    env: { ...asDeployed, BENCH_ROUNDS: '2' },
    timeoutSeconds: 100,
  },
  {
    name: 'search',
    script: 'bench/search.ts',
    // Ten times the demo data (the issue's size), both queries, fewer requests than alone.
    env: { ...asDeployed, REQUESTS: '300', WARMUP: '24', MAX_SECONDS: '30' },
    timeoutSeconds: 150,
  },
];

type Outcome = 'ok' | 'failed' | 'timed out' | 'skipped';

interface BenchRun {
  name: string;
  outcome: Outcome;
  seconds: number;
  env: Record<string, string>;
  loadAverage: { before: number[]; after: number[] };
  result?: BenchResult;
  /** The end of what it printed, when it did not finish well. */
  error?: string;
}

/** Runs one benchmark in a process group of its own; SIGTERM to the group on overrun, SIGKILL 10 s later. */
async function run(bench: Bench, timeoutSeconds: number): Promise<BenchRun> {
  const env = Object.fromEntries(
    Object.entries(bench.env).map(([name, value]) => [name, process.env[name] ?? value]),
  );
  const loadBefore = os.loadavg();
  const started = performance.now();
  // The live feed opens a socket per subscriber at both ends: the open-file limit is raised for it.
  const child = spawn(
    'sh',
    [
      '-c',
      'ulimit -n 20000 2>/dev/null; exec "$0" "$@"',
      process.execPath,
      // The young generation `pnpm start` gives the server (server/package.json), for the servers a
      // benchmark runs in its own process, Quorum and baseline alike.
      '--max-semi-space-size=64',
      '--import',
      'tsx',
      bench.script,
    ],
    {
      cwd: path.join(repoRoot, 'test'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let result: BenchResult | undefined;
  let tail = '';
  const keep = (text: string) => (tail = (tail + text).slice(-4000));
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith(resultPrefix)) result = JSON.parse(line.slice(resultPrefix.length)) as BenchResult;
      else process.stdout.write(`${line}\n`);
      keep(`${line}\n`);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    process.stderr.write(chunk);
    keep(chunk.toString());
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    const kill = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group is gone already.
      }
    };
    kill('SIGTERM');
    setTimeout(() => kill('SIGKILL'), 10_000).unref();
  }, timeoutSeconds * 1000);
  const code = await exited;
  clearTimeout(timer);
  if (pending.startsWith(resultPrefix))
    result = JSON.parse(pending.slice(resultPrefix.length)) as BenchResult;
  const outcome: Outcome = timedOut ? 'timed out' : code === 0 && result ? 'ok' : 'failed';
  return {
    name: bench.name,
    outcome,
    seconds: (performance.now() - started) / 1000,
    env,
    loadAverage: { before: loadBefore, after: os.loadavg() },
    ...(result ? { result } : {}),
    ...(outcome === 'ok' ? {} : { error: tail.trim() }),
  };
}

// --- The machine -----------------------------------------------------------------------------------------------

async function postgresVersion(): Promise<string> {
  const client = new pg.Client({
    connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  });
  try {
    await client.connect();
    return ((await client.query('select version()')).rows[0] as { version: string }).version;
  } catch (error) {
    return `unavailable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

// Only the final newline goes: a porcelain status line starts with a space that is part of its format.
const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot }).toString().replace(/\n$/, '');

async function machine() {
  const cpus = os.cpus();
  // What was measured is the working tree: its uncommitted changes are part of the description.
  const changed = git('status', '--porcelain', '--untracked-files=no')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice(3));
  return {
    cpu: { model: cpus[0]?.model ?? 'unknown', count: cpus.length },
    memoryGb: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: await postgresVersion(),
    git: { commit: git('rev-parse', 'HEAD'), branch: git('rev-parse', '--abbrev-ref', 'HEAD'), changed },
  };
}

// --- The summary -----------------------------------------------------------------------------------------------

function value(figure: BenchFigure, x: number | null): string {
  if (x === null || !Number.isFinite(x)) return 'n/a';
  const digits = x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return `${x.toFixed(digits)} ${figure.unit}`;
}

function summary(runs: BenchRun[]): string {
  const lines = [
    '| benchmark | figure | Quorum | baseline | ratio Quorum ÷ baseline | target | met? |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
  ];
  for (const r of runs) {
    if (!r.result || r.result.figures.length === 0) {
      lines.push(`| ${r.name} | ${r.outcome} after ${r.seconds.toFixed(0)} s | | | | | no |`);
      continue;
    }
    for (const f of r.result.figures) {
      // A value that was Infinity (a delivery that never came) arrives as null from JSON.
      const quotient = f.ratio as number | null;
      const ratio = quotient === null || !Number.isFinite(quotient) ? 'n/a' : `${quotient.toFixed(2)}×`;
      lines.push(
        `| ${r.name} | ${f.name} | ${value(f, f.quorum)} | ${value(f, f.baseline)} (${f.baselineLabel}) | ${ratio} (${f.better} is better) | ${f.target?.text ?? '—'} | ${f.met === undefined ? '—' : f.met ? 'yes' : 'no'} |`,
      );
    }
    if (r.outcome !== 'ok')
      lines.push(`| ${r.name} | ${r.outcome} after ${r.seconds.toFixed(0)} s | | | | | |`);
  }
  return lines.join('\n');
}

// --- Main ------------------------------------------------------------------------------------------------------

const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim());
const selected = only ? benches.filter((bench) => only.includes(bench.name)) : benches;
if (only && selected.length !== only.length)
  throw new Error(`BENCH_ONLY names: ${benches.map((bench) => bench.name).join(', ')}`);

const startedAt = new Date();
const suiteStarted = performance.now();
const description = await machine();
const runs: BenchRun[] = [];
for (const bench of selected) {
  const left = suiteSeconds - (performance.now() - suiteStarted) / 1000;
  if (left < 30) {
    runs.push({
      name: bench.name,
      outcome: 'skipped',
      seconds: 0,
      env: bench.env,
      loadAverage: { before: os.loadavg(), after: os.loadavg() },
      error: `the suite's ${suiteSeconds} s were spent`,
    });
    continue;
  }
  console.log(
    `\n=== ${bench.name} (${bench.script}; bound ${Math.min(bench.timeoutSeconds, left - 15).toFixed(0)} s) ===`,
  );
  runs.push(await run(bench, Math.min(bench.timeoutSeconds, left - 15)));
  // A moment for the sockets and processes of one benchmark to be gone before the next starts.
  await sleep(1000);
}
const seconds = (performance.now() - suiteStarted) / 1000;

console.log(
  [
    '',
    `=== Summary: ${runs.filter((r) => r.outcome === 'ok').length} of ${runs.length} benchmarks finished in ${seconds.toFixed(0)} s ===`,
    `${description.cpu.count} × ${description.cpu.model}, ${description.memoryGb} GB, Node ${description.node}, ${description.postgres.split(',')[0]}, commit ${description.git.commit.slice(0, 10)}${description.git.changed.length > 0 ? ` with ${description.git.changed.length} files changed` : ''}`,
    `Load average before/after each: ${runs.map((r) => `${r.name} ${r.loadAverage.before[0]!.toFixed(1)}/${r.loadAverage.after[0]!.toFixed(1)}`).join(', ')} (${description.cpu.count} cores: above that, other work shared the machine and the figures are indicative)`,
    '',
    summary(runs),
  ].join('\n'),
);

if (process.env.BENCH_NO_WRITE !== '1') {
  const directory = path.join(repoRoot, 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  // ISO 8601 in UTC, with the colons a file name should not hold replaced.
  const file = path.join(
    directory,
    `${startedAt
      .toISOString()
      .replace(/\.\d+Z$/, 'Z')
      .replaceAll(':', '-')}.json`,
  );
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), seconds, suiteSeconds, machine: description, runs }, null, 2)}\n`,
  );
  console.log(`\nResults written to ${path.relative(repoRoot, file)}`);
}
process.exitCode = runs.every((r) => r.outcome === 'ok') ? 0 : 1;
