// Preparing a meeting as the office does it, and what the others are (not) offered: who sees the create
// form. Drives the built client served by the real server over the demo data.
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

const PAGE_TIMEOUT = 10_000;
let stage: Stage;

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

/**
 * A person signed in on the meetings list, whose rows have arrived (so what is absent is really absent). A
 * committee member lands on the dashboard: the header's link leads to the meetings.
 */
async function onMeetingsList(email: string): Promise<Person> {
  const person = await openPerson(stage.browser, { width: 1280, height: 900 }, PAGE_TIMEOUT);
  await signIn(person, stage.server, email);
  await person.page.getByRole('navigation').getByRole('link', { name: 'Cuộc họp', exact: true }).click();
  await meetingsHeading(person.page).waitFor();
  await person.page.getByTestId('meetings-table').or(person.page.getByTestId('meetings-empty')).waitFor();
  return person;
}

describe.skipIf(!browserAvailable)('preparing a meeting', () => {
  stage = useStage();
  beforeAll(async () => {}, 120_000);

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
    await page.goto(`${stage.server.url}/?status=SCHEDULED`);
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

  it('never says "choose a committee" while one shows: the form waits for the committees', async () => {
    const person = await openPerson(stage.browser, { width: 1280, height: 900 }, PAGE_TIMEOUT);
    const { page } = person;
    // The committees arrive late (a slow office network): 3 s after everything else.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as { operationName?: string } | null;
      if (body?.operationName === 'Units') await new Promise((resolve) => setTimeout(resolve, 3_000));
      await route.continue();
    });
    await signIn(person, stage.server, 'office@quorum.test', { signedIn: meetingsHeading });
    const form = page.getByTestId('create-meeting-form');
    const title = `Họp sớm ${Date.now().toString(36)}`;
    const committee = form.getByLabel('Cấp ủy', { exact: true });
    await form.getByLabel('Tên cuộc họp', { exact: true }).fill(title);
    // Submitting before the committees are there (the race this guards against).
    expect(await committee.isDisabled()).toBe(true);
    await form.getByLabel('Tên cuộc họp', { exact: true }).press('Enter');
    await form.getByRole('button', { name: 'Tạo cuộc họp' }).click({ trial: true, timeout: 5_000 });
    await expect.poll(() => committee.inputValue()).not.toBe('');
    expect(await form.getByText('Vui lòng chọn cấp ủy.').count()).toBe(0);
    await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await page.getByTestId('create-meeting-success').waitFor();
    expect(await form.getByText('Vui lòng chọn cấp ủy.').count()).toBe(0);
    expect(person.pageErrors).toEqual([]);
    await person.context.close();
  }, 60_000);

  it('adds several people and a whole unit at once, and never offers the system administrator', async () => {
    const office = await onMeetingsList('office@quorum.test');
    const { page } = office;
    const form = page.getByTestId('create-meeting-form');
    await form
      .getByLabel('Tên cuộc họp', { exact: true })
      .fill(`Họp mời nhiều người ${Date.now().toString(36)}`);
    await form.getByRole('button', { name: 'Tạo cuộc họp' }).click();
    await page.getByTestId('created-meeting-link').click();
    await page.getByTestId('participants').waitFor();
    expect(await page.getByTestId('participant').count()).toBe(0);

    await page.getByRole('button', { name: 'Thêm thành phần' }).click();
    const add = page.getByTestId('add-participant-form');
    const people = add.getByLabel('Người được mời', { exact: true });
    await people.locator('option', { hasText: 'Nguyễn Văn Thành' }).waitFor();
    expect(await people.locator('option', { hasText: 'Quản trị hệ thống' }).count()).toBe(0);
    const value = (name: string) => people.locator('option', { hasText: name }).first().getAttribute('value');
    await people.selectOption([(await value('Nguyễn Văn Thành'))!, (await value('Đặng Quốc Việt'))!]);
    const units = add.getByLabel('Cả đơn vị (các thành viên đang hoạt động)', { exact: true });
    const unit = await units.locator('option', { hasText: 'Ủy ban Kiểm tra Tỉnh ủy' }).getAttribute('value');
    await units.selectOption([unit!]);
    await add.getByLabel('Vai trò', { exact: true }).selectOption('MEMBER');
    await add.getByRole('button', { name: 'Thêm thành phần' }).click();

    await participantRow(page, 'Nguyễn Thị Lệ Hằng').waitFor();
    for (const name of ['Nguyễn Văn Thành', 'Đặng Quốc Việt', 'Phan Đình Lộc'])
      expect(await participantRow(page, name).count()).toBe(1);
    expect(await page.getByTestId('participant').count()).toBeGreaterThan(3);
    expect(await participantRow(page, 'Quản trị hệ thống').count()).toBe(0);
    await screenshot(page, '33-participants-added');
    expect(office.pageErrors).toEqual([]);
    await office.context.close();
  }, 90_000);

  it("fits the office's meeting room on a phone (390 px), reorder buttons included", async () => {
    const phone = await openPerson(stage.browser, { width: 390, height: 844 }, PAGE_TIMEOUT);
    const { page } = phone;
    await signIn(phone, stage.server, 'office@quorum.test', {
      path: '/?status=SCHEDULED',
      signedIn: meetingsHeading,
    });
    await page
      .getByTestId('meeting-row')
      .filter({ hasText: 'Hội nghị Ban Chấp hành' })
      .first()
      .getByTestId('meeting-title')
      .click();
    await page.getByTestId('agenda').waitFor();
    await page.locator('[data-move]').first().waitFor();
    const wide = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((element) => element.getBoundingClientRect().right > 391)
        .slice(0, 8)
        .map(
          (element) =>
            `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`,
        ),
    );
    await screenshot(page, '34-room-phone');
    expect(wide).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const moves = await page
      .locator('[data-move]')
      .evaluateAll((buttons) =>
        buttons.map((button) => button.getBoundingClientRect()).map((r) => [r.left, r.right]),
      );
    expect(moves.length).toBeGreaterThan(0);
    for (const [left, right] of moves) {
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(390);
    }
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();
  }, 60_000);
});
