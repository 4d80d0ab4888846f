// How long from starting Quorum to `/health` answering 200, on an empty data directory (create, migrate,
// seed) and on an existing one, measured side by side with a baseline: a bare `node:http` server started the
// same way, so the noise of this machine shows in the ratios. Run: pnpm --filter @quorum/test bench:startup
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const runs = Number(process.env.RUNS ?? 3);

/** Starts a command, polls `/health` on the port it prints, and returns the milliseconds until 200. */
async function timeToHealthy(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<number> {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (performance.now() - started > 120_000 || child.exitCode !== null)
        throw new Error(`did not start:\n${output}`);
      const url = /(http:\/\/localhost:\d+)/.exec(output)?.[1];
      if (url) {
        const ok = await fetch(`${url}/health`).then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) return performance.now() - started;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const baselineScript = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, function () { console.log('http://localhost:' + this.address().port) })`;

const results = { baseline: [] as number[], empty: [] as number[], existing: [] as number[] };
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'quorum-bench-'));
  const server = () =>
    timeToHealthy(process.execPath, ['--import', 'tsx', 'src/main.ts'], path.join(repoRoot, 'server'), {
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      NODE_ENV: 'production',
    });
  results.baseline.push(await timeToHealthy(process.execPath, ['-e', baselineScript], repoRoot, {}));
  results.empty.push(await server());
  results.existing.push(await server());
  rmSync(dataDir, { recursive: true, force: true });
}

const base = median(results.baseline);
console.log(
  `Start to /health 200, median of ${runs} runs (embedded PGlite; the client build of \`pnpm start\` not included)`,
);
console.log('| start | median ms | ratio to the bare node:http baseline |');
console.log('| --- | ---: | ---: |');
console.log(`| bare node:http baseline | ${base.toFixed(0)} | 1.0 |`);
for (const key of ['empty', 'existing'] as const) {
  const label = key === 'empty' ? 'Quorum, empty data directory' : 'Quorum, existing data directory';
  console.log(
    `| ${label} | ${median(results[key]).toFixed(0)} | ${(median(results[key]) / base).toFixed(1)} |`,
  );
}
