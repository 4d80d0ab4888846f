// A proposal drafted together and appraised, in real browsers against the real server: a drafter and a
// colleague of the lead unit type into the same body over /collab and each sees the other's text and caret
// within the live budget; the office sends it to appraisal; a reviewer of the unit asked selects a passage and
// comments on it, and the drafter sees the comment appear beside that passage, live, and resolves it.
// Drives the built client served by the real server over the demo data.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphqlData, signInOverApi } from '../support/api.js';
import {
  browserAvailable,
  openPerson,
  PASSWORD,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { PAGE_TIMEOUT, useStage } from '../support/stage.js';

/** What the issue promises: another person's typing is on screen within a second (plus a margin). */
const LIVE_BUDGET = 1_500;

const DRAFTER = { email: 'tochuc@quorum.test', name: 'Lê Văn Khoa' };
const COLLEAGUE = { email: 'thunth@quorum.test', name: 'Nguyễn Thị Hoài Thu' };
const REVIEWER = { email: 'kiemtra@quorum.test', name: 'Nguyễn Thị Lệ Hằng' };

let drafter: Person;
let colleague: Person;
let reviewer: Person;
let proposalPath = '';
const timings: Record<string, number> = {};

function editor(page: Page): Locator {
  return page.getByTestId('proposal-editor');
}

async function editorReady(page: Page, editable: boolean): Promise<void> {
  await page
    .locator(`[data-testid="editor-status"][data-state="connected"][data-editable="${editable}"]`)
    .waitFor();
}

/** The body's text as its readers see it, without the collaborators' name labels. */
function bodyText(page: Page): Promise<string> {
  return editor(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="remote-caret"]').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });
}

/** Waits until `page` shows `text` in the body, and says how long after `since` that was. */
async function seesText(page: Page, text: string, since: number): Promise<number> {
  await expect.poll(() => editor(page).innerText(), { timeout: LIVE_BUDGET, interval: 20 }).toContain(text);
  return Date.now() - since;
}

/** Waits until `page` shows the caret of `name`, and says how long after `since` that was. */
async function seesCaret(page: Page, name: string, since: number): Promise<number> {
  await page
    .locator(`[data-testid="remote-caret"][data-user="${name}"]`)
    .waitFor({ state: 'attached', timeout: LIVE_BUDGET });
  return Date.now() - since;
}

/** Types at the end of the body, as a person who clicked there would. */
async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editor(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** Selects `phrase` in the body as a mouse would (the reviewer's view is read-only). */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate(async (wanted) => {
    const root = document.querySelector('[data-testid="proposal-editor"]');
    if (!root) throw new Error('no editor');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      // The editor reads a DOM selection on `selectionchange`, a task of its own: a key pressed before it
      // runs acts on the old selection (it deleted one character instead of the phrase, now and then).
      // Wait for that event, then a frame, before handing back.
      const read = new Promise<void>((resolve) =>
        document.addEventListener('selectionchange', () => requestAnimationFrame(() => resolve()), {
          once: true,
        }),
      );
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      await read;
      return;
    }
    throw new Error(`"${wanted}" is not in the body`);
  }, phrase);
}

