// Preparing a meeting as the office does it, and what the others are (not) offered: who sees the create
// form. Drives the built client served by the real server over the demo data.
import type { Browser, Locator, Page } from 'playwright-core';
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

/** `YYYY-MM-DDTHH:mm` (a datetime-local value) moved by `minutes`. */
function plusMinutes(local: string, minutes: number): string {
  return new Date(Date.parse(`${local}:00Z`) + minutes * 60_000).toISOString().slice(0, 16);
}

/** Chooses the option of `select` that names `name` (options read "Name — job title"). */
async function choosePerson(select: Locator, name: string): Promise<void> {
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value ?? '');
}

function participantRow(page: Page, name: string): Locator {
  return page.getByTestId('participant').filter({ hasText: name });
}

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

  it('creates a meeting with its end, place, chair and secretary, opens it from the link and edits them in the room', async () => {
    const office = await onMeetingsList('office@quorum.test');
    const { page } = office;
    const form = page.getByTestId('create-meeting-form');
    const title = `Họp giao ban kiểm thử ${Date.now().toString(36)}`;
    await form.getByLabel('Tên cuộc họp', { exact: true }).fill(title);
    const start = await form.getByLabel('Thời gian bắt đầu', { exact: true }).inputValue();
    await form.getByLabel('Kết thúc (dự kiến)', { exact: true }).fill(plusMinutes(start, 120));
    await form.getByLabel('Địa điểm', { exact: true }).fill('Phòng họp số 1, Tỉnh ủy');
    await choosePerson(form.getByLabel('Chủ trì', { exact: true }), 'Nguyễn Văn Thành');
    await choosePerson(form.getByLabel('Thư ký', { exact: true }), 'Võ Thị Thu Trang');
    await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await page.getByTestId('created-meeting-link').click();

    await page.getByTestId('meeting-room').waitFor();
    expect(await page.getByTestId('room-title').textContent()).toBe(title);
    expect(await page.getByTestId('room-location').textContent()).toBe('Phòng họp số 1, Tỉnh ủy');
    expect(await page.getByTestId('room-chair').textContent()).toBe('Nguyễn Văn Thành');
    expect(await page.getByTestId('room-secretary').textContent()).toBe('Võ Thị Thu Trang');
    await participantRow(page, 'Nguyễn Văn Thành').waitFor();
    expect(await participantRow(page, 'Nguyễn Văn Thành').locator('select').inputValue()).toBe('CHAIR');
    await screenshot(page, '31-created-room');

    // The office hands the chair to someone else from the header: the former chair stays, as a member.
    await page.getByRole('button', { name: 'Sửa thông tin cuộc họp' }).click();
    const edit = page.getByTestId('meeting-details-form');
    await choosePerson(edit.getByLabel('Chủ trì', { exact: true }), 'Đặng Quốc Việt');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('room-chair').textContent()).toBe('Đặng Quốc Việt');
    await expect
      .poll(() => participantRow(page, 'Nguyễn Văn Thành').locator('select').inputValue())
      .toBe('MEMBER');

    // …and back through the participant's role: the header follows.
    await participantRow(page, 'Nguyễn Văn Thành').locator('select').selectOption('CHAIR');
    await expect.poll(() => page.getByTestId('room-chair').textContent()).toBe('Nguyễn Văn Thành');
    await expect
      .poll(() => participantRow(page, 'Đặng Quốc Việt').locator('select').inputValue())
      .toBe('MEMBER');

    // A title over the limit is kept whole, counted, and refused with the field and the limit.
    await page.getByRole('button', { name: 'Sửa thông tin cuộc họp' }).click();
    const long = 'Đ'.repeat(501);
    await edit.getByLabel('Tên cuộc họp', { exact: true }).fill(long);
    expect(await edit.getByLabel('Tên cuộc họp', { exact: true }).inputValue()).toHaveLength(501);
    await edit.getByText('501/500 ký tự').waitFor();
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.getByText('Tiêu đề: tối đa 500 ký tự').waitFor();
    expect(await page.getByTestId('room-title').textContent()).toBe(title);
    expect(office.pageErrors).toEqual([]);
    await office.context.close();
  }, 90_000);

  it('warns in the room when the agenda runs past the planned end', async () => {
    const office = await onMeetingsList('office@quorum.test');
    const { page } = office;
    await page.goto(`${server?.url}/?status=SCHEDULED`);
    await page
      .getByTestId('meeting-row')
      .filter({ hasText: 'Hội nghị Ban Chấp hành' })
      .first()
      .getByTestId('meeting-title')
      .click();
    await page.getByTestId('agenda').waitFor();
    const setEnd = async (minutes: number) => {
      await page.getByRole('button', { name: 'Sửa thông tin cuộc họp' }).click();
      const edit = page.getByTestId('meeting-details-form');
      const start = await edit.getByLabel('Bắt đầu', { exact: true }).inputValue();
      await edit.getByLabel('Kết thúc (dự kiến)', { exact: true }).fill(plusMinutes(start, minutes));
      await edit.getByRole('button', { name: 'Lưu' }).click();
      await edit.waitFor({ state: 'detached' });
    };
    await setEnd(30);
    const warning = page.getByTestId('agenda-overrun');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/quá giờ kết thúc dự kiến/);
    await screenshot(page, '32-agenda-overrun');
    await setEnd(12 * 60);
    await warning.waitFor({ state: 'detached' });
    expect(office.pageErrors).toEqual([]);
    await office.context.close();
  }, 90_000);
});
