// The two commands of the README, end to end: `pnpm start` on an empty data directory, SIGTERM, Ctrl+C in a
// terminal, and a second start on the same directory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { graphql } from './support/api.js';
import { groupAlive, launch, type Started, waitForUrl } from './support/process.js';
import { repoRoot } from './support/server.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'quorum-start-'));
/** The server itself (no build), on `port`, over `dataDir` unless `env` says otherwise. */
const server = (port: string, env: Record<string, string> = { DATA_DIR: dataDir }) =>
  launch(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts'],
    { ...env, PORT: port },
    path.join(repoRoot, 'server'),
  );

/**
 * `command` as typed in a terminal: util-linux `script` runs it on a pseudo-terminal of its own, where a
 * Ctrl+C written to the terminal is what a real one makes of it, SIGINT for the whole foreground process
 * group (pnpm, its shells, the server). Without a terminal pnpm does not report the signal, so the
 * terminal is the point. `script` runs the command through $SHELL -c; `exec` makes pnpm the terminal's own
 * foreground process whatever that shell is, as when typed at an interactive prompt (dash, unlike bash,
 * would otherwise stay in between and die of the SIGINT itself, exit code 130).
 */
function inTerminal(command: string, env: Record<string, string>): Started & { ctrlC(): void } {
  let output = '';
  const child = spawn('script', ['--quiet', '--flush', '--return', '--command', `exec ${command}`, '/dev/null'], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: '', NODE_ENV: 'production', ...env },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited, ctrlC: () => child.stdin.write('\x03') };
}

