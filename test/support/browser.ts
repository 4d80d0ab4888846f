// What the browser tests (e2e/*.test.ts) share: one way to start Chromium, to open a person's window,
// to keep a screenshot and to sign in. Kept in one place so the tests drive the client under the same
// conditions (locale, time zone, flags) and a change to the login form is fixed once.
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';

/** Debian's Chromium; playwright-core downloads no browser of its own. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * On a developer's machine without Chromium the browser tests are skipped with a note; in CI (CI=true) they
 * always run, and a missing browser fails them.
 */
export const browserAvailable = existsSync(CHROMIUM) || process.env['CI'] === 'true';
if (!browserAvailable)
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
/** The password every demo account is seeded with. */
export const PASSWORD = 'quorum-demo';
/** Where the screenshots go (test/e2e/screenshots/), for a person to look at after a run. */
export const SCREENSHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url));

/** One person at their own computer: a separate context, so separate cookies and sessions. */
export interface Person {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; each test expects none at the end. */
  pageErrors: string[];
}

/**
 * Headless Chromium. No sandbox: it does not start as root or in many containers. The other flags keep it
 * from reaching out for updates, sync or QUIC, so a run talks only to our server and is not slowed.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new person in `browser`, in Vietnam: the client formats dates in the organization's time zone and in
 * Vietnamese, and the assertions read that text. `defaultTimeout` bounds every wait that names none.
 * Takes the browser as the tests hold it (set in `beforeAll`), so a failed launch reads as such.
 */
export async function openPerson(
  browser: Browser | undefined,
  viewport: { width: number; height: number },
  defaultTimeout: number,
): Promise<Person> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', viewport });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.setDefaultTimeout(defaultTimeout);
  return { context, page, pageErrors };
}

/** Saves the whole page as SCREENSHOTS/<name>.png; the folder is made on first use. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/** Fills the login form by its labels, as a person would, and submits it. */
export async function fillLogin(page: Page, email: string, password: string): Promise<void> {
  const form = page.getByTestId('login-form');
  await form.getByLabel('Email', { exact: true }).fill(email);
  await form.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Đăng nhập' }).click();
}

/** The meetings list's heading: the page a plain sign-in lands on. */
export function meetingsHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1, name: 'Cuộc họp' });
}

export interface SignInOptions {
  /** The page to open first; a deep link shows the login form, then that page itself. */
  path?: string;
  password?: string;
  /** What shows once signed in; by default the viewer's name in the header, which every page has. */
  signedIn?: (page: Page) => Locator;
}

/**
 * Signs `email` in on `server` and waits until live updates can arrive: they are only promised once the
 * socket is up. Takes the server as the tests hold it (set in `beforeAll`), so a failed start reads as such.
 */
export async function signIn(
  { page }: Person,
  server: { url: string } | undefined,
  email: string,
  { path = '', password = PASSWORD, signedIn = (p) => p.getByTestId('viewer-name') }: SignInOptions = {},
): Promise<void> {
  if (!server) throw new Error('server not started');
  await page.goto(`${server.url}${path}`);
  await fillLogin(page, email, password);
  await signedIn(page).waitFor();
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
}
