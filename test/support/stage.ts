// What every browser test file sets up the same way: the real server over the demo data and one Chromium,
// started before the file's tests and closed after them (whichever of the two did start).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startServer, type TestServer } from './server.js';

/** How long a page may take to show what a test waits for (the default wait of each person's page). */
export const PAGE_TIMEOUT = 15_000;
/** A change made by one person is on the other's screen within this (the feed, then one read). */
export const LIVE_TIMEOUT = 5_000;

/** The file's server and browser; reading either before they started throws, so a failed start reads as such. */
export interface Stage {
  readonly server: TestServer;
  readonly browser: Browser;
}

/**
 * Registers, in the `describe` it is called from, a `beforeAll` that starts the server and the browser and an
 * `afterAll` that closes them. Called before the file's own hooks: its `beforeAll` runs first and its
 * `afterAll` last (vitest runs `afterAll` hooks in reverse), so the file's own set-up can use both.
 */
export function useStage(): Stage {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('server not started');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browser not started');
      return browser;
    },
  };
}
