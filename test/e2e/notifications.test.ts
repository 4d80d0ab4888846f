// Notifications in real browsers against the real server over the demo data: the office assigns a task to a
// person on the task page; in the assignee's browser, open elsewhere, the header's bell counts one more
// without a reload (and says so in its live region), its panel names the assignment in words with the
// task's title, and the link opens the task, marking the notification read.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  openPerson,
  PASSWORD,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { LIVE_TIMEOUT, PAGE_TIMEOUT, useStage } from '../support/stage.js';
import { graphqlData, signInOverApi } from '../support/api.js';

const OFFICE = 'office@quorum.test';
const ASSIGNEE = { email: 'tochuc@quorum.test', name: 'Lê Văn Khoa' };
const UNIT = 'Ban Tổ chức Tỉnh ủy';
const TITLE = 'Chuẩn bị báo cáo công tác cán bộ quý IV (thử thông báo)';

let office: Person;
let assignee: Person;

/** The bell's unread count as it shows it (none shown is 0). */
async function bellCount(page: Page): Promise<number> {
  const badge = page.getByTestId('notification-count');
  if ((await badge.count()) === 0) return 0;
  const text = (await badge.textContent()) ?? '0';
  return text === '99+' ? 100 : Number(text);
}

function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 24 * 3600_000),
  );
}

describe.skipIf(!browserAvailable)('notifications in the header, live', () => {
  const stage = useStage();
  beforeAll(async () => {
    office = await openPerson(stage.browser, { width: 1366, height: 1100 }, PAGE_TIMEOUT);
    assignee = await openPerson(stage.browser, { width: 1366, height: 1000 }, PAGE_TIMEOUT);
  }, 120_000);

  it('a task assigned by the office raises the assignee’s bell live, and its notification opens the task', async () => {
    await signIn(assignee, stage.server, ASSIGNEE.email);
    await signIn(office, stage.server, OFFICE, { path: '/tasks' });
    const bell = assignee.page.getByTestId('notification-bell');
    await bell.waitFor();
    const before = await bellCount(assignee.page);

    const form = office.page.getByTestId('create-task-form');
    await form.getByLabel('Tên nhiệm vụ').fill(TITLE);
    await form.getByLabel('Đơn vị được giao').selectOption({ label: UNIT });
    await form.getByLabel('Người thực hiện (không bắt buộc)').selectOption({ label: ASSIGNEE.name });
    await form.getByLabel('Thời hạn').fill(dayFromNow(14));
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();

    await expect.poll(() => bellCount(assignee.page), { timeout: LIVE_TIMEOUT }).toBe(before + 1);
    await expect
      .poll(() => assignee.page.getByTestId('notification-live').textContent())
      .toBe(`Bạn có ${before + 1} thông báo chưa đọc`);
    expect(await bell.getAttribute('aria-label')).toBe(`Thông báo: ${before + 1} chưa đọc`);

    await bell.click();
    const item = assignee.page
      .getByTestId('notification-item')
      .filter({ hasText: TITLE })
      .filter({ hasText: 'Nhiệm vụ được giao' });
    await item.waitFor();
    await screenshot(assignee.page, 'notifications-panel');
    // Escape closes the panel and gives the focus back to the bell.
    await assignee.page.keyboard.press('Escape');
    await assignee.page.getByTestId('notification-panel').waitFor({ state: 'detached' });
    expect(await bell.evaluate((node) => node === document.activeElement)).toBe(true);

    await bell.click();
    await item.getByRole('link').click();
    await assignee.page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
    await assignee.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expect.poll(() => bellCount(assignee.page), { timeout: LIVE_TIMEOUT }).toBe(before);
    expect(assignee.pageErrors).toEqual([]);
    expect(office.pageErrors).toEqual([]);
  });

  it('the assignee switches assignments off on the account page, and the server keeps that', async () => {
    const { page } = assignee;
    await page.goto(`${stage.server.url}/account#notifications`);
    const table = page.getByTestId('notification-preferences');
    const inApp = table.getByRole('checkbox', { name: 'Nhiệm vụ được giao: Trong ứng dụng' });
    const email = table.getByRole('checkbox', { name: 'Nhiệm vụ được giao: Thư điện tử' });
    expect(await inApp.isChecked()).toBe(true);
    await inApp.click();
    await page.getByText('Đã lưu.').waitFor();
    expect(await inApp.isChecked()).toBe(false);
    // E-mail goes only with what is kept in the application.
    expect(await email.isChecked()).toBe(false);
    expect(await email.isDisabled()).toBe(true);
    const token = await signInOverApi(stage.server.url, ASSIGNEE.email, PASSWORD);
    const answer = await graphqlData<{
      viewer: { notificationPreferences: { kind: string; inApp: boolean }[] };
    }>(stage.server.url, '{ viewer { notificationPreferences { kind inApp } } }', token);
    expect(answer.viewer.notificationPreferences.find((p) => p.kind === 'ASSIGNMENT')?.inApp).toBe(false);
    expect(assignee.pageErrors).toEqual([]);
  });
});
