// Administration and the account page, in a real browser against the real server: an administrator
// invites someone, who signs in elsewhere with the temporary password and is signed out there the
// moment the administrator deactivates them; office staff create an API token that is shown once.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  fillLogin,
  meetingsHeading,
  openPerson,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { type Stage, useStage } from '../support/stage.js';

const TIMEOUT = 10_000;
const DESKTOP = { width: 1280, height: 900 };

let stage: Stage;
let admin: Person;
let newcomer: Person;
let office: Person;

function serverUrl(): string {
  return stage.server.url;
}

/** A GraphQL request outside the browser, as an integrator would send it. */
async function graphql(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{
  data?: Record<string, unknown> | null;
  errors?: Array<{ extensions?: Record<string, unknown> }>;
}> {
  const response = await fetch(`${serverUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Awaited<ReturnType<typeof graphql>>;
}

function userRow(page: Page, email: string): Locator {
  return page.locator(`[data-testid="user-row"][data-email="${email}"]`);
}

describe.skipIf(!browserAvailable)('administration and the account page', () => {
  stage = useStage();
  const stamp = Date.now().toString(36);
  const newEmail = `nguoimoi-${stamp}@quorum.test`;
  const newName = `Nguyễn Văn Mới ${stamp}`;
  const tokenName = `Đồng bộ văn bản ${stamp}`;
  const unitName = `Phòng Thử nghiệm ${stamp}`;
  let temporaryPassword = '';
  let apiToken = '';

  beforeAll(async () => {
    admin = await openPerson(stage.browser, DESKTOP, TIMEOUT);
    newcomer = await openPerson(stage.browser, { width: 1024, height: 800 }, TIMEOUT);
    office = await openPerson(stage.browser, DESKTOP, TIMEOUT);
  }, 120_000);

  it('shows administrators the user directory, searchable without diacritics', async () => {
    await signIn(admin, stage.server, 'admin@quorum.test', { signedIn: meetingsHeading });
    const { page } = admin;
    await page.getByTestId('nav-admin').click();
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    await userRow(page, 'office@quorum.test').waitFor();
    expect(await page.getByTestId('user-row').count()).toBeGreaterThan(10);
    // The admin's own row offers no way to lock themselves out.
    const own = userRow(page, 'admin@quorum.test');
    await own.getByText('Bạn', { exact: true }).waitFor();
    expect(await own.getByRole('button', { name: /Khóa tài khoản/ }).count()).toBe(0);
    await screenshot(page, 'admin-users');

    // "kiem tra" finds "Kiểm tra viên … Ủy ban Kiểm tra".
    await page.getByTestId('user-search').fill('kiem tra vien');
    await userRow(page, 'kiemtra@quorum.test').waitFor();
    await userRow(page, 'office@quorum.test').waitFor({ state: 'detached' });
    await page.getByTestId('user-search').fill('');
    await userRow(page, 'office@quorum.test').waitFor();
  }, 60_000);

  it('invites a user and shows the temporary password once', async () => {
    const { page } = admin;
    const opener = page.getByTestId('invite-user');
    await opener.click();
    const dialog = page.getByTestId('invite-dialog');
    await dialog.getByRole('heading', { name: 'Thêm người dùng' }).waitFor();
    // Focus starts in the form; an empty submit is refused at the fields.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('email');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await dialog.getByText('Vui lòng nhập email.').waitFor();
    await dialog.getByText('Vui lòng nhập họ và tên.').waitFor();

    await dialog.getByLabel('Email', { exact: true }).fill(newEmail);
    await dialog.getByLabel('Họ và tên', { exact: true }).fill(newName);
    await dialog.getByLabel(/^Chức vụ/).fill('Chuyên viên Phòng Tổng hợp');
    await dialog.getByLabel(/^Đơn vị/).selectOption({ label: 'Văn phòng Tỉnh ủy (VPTU)' });
    await dialog.getByLabel('Vai trò trong đơn vị', { exact: true }).selectOption('STAFF');
    await dialog.getByRole('button', { name: 'Tạo tài khoản' }).click();

    const secret = page.getByTestId('temporary-password-value');
    await secret.waitFor();
    temporaryPassword = await secret.inputValue();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(10);
    await dialog.getByText('chỉ hiển thị một lần').waitFor();
    await screenshot(page, 'admin-invite-password');

    await dialog.getByRole('button', { name: 'Xong, tôi đã lưu lại' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Focus goes back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'invite-user',
    );
    const row = userRow(page, newEmail);
    await row.waitFor();
    await row.getByText('VPTU').waitFor();
    expect(await page.content()).not.toContain(temporaryPassword);
  }, 60_000);

  it('lets the new user sign in with it elsewhere, without administration', async () => {
    await signIn(newcomer, stage.server, newEmail, {
      password: temporaryPassword,
      signedIn: meetingsHeading,
    });
    const { page } = newcomer;
    expect(await page.getByTestId('viewer-name').textContent()).toBe(newName);
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    await page.getByTestId('account-profile').getByText(newEmail).waitFor();
    await page.getByTestId('account-profile').getByText('Văn phòng Tỉnh ủy (VPTU)').waitFor();
    await page
      .locator('[data-testid="session"][data-current="true"]')
      .getByText('Thiết bị này', { exact: true })
      .waitFor();

    // The administration pages, opened directly, refuse politely.
    await page.goto(`${serverUrl()}/admin/users`);
    await page.getByTestId('admin-forbidden').getByText('Bạn không có quyền mở trang này').waitFor();
    expect(await page.getByTestId('users-table').count()).toBe(0);
    await screenshot(page, 'admin-forbidden');
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
  }, 60_000);

  it('deactivates them, which sends the other browser back to the login page at once', async () => {
    const { page } = admin;
    const row = userRow(page, newEmail);
    await row.getByRole('button', { name: `Khóa tài khoản của ${newName}` }).click();
    const dialog = page.getByTestId('user-active-dialog');
    await dialog.getByText('kết nối trực tiếp').waitFor();
    await screenshot(page, 'admin-deactivate-dialog');
    // Escape cancels, and nothing changes.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row.getAttribute('data-active')).toBe('true');

    await row.getByRole('button', { name: `Khóa tài khoản của ${newName}` }).click();
    await page.getByTestId('user-active-dialog-confirm').click();
    await page.locator(`[data-testid="user-row"][data-email="${newEmail}"][data-active="false"]`).waitFor();
    await page.getByTestId('admin-notice').getByText(`Đã khóa tài khoản của ${newName}.`).waitFor();

    // No click, no reload: the live socket is closed with 4403 and the client signs out.
    await newcomer.page.getByTestId('login-form').waitFor({ timeout: TIMEOUT });
    await newcomer.page.getByTestId('session-ended').waitFor();
    await screenshot(newcomer.page, 'admin-signed-out');
    // And the temporary password no longer opens anything.
    await fillLogin(newcomer.page, newEmail, temporaryPassword);
    await newcomer.page.getByTestId('login-error').getByText('Email hoặc mật khẩu không đúng').waitFor();
  }, 60_000);

  it('manages a user’s units: add, change the role, remove', async () => {
    const { page } = admin;
    await userRow(page, newEmail)
      .getByRole('button', { name: `Quản lý đơn vị của ${newName}` })
      .click();
    const dialog = page.getByTestId('memberships-dialog');
    await dialog.getByTestId('membership').filter({ hasText: 'Văn phòng Tỉnh ủy' }).waitFor();

    const add = dialog.getByTestId('membership-add');
    await add.getByLabel('Đơn vị', { exact: true }).selectOption({ label: 'Ban Tổ chức Tỉnh ủy (BTC)' });
    await add.getByLabel('Vai trò', { exact: true }).selectOption('DEPUTY');
    await add.getByRole('button', { name: 'Thêm' }).click();
    const btc = dialog.getByTestId('membership').filter({ hasText: 'Ban Tổ chức Tỉnh ủy' });
    await btc.waitFor();
    expect(await btc.getByLabel('Vai trò tại Ban Tổ chức Tỉnh ủy').inputValue()).toBe('DEPUTY');
    await btc.getByLabel('Vai trò tại Ban Tổ chức Tỉnh ủy').selectOption('HEAD');
    await dialog.getByTestId('memberships-status').getByText('Đã lưu.').waitFor();
    await userRow(page, newEmail).getByText('Trưởng').waitFor();
    await screenshot(page, 'admin-memberships');

    const vptu = dialog.getByTestId('membership').filter({ hasText: 'Văn phòng Tỉnh ủy' });
    await vptu.getByRole('button', { name: `Gỡ ${newName} khỏi Văn phòng Tỉnh ủy` }).click();
    await vptu.getByRole('button', { name: 'Gỡ khỏi đơn vị' }).click();
    await vptu.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const row = userRow(page, newEmail);
    await row.getByText('BTC').waitFor();
    expect(await row.getByText('VPTU').count()).toBe(0);
  }, 60_000);

  it('shows the unit tree and creates a unit under its parent', async () => {
    const { page } = admin;
    await page
      .getByRole('navigation', { name: 'Các mục quản trị' })
      .getByRole('link', { name: 'Đơn vị' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Đơn vị' }).waitFor();
    const tree = page.getByTestId('unit-tree');
    // The standing board sits inside the executive committee.
    await tree
      .locator('[data-testid="unit-node"][data-depth="1"]')
      .filter({ hasText: 'Ban Thường vụ Tỉnh ủy' })
      .first()
      .waitFor();

    await page.getByTestId('create-unit').click();
    const dialog = page.getByTestId('unit-dialog');
    await dialog.getByLabel('Tên đơn vị', { exact: true }).fill(unitName);
    await dialog.getByLabel(/^Tên viết tắt/).fill('PTN');
    await dialog.getByLabel('Loại đơn vị', { exact: true }).selectOption('DEPARTMENT');
    await dialog
      .getByLabel('Đơn vị cấp trên', { exact: true })
      .selectOption({ label: 'Văn phòng Tỉnh ủy (VPTU)' });
    await dialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('admin-notice').getByText(`Đã thêm đơn vị “${unitName}”.`).waitFor();
    // Nested under the office.
    const office = tree
      .locator('[data-testid="unit-node"][data-depth="0"]')
      .filter({ hasText: 'Văn phòng Tỉnh ủy' });
    const created = office.locator('[data-testid="unit-node"][data-depth="1"]').filter({ hasText: unitName });
    await created.waitFor();

    // Edit: rename it and move it to the top level.
    await created.getByRole('button', { name: `Sửa đơn vị ${unitName}` }).click();
    await dialog.getByLabel('Tên đơn vị', { exact: true }).fill(`${unitName} (sửa)`);
    await dialog.getByLabel('Đơn vị cấp trên', { exact: true }).selectOption('');
    await dialog.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await dialog.waitFor({ state: 'detached' });
    await tree
      .locator('[data-testid="unit-node"][data-depth="0"]')
      .filter({ hasText: `${unitName} (sửa)` })
      .waitFor();
    await screenshot(page, 'admin-units');
  }, 60_000);

  it('lets office staff create a READ API token on their account page, shown once', async () => {
    await signIn(office, stage.server, 'office@quorum.test', { signedIn: meetingsHeading });
    const { page } = office;
    await page.getByRole('link', { name: 'Tài khoản', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tài khoản của tôi' }).waitFor();
    expect(await page.getByTestId('nav-admin').count()).toBe(0);
    await page.getByTestId('my-tokens-empty').waitFor();

    // A wrong current password is reported at its field.
    const password = page.getByTestId('password-form');
    await password.getByLabel('Mật khẩu hiện tại', { exact: true }).fill('not-the-password');
    await password.getByLabel('Mật khẩu mới', { exact: true }).fill('mot-mat-khau-moi-2026');
    await password.getByLabel('Nhập lại mật khẩu mới', { exact: true }).fill('mot-mat-khau-moi-2026');
    await password.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await password.getByText('Mật khẩu hiện tại không đúng.').waitFor();
    const current = password.getByLabel('Mật khẩu hiện tại', { exact: true });
    expect(await current.getAttribute('aria-invalid')).toBe('true');
    expect(await current.evaluate((element) => element === document.activeElement)).toBe(true);

    const form = page.getByTestId('create-token-form');
    await form.getByLabel('Tên khóa', { exact: true }).fill(tokenName);
    expect(await form.getByLabel(/^Đọc/).isChecked()).toBe(true);
    expect(await form.getByLabel(/^Ghi/).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Tạo khóa' }).click();

    const dialog = page.getByTestId('token-created-dialog');
    const value = page.getByTestId('new-api-token-value');
    await value.waitFor();
    apiToken = await value.inputValue();
    expect(apiToken).toMatch(/^qt_/);
    await dialog.getByText('Đây là lần duy nhất khóa được hiển thị').waitFor();
    await screenshot(page, 'admin-account-token');

    await dialog.getByRole('button', { name: 'Xong, tôi đã lưu lại' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page
      .getByTestId('my-tokens-table')
      .getByTestId('api-token-row')
      .filter({ hasText: tokenName });
    await row.waitFor();
    await row.getByText('Đọc', { exact: true }).waitFor();
    expect(await row.getAttribute('data-state')).toBe('active');
    expect(await page.content()).not.toContain(apiToken);

    // The token reads the API as its owner.
    const answer = await graphql(apiToken, '{ viewer { email } }');
    expect(answer.data?.['viewer']).toEqual({ email: 'office@quorum.test' });
  }, 60_000);

  it('issues a calendar feed URL once, absolute, that a calendar app can read', async () => {
    const { page } = office;
    const section = page.locator('#calendar-feed');
    await section.locator('[data-testid="calendar-feed"][data-state="none"]').waitFor();
    await section.getByRole('button', { name: 'Tạo địa chỉ đăng ký' }).click();
    const url = await page.getByTestId('calendar-feed-url-value').inputValue();
    expect(url.startsWith(`${serverUrl()}/calendar/`)).toBe(true);
    await page.getByTestId('calendar-feed-dialog').getByText('Thêm địa chỉ này vào ứng dụng lịch').waitFor();
    await screenshot(page, 'admin-account-calendar-feed');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page
      .getByTestId('calendar-feed-dialog')
      .getByRole('button', { name: 'Xong, tôi đã lưu lại' })
      .click();
    await section.locator('[data-testid="calendar-feed"][data-state="active"]').waitFor();
    await screenshot(page, 'admin-account');
  }, 60_000);

  it('shows administrators every token with its owner, and revokes one', async () => {
    const { page } = admin;
    await page
      .getByRole('navigation', { name: 'Các mục quản trị' })
      .getByRole('link', { name: 'Khóa truy cập API' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Khóa truy cập API' }).waitFor();
    const row = page
      .getByTestId('admin-tokens-table')
      .getByTestId('api-token-row')
      .filter({ hasText: tokenName });
    await row.getByText('office@quorum.test').waitFor();
    await row.getByRole('button', { name: `Thu hồi khóa ${tokenName}` }).click();
    await page.getByTestId('revoke-token-dialog').getByText('bị từ chối ngay lập tức').waitFor();
    await page.getByTestId('revoke-token-dialog-confirm').click();
    await page
      .getByTestId('admin-tokens-table')
      .locator('[data-testid="api-token-row"][data-state="revoked"]')
      .filter({ hasText: tokenName })
      .waitFor();
    await screenshot(page, 'admin-tokens');

    const answer = await graphql(apiToken, '{ viewer { email } }');
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  }, 60_000);

  it('tells how many minutes to wait when sign-ins are rate limited', async () => {
    const { page } = newcomer;
    const email = `khongco-${stamp}@quorum.test`;
    const login = 'mutation ($input: LoginInput!) { login(input: $input) { token } }';
    // Ten failures on one account, then the account is locked for the window (15 minutes).
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await graphql(null, login, { input: { email, password: 'sai-mat-khau' } });
    }
    await fillLogin(page, email, 'sai-mat-khau');
    await page.getByTestId('login-error').getByText('Vui lòng thử lại sau 15 phút.').waitFor();
    await screenshot(page, 'admin-rate-limited');
  }, 60_000);

  it('raised no uncaught errors in any page', () => {
    expect(admin.pageErrors).toEqual([]);
    expect(newcomer.pageErrors).toEqual([]);
    expect(office.pageErrors).toEqual([]);
  });
});
