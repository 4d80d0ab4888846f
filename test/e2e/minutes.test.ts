// A meeting's minutes, written together in the meeting room: the office (one of the plenary's secretaries)
// opens them pre-filled from the agenda and types; the chair, a plain participant, follows the text live,
// cannot type in it, and downloads it as DOCX and PDF. Then the office loses its connection and types on: it is
// told its text is not yet synced, and the chair has it once the office is back online; typed offline and the
// page closed, the text kept in the browser (IndexedDB) reaches the chair when the minutes are opened again.
// The office keeps a version, sees what it typed since, and restores it into the open editors. Once the meeting
// is closed the minutes are read only for both.
// Drives the built client served by the real server over the demo data (needs the server's minutes).
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphqlData, signInOverApi } from '../support/api.js';
import {
  browserAvailable,
  openPerson,
  PASSWORD,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { LIVE_TIMEOUT, PAGE_TIMEOUT, useStage } from '../support/stage.js';

let office: Person;
let chair: Person;
let roomPath = '';

function editor(page: Page): Locator {
  return page.getByTestId('minutes-editor');
}

/** The minutes' text as their readers see it, without the collaborators' name labels. */
function minutesText(page: Page): Promise<string> {
  return editor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="remote-caret"]').forEach((caret) => caret.remove());
    return copy.innerText;
  });
}

/** Opens the minutes in the room and waits until the server has said what this person may do. */
async function openMinutes(page: Page, editable: boolean): Promise<void> {
  const toggle = page.getByTestId('minutes-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  await page
    .locator(`[data-testid="editor-status"][data-state="connected"][data-editable="${editable}"]`)
    .waitFor();
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/**
 * Resolves once every write y-indexeddb has begun on this page's documents is committed: a read-only
 * transaction over the same store starts only after the read-write ones queued before it.
 */
function storedLocally(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases())
      .map((db) => db.name ?? '')
      .filter((name) => name.endsWith(':minutes'));
    let count = 0;
    for (const name of names) {
      count += await new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('updates', 'readonly').objectStore('updates').count();
          request.onsuccess = () => {
            db.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      });
    }
    return count;
  });
}

