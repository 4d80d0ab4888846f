// Two people in the office, each in their own browser: what one does, the other sees
// without reloading. Drives the built client served by the real server.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  meetingsHeading,
  openPerson,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { type Stage, useStage } from '../support/stage.js';

const EMAIL = 'office@quorum.test';
const LIVE_TIMEOUT = 10_000;

let stage: Stage;
let alice: Person;
let bao: Person;

/** Signs in as office staff and waits for the meetings list, or its empty state if there are no meetings. */
async function signInToMeetings(person: Person): Promise<void> {
  await signIn(person, stage.server, EMAIL, { signedIn: meetingsHeading });
  await person.page.getByTestId('meetings-table').or(person.page.getByTestId('meetings-empty')).waitFor();
}

function meetingRow(page: Page, meetingId: string): Locator {
  return page.locator(`[data-testid="meeting-row"][data-meeting-id="${meetingId}"]`);
}

async function expectTitle(page: Page, meetingId: string, title: string): Promise<void> {
  const cell = meetingRow(page, meetingId).getByTestId('meeting-title');
  await cell.filter({ hasText: title }).waitFor({ timeout: LIVE_TIMEOUT });
  expect((await cell.textContent())?.trim()).toBe(title);
}

describe.skipIf(!browserAvailable)('meetings, live across two browsers', () => {
  stage = useStage();
  const stamp = Date.now().toString(36);
  const title = `Hội nghị Ban Thường vụ kiểm thử ${stamp}`;
  const renamed = `Hội nghị Ban Thường vụ (đã đổi tên) ${stamp}`;
  const startsAt = `${new Date().getFullYear() + 1}-01-15T08:30`;
  let meetingId = '';

  beforeAll(async () => {
    alice = await openPerson(stage.browser, { width: 1280, height: 860 }, LIVE_TIMEOUT);
    bao = await openPerson(stage.browser, { width: 900, height: 1000 }, LIVE_TIMEOUT);
  }, 120_000);

  it('signs both people in', async () => {
    await Promise.all([signInToMeetings(alice), signInToMeetings(bao)]);
    await screenshot(alice.page, '01-signed-in');
    expect(await alice.page.getByTestId('viewer-name').textContent()).toBeTruthy();
  }, 60_000);

  it('shows a meeting created in one browser in the other without reloading', async () => {
    const form = alice.page.getByTestId('create-meeting-form');
    await form.getByLabel('Tên cuộc họp', { exact: true }).fill(title);
    await form.getByLabel('Loại cuộc họp', { exact: true }).selectOption('EXTRAORDINARY');
    const committee = form.getByLabel('Cấp ủy', { exact: true });
    // The committee list arrives with the units query; the first committee is preselected.
    await expect.poll(() => committee.inputValue(), { timeout: LIVE_TIMEOUT }).not.toBe('');
    await form.getByLabel('Thời gian bắt đầu', { exact: true }).fill(startsAt);
    await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await alice.page.getByTestId('create-meeting-success').waitFor();

    const aliceRow = alice.page.getByTestId('meeting-row').filter({ hasText: title });
    await aliceRow.waitFor();
    meetingId = (await aliceRow.getAttribute('data-meeting-id')) ?? '';
    expect(meetingId).not.toBe('');
    await screenshot(alice.page, '02-created-by-a');

    const urlBefore = bao.page.url();
    await expectTitle(bao.page, meetingId, title);
    const baoRow = meetingRow(bao.page, meetingId);
    await baoRow.getByText('Bất thường', { exact: true }).waitFor();
    // 15/01/<next year> 08:30 in the organization's time zone, in the Vietnamese form.
    await baoRow.getByText(`15/01/${new Date().getFullYear() + 1} 08:30`, { exact: true }).waitFor();
    expect(bao.page.url()).toBe(urlBefore);
    await screenshot(bao.page, '03-seen-by-b');
  }, 60_000);

  it('shows a rename in one browser in the other', async () => {
    const row = meetingRow(alice.page, meetingId);
    await row.getByRole('button', { name: 'Đổi tên' }).click();
    const input = row.getByLabel('Tên mới của cuộc họp', { exact: true });
    await input.fill(renamed);
    await row.getByRole('button', { name: 'Lưu' }).click();
    await expectTitle(alice.page, meetingId, renamed);

    await expectTitle(bao.page, meetingId, renamed);
    await bao.page.getByText(title, { exact: true }).waitFor({ state: 'detached' });
    await screenshot(bao.page, '04-rename-seen-by-b');
  }, 60_000);

  it('refuses a rename based on a stale version and says so', async () => {
    // B opens the editor, then A renames first: B's save must not overwrite A's silently.
    const baoRow = meetingRow(bao.page, meetingId);
    await baoRow.getByRole('button', { name: 'Đổi tên' }).click();
    await baoRow.getByLabel('Tên mới của cuộc họp', { exact: true }).fill(`${renamed} (B)`);

    const aliceRow = meetingRow(alice.page, meetingId);
    await aliceRow.getByRole('button', { name: 'Đổi tên' }).click();
    await aliceRow.getByLabel('Tên mới của cuộc họp', { exact: true }).fill(`${renamed} (A)`);
    await aliceRow.getByRole('button', { name: 'Lưu' }).click();
    await expectTitle(alice.page, meetingId, `${renamed} (A)`);

    await baoRow.getByRole('button', { name: 'Lưu' }).click();
    const message = baoRow.getByTestId('meeting-row-message');
    await message.waitFor();
    expect(await message.textContent()).toContain('người khác');
    await screenshot(bao.page, '05-conflict-in-b');

    await baoRow.getByRole('button', { name: 'Hủy' }).click();
    await expectTitle(bao.page, meetingId, `${renamed} (A)`);
    await expectTitle(alice.page, meetingId, `${renamed} (A)`);
  }, 60_000);

  it('raised no uncaught errors in either page', () => {
    expect(alice.pageErrors).toEqual([]);
    expect(bao.pageErrors).toEqual([]);
  });
});
