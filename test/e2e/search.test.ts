// Search from the header, in a real browser against the real server over the demo data: `/` puts the cursor
// in the box, words typed without diacritics find a "Tờ trình…", the results page groups it under the
// proposals with their count, and its link opens the proposal.
import { beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable, openPerson, type Person, screenshot, signIn } from '../support/browser.js';
import { PAGE_TIMEOUT, useStage } from '../support/stage.js';

const OFFICE = 'office@quorum.test';
const PROPOSAL =
  'Tờ trình về việc ban hành Quy chế phối hợp giữa Ban Nội chính Tỉnh ủy với các cơ quan tư pháp, thanh tra tỉnh trong công tác phòng, chống tham nhũng, tiêu cực';

let office: Person;

describe.skipIf(!browserAvailable)('search from the header', () => {
  const stage = useStage();
  beforeAll(async () => {
    office = await openPerson(stage.browser, { width: 1366, height: 1000 }, PAGE_TIMEOUT);
  }, 120_000);

  it('"/" opens the box, "to trinh" finds the Tờ trình under proposals, and its link opens it', async () => {
    const { page } = office;
    await signIn(office, stage.server, OFFICE);
    const box = page.getByRole('searchbox', { name: 'Tìm kiếm' });

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('/');
    await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('to trinh');
    await expect.poll(() => box.inputValue()).toBe('to trinh');
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/search\?q=to(\+|%20)trinh$/);
    await page.getByRole('heading', { level: 1, name: 'Kết quả cho “to trinh”' }).waitFor();
    const proposals = page.getByTestId('search-group-PROPOSAL');
    // The group says how many proposals matched, and the seeded one is among them.
    await expect
      .poll(async () => (await proposals.getByRole('heading', { level: 2 }).textContent()) ?? '')
      .toMatch(/^Đề án, tờ trình \(\d+\)$/);
    const link = proposals.getByRole('link', { name: PROPOSAL });
    await link.waitFor();
    await screenshot(page, 'search-results');

    await link.click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: PROPOSAL }).waitFor();
    expect(office.pageErrors).toEqual([]);
  });
});