describe.skipIf(!browserAvailable)('a meeting’s minutes, written together', () => {
  const stage = useStage();
  beforeAll(async () => {
    office = await openPerson(stage.browser, { width: 1366, height: 1200 }, PAGE_TIMEOUT);
    chair = await openPerson(stage.browser, { width: 1280, height: 1000 }, PAGE_TIMEOUT);
  }, 120_000);

  it('opens the minutes pre-filled from the agenda, and lets the office write', async () => {
    await signIn(office, stage.server, 'office@quorum.test', { path: '/?status=SCHEDULED' });
    const row = office.page.getByTestId('meeting-row').filter({ hasText: 'Hội nghị Ban Chấp hành' }).first();
    await row.getByTestId('meeting-title').click();
    await office.page.getByTestId('meeting-room').waitFor();
    roomPath = new URL(office.page.url()).pathname;

    await openMinutes(office.page, true);
    await expect.poll(() => minutesText(office.page)).toContain('Biên bản Hội nghị Ban Chấp hành');
    const text = await minutesText(office.page);
    expect(text).toContain('1. Khai mạc hội nghị; thông qua chương trình hội nghị');
    expect(text).toContain('Trình bày: Nguyễn Văn Thành');
    await expect
      .poll(() => office.page.getByTestId('minutes-mode').textContent())
      .toContain('Bạn đang cùng ghi biên bản');
    await expect(office.page.getByRole('toolbar').count()).resolves.toBeGreaterThan(0);
    await expect(office.page.getByTestId('minutes-download-docx').isVisible()).resolves.toBe(true);
    await expect(office.page.getByTestId('minutes-download-pdf').isVisible()).resolves.toBe(true);

    await typeAtEnd(office.page, ' Đồng chí Bí thư phát biểu khai mạc hội nghị.');
    await expect
      .poll(() => minutesText(office.page))
      .toContain('Đồng chí Bí thư phát biểu khai mạc hội nghị.');
    await screenshot(office.page, '60-minutes-office');
  }, 60_000);

  it('shows the chair the text live, read only', async () => {
    await signIn(chair, stage.server, 'bithu@quorum.test', { path: roomPath });
    await chair.page.getByTestId('meeting-room').waitFor();
    await openMinutes(chair.page, false);
    await expect
      .poll(() => minutesText(chair.page), { timeout: LIVE_TIMEOUT })
      .toContain('Đồng chí Bí thư phát biểu khai mạc hội nghị.');
    await expect
      .poll(() => chair.page.getByTestId('minutes-mode').textContent())
      .toContain('Biên bản đang được thư ký ghi');
    // What GraphQL says of them, read again as they were opened: stored by now, and not the chair's to write.
    await expect
      .poll(() => chair.page.getByTestId('minutes-summary').textContent())
      .toContain('Bạn xem được biên bản');
    expect(await editor(chair.page).getAttribute('aria-readonly')).toBe('true');
    expect(await editor(chair.page).getAttribute('contenteditable')).toBe('false');

    // The office types on; the chair sees it without reloading.
    const since = Date.now();
    await typeAtEnd(office.page, ' Hội nghị đủ túc số.');
    await expect
      .poll(() => minutesText(chair.page), { timeout: LIVE_TIMEOUT, interval: 25 })
      .toContain('Hội nghị đủ túc số.');
    console.log(`minutes e2e: office's text at the chair after ${Date.now() - since} ms`);

    // The chair's keys change nothing.
    const before = await minutesText(chair.page);
    await editor(chair.page).click();
    await chair.page.keyboard.type('Không được ghi');
    expect(await minutesText(chair.page)).toBe(before);
    await expect.poll(() => minutesText(office.page)).toContain('Hội nghị đủ túc số.');
    expect(await minutesText(office.page)).not.toContain('Không được ghi');
    await screenshot(chair.page, '61-minutes-chair');

    // A reader downloads them too, as DOCX and as PDF, under the server's name for them.
    for (const format of ['docx', 'pdf']) {
      const [download] = await Promise.all([
        chair.page.waitForEvent('download'),
        chair.page.getByTestId(`minutes-download-${format}`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^bien-ban-.+\\.${format}$`));
      expect(await download.failure()).toBeNull();
    }
  }, 60_000);

  it('says what the office types offline is not yet synced, and sends it once back online', async () => {
    await office.context.setOffline(true);
    await office.page.locator('[data-testid="editor-status"][data-state="reconnecting"]').waitFor();
    await typeAtEnd(office.page, ' Ghi khi mất kết nối.');
    await office.page.getByTestId('editor-unsynced').waitFor();
    expect(await office.page.getByTestId('editor-unsynced').textContent()).toContain('Chưa đồng bộ');
    expect(await minutesText(chair.page)).not.toContain('Ghi khi mất kết nối.');
    await screenshot(office.page, '62-minutes-offline');

    await office.context.setOffline(false);
    await expect
      .poll(() => minutesText(chair.page), { timeout: LIVE_TIMEOUT, interval: 25 })
      .toContain('Ghi khi mất kết nối.');
    await expect
      .poll(() => office.page.getByTestId('editor-unsynced').count(), { timeout: LIVE_TIMEOUT })
      .toBe(0);
    await office.page
      .locator('[data-testid="editor-status"][data-state="connected"][data-editable="true"]')
      .waitFor();
  }, 60_000);

  it('keeps what was typed offline across closing the page, and sends it when the minutes are opened again', async () => {
    await office.context.setOffline(true);
    await office.page.locator('[data-testid="editor-status"][data-state="reconnecting"]').waitFor();
    await typeAtEnd(office.page, ' Bổ sung sau khi đóng trang.');
    await office.page.getByTestId('editor-unsynced').waitFor();

    // Still offline, the page is closed: the text is in this browser only.
    expect(await storedLocally(office.page)).toBeGreaterThan(0);
    await office.page.close();
    await office.context.setOffline(false);
    expect(await minutesText(chair.page)).not.toContain('Bổ sung sau khi đóng trang.');
    office.page = await office.context.newPage();
    office.page.setDefaultTimeout(PAGE_TIMEOUT);
    office.page.on('pageerror', (error) => office.pageErrors.push(error.message));
    await office.page.goto(`${stage.server.url}${roomPath}`);
    await office.page.getByTestId('meeting-room').waitFor();
    await openMinutes(office.page, true);

    await expect
      .poll(() => minutesText(chair.page), { timeout: LIVE_TIMEOUT, interval: 25 })
      .toContain('Bổ sung sau khi đóng trang.');
    expect(await minutesText(office.page)).toContain('Ghi khi mất kết nối.');
    expect([...office.pageErrors, ...chair.pageErrors]).toEqual([]);
  }, 60_000);

  it('keeps a version, shows what was typed since, and restores it into the open editor', async () => {
    const page = office.page;
    await page.getByTestId('minutes-versions-toggle').click();
    const versions = page.getByTestId('minutes-versions');
    await versions.getByLabel('Tên phiên bản').fill('Trước phần kết luận');
    await versions.getByRole('button', { name: 'Lưu phiên bản' }).click();
    const kept = versions.getByTestId('version-row').filter({ hasText: 'Trước phần kết luận' });
    await kept.waitFor();

    await typeAtEnd(page, ' Câu viết nhầm cần bỏ.');
    // At the chair: the server has it, so the diff against "now" does too.
    await expect
      .poll(() => minutesText(chair.page), { timeout: LIVE_TIMEOUT })
      .toContain('Câu viết nhầm cần bỏ.');
    await versions.getByRole('button', { name: 'So sánh' }).click();
    await expect
      .poll(() => versions.getByTestId('diff-added').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Câu viết nhầm cần bỏ.')]));

    await kept.getByTestId('restore-version').click();
    await kept.getByTestId('restore-version-confirm').click();
    for (const { page: at } of [office, chair])
      await expect
        .poll(() => minutesText(at), { timeout: LIVE_TIMEOUT })
        .not.toContain('Câu viết nhầm cần bỏ.');
    expect(await minutesText(page)).toContain('Bổ sung sau khi đóng trang.');
    await versions.getByTestId('version-row').filter({ hasText: 'Trước khi khôi phục' }).waitFor();
    await screenshot(page, '63-minutes-versions');

    // The chair reads the versions, and is offered neither keeping nor restoring.
    await chair.page.getByTestId('minutes-versions-toggle').click();
    const chairVersions = chair.page.getByTestId('minutes-versions');
    await chairVersions.getByTestId('version-row').first().waitFor();
    expect(await chairVersions.getByTestId('create-version-form').count()).toBe(0);
    expect(await chairVersions.getByTestId('restore-version').count()).toBe(0);
    expect([...office.pageErrors, ...chair.pageErrors]).toEqual([]);
  }, 60_000);

  it('locks the minutes for everyone once the meeting is closed', async () => {
    const token = await signInOverApi(stage.server.url, 'office@quorum.test', PASSWORD);
    const id = roomPath.split('/').pop() ?? '';
    type Moved = { meeting: { version: number } };
    const { meeting } = await graphqlData<{ meeting: { version: number } }>(
      stage.server.url,
      `query($id: ID!) { meeting(id: $id) { version } }`,
      token,
      { id },
    );
    const started = await graphqlData<{ startMeeting: Moved }>(
      stage.server.url,
      `mutation($input: StartMeetingInput!) { startMeeting(input: $input) { meeting { version } } }`,
      token,
      { input: { id, expectedVersion: meeting.version } },
    );
    await graphqlData<{ closeMeeting: Moved }>(
      stage.server.url,
      `mutation($input: CloseMeetingInput!) { closeMeeting(input: $input) { meeting { version } } }`,
      token,
      { input: { id, expectedVersion: started.startMeeting.meeting.version } },
    );

    for (const { page } of [office, chair]) {
      await expect
        .poll(() => page.getByTestId('minutes-mode').textContent(), { timeout: LIVE_TIMEOUT })
        .toContain('biên bản đã khoá');
      await page.locator('[data-testid="editor-status"][data-editable="false"]').waitFor();
      expect(await editor(page).getAttribute('contenteditable')).toBe('false');
    }
    expect(await office.page.getByRole('toolbar').count()).toBe(0);
    expect([...office.pageErrors, ...chair.pageErrors]).toEqual([]);
  }, 60_000);
});