describe('pnpm start', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('builds, copies the initialised database, seeds and serves API, health and client on one port from an empty data directory', async () => {
    const started = launch('pnpm', ['start'], { DATA_DIR: dataDir, PORT: '0', REDIS_URL: '' });
    try {
      const url = await waitForUrl(started);
      // The build's initialised database, copied: no initdb on a first start.
      expect(started.output()).toContain('New database copied from the initialised data directory');
      expect(started.output()).toContain('Demo data was created');
      expect(started.output()).toContain('office@quorum.test');
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      // One process on the embedded database: no relay between instances, and nothing to warn about.
      expect(await health.json()).toEqual({ status: 'ok', database: 'pglite', collab: { relay: 'none' } });
      expect(started.output()).not.toContain('Co-editing is relayed between instances only with REDIS_URL');
      const page = await fetch(url);
      expect(await page.text()).toContain('<div id="root">');
      const login = await graphql(
        url,
        `
          mutation {
            login(input: { email: "office@quorum.test", password: "quorum-demo" }) {
              token
            }
          }
        `,
      );
      expect(login.errors).toBeUndefined();
    } finally {
      process.kill(-started.child.pid!, 'SIGTERM');
    }
    // pnpm itself exits at once; the server, in the same group, shuts down on its own.
    const stoppedAt = Date.now();
    while (groupAlive(started.child.pid!) && Date.now() - stoppedAt < 10_000)
      await new Promise((r) => setTimeout(r, 50));
    expect(groupAlive(started.child.pid!)).toBe(false);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);
    expect(started.output()).toContain('Stopped cleanly');
  });

  it.skipIf(process.platform !== 'linux')(
    'stops on Ctrl+C in a terminal with exit code 0 and no error printed',
    async () => {
      const started = inTerminal('pnpm start', { DATA_DIR: dataDir, PORT: '0' });
      try {
        await waitForUrl(started);
      } catch (error) {
        process.kill(-started.child.pid!, 'SIGKILL');
        throw error;
      }
      const before = started.output().length;
      started.ctrlC();
      expect(await started.exited).toBe(0);
      // What follows the Ctrl+C (which the terminal echoes as ^C): the server's two lines, nothing from pnpm.
      const after = started
        .output()
        .slice(before)
        .replace(/\^C/g, '')
        .split(/\r?\n/)
        .filter((line) => line.trim() !== '');
      expect(after).toEqual(['SIGINT received, shutting down', 'Stopped cleanly.']);
      expect(groupAlive(started.child.pid!)).toBe(false);
    },
  );

  it('stops on SIGTERM with exit code 0, and a second start keeps the data without seeding again', async () => {
    const first = server('0');
    const url = await waitForUrl(first);
    expect(first.output()).not.toContain('Demo data was created');
    const login = await graphql(
      url,
      `
        mutation {
          login(input: { email: "office@quorum.test", password: "quorum-demo" }) {
            token
          }
        }
      `,
    );
    const token = (login.data as { login: { token: string } } | undefined)?.login.token;
    const meetings = await graphql(
      url,
      `
        {
          meetings {
            totalCount
          }
        }
      `,
      token,
    );
    const organizations = await graphql(
      url,
      `
        {
          organization {
            name
          }
        }
      `,
      token,
    );
    first.child.kill('SIGTERM');
    const stoppedAt = Date.now();
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(5_000);

    const second = server('0');
    try {
      const again = await waitForUrl(second);
      expect(second.output()).not.toContain('Demo data was created');
      const relogin = await graphql(
        again,
        `
          mutation {
            login(input: { email: "office@quorum.test", password: "quorum-demo" }) {
              token
            }
          }
        `,
      );
      const token2 = (relogin.data as { login: { token: string } } | undefined)?.login.token;
      expect(
        await graphql(
          again,
          `
            {
              meetings {
                totalCount
              }
            }
          `,
          token2,
        ),
      ).toEqual(meetings);
      expect(
        await graphql(
          again,
          `
            {
              organization {
                name
              }
            }
          `,
          token2,
        ),
      ).toEqual(organizations);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });

  it('refuses bad configuration with a message naming the variable', async () => {
    const bad = launch(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      { PORT: 'abc', DATA_DIR: dataDir },
      path.join(repoRoot, 'server'),
    );
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain(
      'Invalid configuration: PORT must be an integer from 0 to 65535 (got "abc")',
    );
  });

  it('refuses a second start on a port in use, or on a data directory in use, with one plain line and exit code 1', async () => {
    const first = server('0');
    try {
      const url = await waitForUrl(first);
      const port = new URL(url).port;
      expect(existsSync(`${dataDir}.lock`)).toBe(true);

      const otherDir = path.join(mkdtempSync(path.join(tmpdir(), 'quorum-start-')), 'data');
      const samePort = server(port, { DATA_DIR: otherDir });
      expect(await samePort.exited).toBe(1);
      expect(samePort.output().trim()).toBe(
        `Port ${port} is already in use (by another Quorum or another program): stop it, or set PORT to a free port.`,
      );
      // Refused before the database was opened: nothing was created for it.
      expect(existsSync(otherDir)).toBe(false);

      const sameDir = server('0');
      expect(await sameDir.exited).toBe(1);
      expect(sameDir.output().trim()).toBe(
        `The data directory ${dataDir} is in use by another Quorum (pid ${first.child.pid}): stop it, or set DATA_DIR to another directory.`,
      );
      // The first one still serves.
      expect((await fetch(`${url}/health`)).status).toBe(200);
      rmSync(path.dirname(otherDir), { recursive: true, force: true });
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('reads a .env file (ENV_FILE names another), where variables already set win, and takes over a stale lock', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quorum-env-'));
    const envDataDir = path.join(dir, 'data');
    const envFile = path.join(dir, 'quorum.env');
    writeFileSync(
      envFile,
      `# as in .env.example\nDATA_DIR=${envDataDir}\nDEMO_PASSWORD=from-the-env-file\nPORT=not-a-port\n`,
    );
    // A process that crashed holding the directory: its pid is gone.
    const crashed = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => crashed.on('exit', resolve));
    writeFileSync(`${envDataDir}.lock`, `${crashed.pid}\n`);

    const started = server('0', { ENV_FILE: envFile });
    try {
      const url = await waitForUrl(started);
      expect(started.output()).toContain(`Configuration read from ${envFile}`);
      expect(started.output()).toContain(`embedded PGlite in ${envDataDir}`);
      const login = await graphql(
        url,
        `
          mutation {
            login(input: { email: "office@quorum.test", password: "from-the-env-file" }) {
              token
            }
          }
        `,
      );
      expect(login.errors).toBeUndefined();
    } finally {
      started.child.kill('SIGTERM');
      expect(await started.exited).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
