// Preparing a meeting as the office does it, and what the others are (not) offered: who sees the create
// form. Drives the built client served by the real server over the demo data.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  launchBrowser,
  meetingsHeading,
  openPerson,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { startServer } from '../support/server.js';

const PAGE_TIMEOUT = 10_000;

let server: Awaited<ReturnType<typeof startServer>> | undefined;
let browser: Browser | undefined;

/** A person signed in on the meetings list, whose rows have arrived (so what is absent is really absent). */
async function onMeetingsList(email: string): Promise<Person> {
  const person = await openPerson(browser, { width: 1280, height: 900 }, PAGE_TIMEOUT);
  await signIn(person, server, email, { signedIn: meetingsHeading });
  await person.page.getByTestId('meetings-table').or(person.page.getByTestId('meetings-empty')).waitFor();
  return person;
}

describe.skipIf(!browserAvailable)('preparing a meeting', () => {
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('offers the create form to the office only', async () => {
    const member = await onMeetingsList('bithu@quorum.test');
    expect(await member.page.getByTestId('meeting-row').count()).toBeGreaterThan(0);
    expect(await member.page.getByTestId('create-meeting-form').count()).toBe(0);
    expect(await member.page.getByRole('button', { name: 'Tạo cuộc họp' }).count()).toBe(0);
    await screenshot(member.page, '30-meetings-committee-member');

    const office = await onMeetingsList('office@quorum.test');
    await office.page.getByTestId('create-meeting-form').waitFor();
    expect(await office.page.getByRole('button', { name: 'Tạo cuộc họp' }).count()).toBe(1);
    expect([...member.pageErrors, ...office.pageErrors]).toEqual([]);
    await member.context.close();
    await office.context.close();
  }, 60_000);
});
