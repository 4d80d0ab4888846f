import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/** A reason not to start, said in one plain line (no stack): the port is taken, the data is in use. */
export class StartupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupRefusal';
  }
}

/** The plain sentence for a failed `listen` (EADDRINUSE, EACCES), or undefined for anything else. */
export function listenRefusal(port: number, error: unknown): StartupRefusal | undefined {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (code === 'EADDRINUSE')
    return new StartupRefusal(
      `Port ${port} is already in use (by another Quorum or another program): stop it, or set PORT to a free port.`,
    );
  if (code === 'EACCES')
    return new StartupRefusal(`Port ${port} needs privileges this process lacks: set PORT to 1024 or above.`);
  return undefined;
}

/**
 * Fails fast when the port is taken, before the database is opened or migrated: binding the same address the
 * server binds, then letting it go. (A program that takes the port in the moment between is still caught by
 * the server's own `listen`, with the same sentence.)
 */
export async function checkPortFree(port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(listenRefusal(port, error) ?? error));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Makes this process the only one using the embedded database's directory: two PGlite instances on one
 * directory corrupt it. The lock is a file beside it (`.data.lock`) holding our pid, created atomically; a
 * lock whose process is gone (a crash, a kill -9) is stale and taken over. Returns the release, for a clean shutdown.
 */
export function lockDataDir(dataDir: string): () => void {
  // Beside the directory, not in it: PGlite creates a new database only in an empty directory.
  const file = `${dataDir}.lock`;
  mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt += 1) {
    // Written aside, then linked into place: the lock appears whole, with its pid, or not at all.
    const mine = `${file}.${process.pid}`;
    writeFileSync(mine, `${process.pid}\n`);
    try {
      linkSync(mine, file);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off('exit', release);
      };
      // process.exit() on any path still frees the directory.
      process.on('exit', release);
      return release;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder))
      throw new StartupRefusal(
        `The data directory ${dataDir} is in use by another Quorum (pid ${holder}): stop it, or set DATA_DIR to another directory.`,
      );
    rmSync(file, { force: true });
  }
  throw new StartupRefusal(`Cannot lock the data directory ${dataDir}: another process keeps taking it.`);
}
