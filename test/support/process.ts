// Servers as separate processes, as they run in production: the start command, several instances of one
// deployment. Each is started in a process group of its own and read from its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { repoRoot } from './server.js';

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

export function launch(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = repoRoot,
): Started {
  let output = '';
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'production', ...env },
    detached: true, // its own process group, as under a terminal or a service manager
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function waitForUrl(started: Started, timeoutMs = 120_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Quorum is ready at (http:\/\/\S+)/.exec(started.output());
    if (match) return match[1]!;
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`did not start:\n${started.output()}`);
}