describe.skipIf(!browserAvailable)('a proposal drafted together and appraised, in two browsers', () => {
  const stage = useStage();
  beforeAll(async () => {
    drafter = await openPerson(stage.browser, { width: 1366, height: 1000 }, PAGE_TIMEOUT);
    colleague = await openPerson(stage.browser, { width: 1366, height: 1000 }, PAGE_TIMEOUT);
    reviewer = await openPerson(stage.browser, { width: 1366, height: 1000 }, PAGE_TIMEOUT);
  }, 120_000);

  afterAll(async () => {
    console.log('proposal e2e timings (ms):', JSON.stringify(timings));
  });

  it("lands a department's drafter on the proposals and lets them create one", async () => {
    await signIn(drafter, stage.server, DRAFTER.email);
    // A drafter's home is the proposals (their unit's, or those waiting for its appraisal), not the meetings.
    await drafter.page.waitForURL(/\/proposals\?view=(mine|waiting)$/);
    await drafter.page
      .getByTestId('proposals-table')
      .or(drafter.page.getByTestId('proposals-empty'))
      .waitFor();
    await drafter.page.getByTestId('proposal-view-mine').click();
    await drafter.page.waitForURL(/\/proposals\?view=mine$/);
    // Every row of "my proposals" is drafted by the drafter's unit (the demo data has several). Polled: the
    // view changes in a transition, so the previous view's table may still show for a moment.
    const leadUnits = () =>
      drafter.page.getByTestId('proposal-row').locator('td:nth-child(3)').allTextContents();
    await expect
      .poll(async () => [...new Set(await leadUnits())], { timeout: PAGE_TIMEOUT })
      .toEqual(['BTC']);
    await screenshot(drafter.page, '40-proposals-mine');

    const form = drafter.page.getByTestId('create-proposal-form');
    await form
      .getByLabel('Tên đề án', { exact: true })
      .fill('Đề án thử: nâng cao chất lượng sinh hoạt chi bộ');
    await form.getByLabel(/^Số ký hiệu/).fill('99-ĐA/TU');
    await form.getByRole('button', { name: 'Tạo đề án' }).click();
    await drafter.page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    proposalPath = new URL(drafter.page.url()).pathname;
    await expect
      .poll(() => drafter.page.getByTestId('proposal-heading').textContent())
      .toContain('sinh hoạt chi bộ');
    expect(await drafter.page.getByTestId('proposal-status').textContent()).toBe('Đang soạn thảo');
    expect(await drafter.page.getByTestId('proposal-lead-unit').textContent()).toBe('Ban Tổ chức Tỉnh ủy');
    await editorReady(drafter.page, true);
  }, 90_000);

  it("shows each drafter the other's text and caret within a second", async () => {
    await signIn(colleague, stage.server, COLLEAGUE.email, { path: proposalPath });
    await editorReady(colleague.page, true);

    // Measured from the last key pressed to the text (all of it) and the caret on the other screen.
    await typeAtEnd(drafter.page, 'Mục tiêu: mỗi chi bộ sinh hoạt chuyên đề ít nhất một lần mỗi quý.');
    let since = Date.now();
    timings['drafterTextAtColleague'] = await seesText(colleague.page, 'ít nhất một lần mỗi quý.', since);
    timings['drafterCaretAtColleague'] = await seesCaret(colleague.page, DRAFTER.name, since);

    await typeAtEnd(colleague.page, ' Giải pháp: tăng cường kiểm tra, giám sát.');
    since = Date.now();
    timings['colleagueTextAtDrafter'] = await seesText(drafter.page, 'tăng cường kiểm tra, giám sát.', since);
    timings['colleagueCaretAtDrafter'] = await seesCaret(drafter.page, COLLEAGUE.name, since);

    // Both end with the same text, in the same order.
    await expect.poll(() => bodyText(drafter.page)).toBe(await bodyText(colleague.page));
    // Who else is in the document, by name, for screen readers too.
    await drafter.page.getByTestId('collaborators').getByText(COLLEAGUE.name).waitFor();
    await screenshot(drafter.page, '41-proposal-co-editing');

    // Undo is per person: the colleague's undo takes back only the colleague's typing.
    await colleague.page.keyboard.press('Control+z');
    await expect.poll(() => bodyText(drafter.page), { timeout: PAGE_TIMEOUT }).not.toContain('giám sát');
    expect(await bodyText(drafter.page)).toContain('ít nhất một lần mỗi quý');
  }, 60_000);

  it('lets a reviewer of the unit asked comment on a passage, and the drafter see it beside it and resolve it', async () => {
    const proposalId = proposalPath.split('/').at(-1);
    // The office sends the proposal to the Inspection Commission (UBKT) for appraisal.
    const office = await signInOverApi(stage.server.url, 'office@quorum.test', PASSWORD);
    const { units } = await graphqlData<{ units: { edges: { node: { id: string; shortName: string } }[] } }>(
      stage.server.url,
      `{ units(first: 100) { edges { node { id shortName } } } }`,
      office,
    );
    const ubkt = units.edges.find((edge) => edge.node.shortName === 'UBKT')?.node.id;
    await graphqlData(
      stage.server.url,
      `mutation($input: RequestAppraisalInput!) { requestAppraisal(input: $input) { appraisal { id } } }`,
      office,
      {
        input: {
          proposalId,
          unitIds: [ubkt],
          dueAt: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
          note: 'Đề nghị Ủy ban Kiểm tra cho ý kiến thẩm định.',
        },
      },
    );
    // The drafters see the move live, and still edit (the text may change during appraisal).
    await expect.poll(() => drafter.page.getByTestId('proposal-status').textContent()).toBe('Đang thẩm định');

    // The reviewer's home lists it as waiting for their unit.
    await signIn(reviewer, stage.server, REVIEWER.email);
    await reviewer.page.waitForURL(/\/proposals\?view=waiting$/);
    const row = reviewer.page.locator(`[data-testid="proposal-row"][data-proposal-id="${proposalId}"]`);
    await row.getByTestId('proposal-waiting').waitFor();
    await row.getByTestId('proposal-title').click();
    await editorReady(reviewer.page, false);
    await expect.poll(() => editor(reviewer.page).innerText()).toContain('ít nhất một lần mỗi quý');

    const passage = 'mỗi chi bộ sinh hoạt chuyên đề';
    await selectPhrase(reviewer.page, passage);
    await reviewer.page.getByTestId('add-comment').click();
    const form = reviewer.page.getByTestId('new-comment-form');
    await form.getByLabel('Ý kiến của đơn vị bạn').fill('Đề nghị làm rõ cơ sở của chỉ tiêu này.');
    const since = Date.now();
    await form.getByRole('button', { name: 'Gửi' }).click();

    // The drafter sees it appear beside its passage, the passage marked in the text.
    const thread = drafter.page.locator('[data-testid="comment-thread"][data-placement="attached"]');
    await thread.filter({ hasText: 'cơ sở của chỉ tiêu này' }).waitFor({ timeout: PAGE_TIMEOUT });
    timings['commentAtDrafter'] = Date.now() - since;
    expect(await thread.getByTestId('comment-quote').textContent()).toBe(passage);
    const marked = drafter.page.locator('[data-testid="proposal-editor"] .comment-anchor');
    await marked.first().waitFor();
    expect((await marked.allTextContents()).join('')).toBe(passage);
    const cardBox = await thread.boundingBox();
    const passageBox = await marked.first().boundingBox();
    if (!cardBox || !passageBox) throw new Error('not laid out');
    // Beside it: to the right of the text, at the passage's height.
    expect(cardBox.x).toBeGreaterThan(passageBox.x + passageBox.width);
    expect(Math.abs(cardBox.y - passageBox.y)).toBeLessThan(40);
    await screenshot(drafter.page, '42-proposal-comment');

    // The comment stays on its passage while the drafter types before it.
    await editor(drafter.page).click();
    await drafter.page.keyboard.press('Control+Home');
    await drafter.page.keyboard.type('Dự thảo lần 2. ');
    await expect.poll(() => marked.allTextContents().then((parts) => parts.join(''))).toBe(passage);
    await thread.waitFor();

    // The drafter resolves it with an answer; the reviewer sees that live.
    await thread.getByTestId('resolve-comment').click();
    const resolve = thread.getByTestId('resolve-form');
    await resolve.getByLabel(/^Giải trình/).fill('Đã bổ sung căn cứ tại Phụ lục 1.');
    await resolve.getByRole('button', { name: 'Tiếp thu' }).click();
    await drafter.page
      .locator('[data-testid="comment-thread"][data-status="RESOLVED"]')
      .getByText('Đã bổ sung căn cứ tại Phụ lục 1.')
      .waitFor();
    await reviewer.page
      .locator('[data-testid="comment-thread"][data-status="RESOLVED"]')
      .getByText('Đã bổ sung căn cứ tại Phụ lục 1.')
      .waitFor({ timeout: PAGE_TIMEOUT });
    await screenshot(reviewer.page, '43-proposal-comment-resolved');

    // The drafter deletes the passage: the comment is kept, shown apart as detached, on both screens.
    const prefix = 'Dự thảo lần 2. Mục tiêu: ';
    await expect.poll(() => bodyText(drafter.page)).toContain(prefix + passage);
    await editor(drafter.page).click();
    await selectPhrase(drafter.page, passage);
    await drafter.page.keyboard.press('Delete');
    await expect.poll(() => bodyText(drafter.page)).toContain(`${prefix} ít nhất`);
    for (const page of [drafter.page, reviewer.page]) {
      const detached = page.getByTestId('detached-comments').getByTestId('comment-thread');
      await detached.filter({ hasText: 'cơ sở của chỉ tiêu này' }).waitFor({ timeout: PAGE_TIMEOUT });
      expect(await detached.getByTestId('comment-quote').textContent()).toBe(passage);
      await page.getByTestId('detached-comments').getByText('Đoạn văn đã bị xoá:').waitFor();
    }
    expect(
      await drafter.page.locator('[data-testid="comment-thread"][data-placement="attached"]').count(),
    ).toBe(0);
    await screenshot(drafter.page, '44-proposal-comment-detached');
  }, 90_000);

  it("takes the unit's verdict, closes the round and shows it in the report and the history", async () => {
    await reviewer.page.getByTestId('proposal-tab-appraisal').click();
    const round = reviewer.page.getByTestId('appraisal-round');
    await round.getByTestId('appraisal-assignment').filter({ hasText: 'Ủy ban Kiểm tra Tỉnh ủy' }).waitFor();
    const form = round.getByTestId('verdict-form');
    await form.getByLabel('Đồng ý, đề nghị chỉnh sửa').check();
    // Asking for changes says which.
    await form.getByRole('button', { name: 'Gửi ý kiến thẩm định' }).click();
    await form.getByText('Vui lòng nêu nội dung cần chỉnh sửa').waitFor();
    await form.getByLabel(/^Nội dung ý kiến/).fill('Bổ sung lộ trình thực hiện chỉ tiêu theo từng năm.');
    await form.getByRole('button', { name: 'Gửi ý kiến thẩm định' }).click();

    // The only unit asked has answered: the round closes, the proposal is appraised, on both screens.
    await expect.poll(() => reviewer.page.getByTestId('proposal-status').textContent()).toBe('Đã thẩm định');
    await expect.poll(() => drafter.page.getByTestId('proposal-status').textContent()).toBe('Đã thẩm định');
    expect(await round.getByTestId('verdict').getAttribute('data-verdict')).toBe('AGREE_WITH_CHANGES');
    expect(await round.getByTestId('verdict-form').count()).toBe(0);
    const report = round.getByTestId('appraisal-report');
    await report.getByText('Đồng ý, đề nghị chỉnh sửa: 1').waitFor();
    await report.getByText('Góp ý: 0 chưa tiếp thu, 1 đã tiếp thu').waitFor();
    await screenshot(reviewer.page, '45-proposal-appraised');

    // The consolidated report as a PDF, fetched with the session's token.
    const [download] = await Promise.all([
      reviewer.page.waitForEvent('download'),
      round.getByTestId('appraisal-report-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await download.createReadStream();
    const head = await new Promise<string>((resolve, reject) => {
      pdf.once('data', (chunk: Buffer) => resolve(chunk.subarray(0, 5).toString('latin1')));
      pdf.once('error', reject);
    });
    expect(head).toBe('%PDF-');

    // Now the drafters may submit it; the history says who did what.
    await drafter.page.getByTestId('proposal-transition-SUBMITTED').waitFor();
    await drafter.page.getByTestId('proposal-tab-history').click();
    const history = drafter.page.getByTestId('proposal-history');
    await history.getByTestId('history-event').first().waitFor();
    const types = await history
      .getByTestId('history-event')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-type')));
    expect(types).toEqual(
      expect.arrayContaining([
        'proposal.created',
        'appraisal.requested',
        'appraisal.commentAdded',
        'appraisal.commentResolved',
        'appraisal.verdictSubmitted',
        'proposal.statusChanged',
      ]),
    );
    await history.getByText(`${REVIEWER.name} đã gửi ý kiến thẩm định`).waitFor();
    await screenshot(drafter.page, '46-proposal-history');

    // A version saved by hand is listed; the one kept when it went to appraisal compares with the body now.
    await drafter.page.getByTestId('proposal-tab-versions').click();
    const versions = drafter.page.getByTestId('proposal-versions');
    await versions.getByLabel('Tên phiên bản').fill('Bản sau thẩm định');
    await versions.getByRole('button', { name: 'Lưu phiên bản' }).click();
    await versions.getByTestId('version-row').filter({ hasText: 'Bản sau thẩm định' }).waitFor();
    await versions.getByLabel('So sánh phiên bản').selectOption({ label: 'Đang thẩm định' });
    await versions.getByRole('button', { name: 'So sánh' }).click();
    // Read in order, the kept parts and the removed ones make the earlier text, the kept and the added the body now.
    await versions.getByTestId('version-diff').waitFor();
    const [earlier, later] = await versions.getByTestId('version-diff-text').evaluate((root) => {
      const texts = ['', ''];
      for (const part of Array.from(root.children)) {
        const text = Array.from(part.childNodes)
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join('');
        if (part.tagName !== 'INS') texts[0] += text;
        if (part.tagName !== 'DEL') texts[1] += text;
      }
      return texts;
    });
    expect(earlier).toContain('mỗi chi bộ sinh hoạt chuyên đề');
    expect(later).toContain('Dự thảo lần 2.');
    expect(later).not.toContain('mỗi chi bộ sinh hoạt chuyên đề');
    expect(await versions.getByTestId('diff-added').count()).toBeGreaterThan(0);
    await screenshot(drafter.page, '47-proposal-versions');

    // A file added on the proposal page is listed, with who added it.
    await drafter.page.getByTestId('proposal-tab-attachments').click();
    const files = drafter.page.getByTestId('proposal-attachments');
    await files.getByRole('button', { name: 'Thêm tệp vào đề án' }).waitFor();
    await files.getByTestId('attachment-input').setInputFiles({
      name: 'phu-luc.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\nPhụ lục của đề án\n'),
    });
    await files.getByRole('listitem').filter({ hasText: 'phu-luc.pdf' }).getByText(DRAFTER.name).waitFor();

    expect([...drafter.pageErrors, ...colleague.pageErrors, ...reviewer.pageErrors]).toEqual([]);
  }, 60_000);
});
