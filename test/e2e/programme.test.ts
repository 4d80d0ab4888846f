// The year's work programme and the follow-up report, in real browsers against the real server: the office
// draws up a programme and adds an item in the browser; a leader, in another browser context with the
// programme open, sees its progress move without reloading when the item's proposal is adopted (in the
// proposal's scope) and when the office adds and removes an item (in the programme's). Then the follow-up
// report shows, per unit, the counts the API computes for the seeded tasks, narrows them to a meeting, links
// a unit's overdue tasks to the task table, and downloads the spreadsheet.
// Drives the built client served by the real server over the demo data.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
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
import { LIVE_TIMEOUT, PAGE_TIMEOUT, type Stage, useStage } from '../support/stage.js';

const OFFICE = { email: 'office@quorum.test' };
const LEADER = { email: 'bithu@quorum.test' };
const LEAD_UNIT = 'Văn phòng Tỉnh ủy';
/** Seeded, scheduled for the executive committee's plenary: the office may record its adoption. */
const PROPOSAL_REFERENCE = '58-BC/TU';
// A year the demo data has no programme for, so creating it is allowed.
const YEAR = new Date().getFullYear() + 1;
const TITLE = `Chương trình công tác năm ${YEAR} (thử nghiệm)`;
const ITEM = 'Báo cáo tình hình thực hiện nhiệm vụ chính trị (chương trình thử)';
const SECOND_ITEM = 'Đề án thử nghiệm bổ sung vào chương trình';

let stage: Stage;
let office: Person;
let leader: Person;
let token = '';
let programmePath = '';

function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return graphqlData<T>(stage.server.url, query, token, variables);
}

/** The progress as the page states it: adopted and planned. */
async function progressOf(page: Page): Promise<string> {
  const figure = page.getByTestId('programme-progress');
  return `${await figure.getAttribute('data-adopted')}/${await figure.getAttribute('data-planned')}`;
}

interface Counts {
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}
const COLUMNS = ['assigned', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'] as const;

async function reportOverApi(filter: Record<string, string> | null) {
  const data = await gql<{
    followUpReport: { rows: (Counts & { unit: { id: string; name: string } })[]; totals: Counts };
  }>(
    `query($filter: FollowUpReportFilter) { followUpReport(filter: $filter) {
       rows { unit { id name } assigned doneOnTime doneLate overdue inProgress }
       totals { assigned doneOnTime doneLate overdue inProgress } } }`,
    { filter },
  );
  return data.followUpReport;
}

/** The report's table as the page shows it: each unit's id with its five figures, then the totals. */
async function tableOf(page: Page): Promise<{ rows: [string, number[]][]; totals: number[] }> {
  return page.getByTestId('followup-table').evaluate((table) => {
    const figures = (row: Element) =>
      Array.from(row.querySelectorAll('td')).map((cell) => Number(cell.textContent?.trim()));
    const rows = Array.from(table.querySelectorAll('[data-testid="followup-row"]')).map(
      (row) => [row.getAttribute('data-unit-id') ?? '', figures(row)] as [string, number[]],
    );
    const totals = table.querySelector('[data-testid="followup-totals"]');
    return { rows, totals: totals ? figures(totals) : [] };
  });
}

describe.skipIf(!browserAvailable)('the work programme and the follow-up report, in two browsers', () => {
  stage = useStage();
  beforeAll(async () => {
    token = await signInOverApi(stage.server.url, OFFICE.email, PASSWORD);
    office = await openPerson(stage.browser, { width: 1366, height: 1100 }, PAGE_TIMEOUT);
    leader = await openPerson(stage.browser, { width: 1366, height: 1100 }, PAGE_TIMEOUT);
  }, 180_000);

  it('lets the office draw up a programme and add an item linked to its proposal', async () => {
    await signIn(office, stage.server, OFFICE.email);
    await office.page.getByTestId('nav-programme').click();
    await office.page.waitForURL(/\/programme$/);
    // The demo year's programme is listed; the office is offered the form.
    await office.page.getByTestId('programme-row').first().waitFor();
    const form = office.page.getByTestId('create-programme-form');
    await form.getByLabel('Năm', { exact: true }).fill(String(YEAR));
    await form.getByLabel('Tên chương trình').fill(TITLE);
    await form.getByRole('button', { name: 'Lập chương trình' }).click();
    await office.page.waitForURL(/\/programme\/[0-9a-f-]{36}$/);
    programmePath = new URL(office.page.url()).pathname;
    await office.page.getByTestId('programme-heading').filter({ hasText: TITLE }).waitFor();
    await office.page.getByTestId('programme-items-empty').waitFor();
    expect(await progressOf(office.page)).toBe('0/0');

    // The proposal the item is carried out by, as the dialog lists it.
    const { proposals } = await gql<{
      proposals: { edges: { node: { title: string; referenceNumber: string | null } }[] };
    }>(`{ proposals(first: 100) { edges { node { title referenceNumber } } } }`);
    const proposal = proposals.edges.find((edge) => edge.node.referenceNumber === PROPOSAL_REFERENCE)?.node;
    if (!proposal) throw new Error(`no proposal ${PROPOSAL_REFERENCE} in the demo data`);

    await office.page.getByTestId('programme-add-item').click();
    const dialog = office.page.getByTestId('programme-item-dialog');
    await dialog.getByLabel('Tên nội dung').fill(ITEM);
    await dialog.getByLabel('Tháng dự kiến').selectOption({ label: 'Tháng 3' });
    await dialog.getByLabel('Loại').selectOption('REPORT');
    await dialog.getByLabel('Đơn vị chủ trì').selectOption({ label: LEAD_UNIT });
    await dialog
      .getByLabel('Đề án, tờ trình thực hiện')
      .selectOption({ label: `${PROPOSAL_REFERENCE} · ${proposal.title}` });
    await screenshot(office.page, '70-programme-add-item');
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    const row = office.page.getByTestId('programme-item-row').filter({ hasText: ITEM });
    await row.waitFor();
    expect(await row.getByTestId('programme-item-status').textContent()).toBe('Dự kiến');
    expect(await row.getByTestId('programme-item-proposal').textContent()).toBe(PROPOSAL_REFERENCE);
    expect(
      await office.page
        .locator('[data-testid="programme-month-group"][data-month="3"]')
        .getByTestId('programme-item-row')
        .count(),
    ).toBe(1);
    expect(await progressOf(office.page)).toBe('0/1');

    // Once linked, the dialog offers none: the item is unlinked (no proposal shown, none over the API), then
    // linked again.
    const proposalOfItem = async () => {
      const { programme } = await gql<{
        programme: { items: { title: string; proposal: { referenceNumber: string | null } | null }[] };
      }>(`query($id: ID!) { programme(id: $id) { items { title proposal { referenceNumber } } } }`, {
        id: programmePath.split('/').pop(),
      });
      return programme.items.find((item) => item.title === ITEM)?.proposal ?? null;
    };
    await row.getByTestId('programme-item-edit').click();
    await dialog
      .getByLabel('Đề án, tờ trình thực hiện')
      .selectOption({ label: '(Không gắn đề án nào: bỏ gắn)' });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.getByTestId('programme-item-proposal').count()).toBe(0);
    expect(await proposalOfItem()).toBeNull();
    await row.getByTestId('programme-item-edit').click();
    await dialog
      .getByLabel('Đề án, tờ trình thực hiện')
      .selectOption({ label: `${PROPOSAL_REFERENCE} · ${proposal.title}` });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => row.getByTestId('programme-item-proposal').textContent())
      .toBe(PROPOSAL_REFERENCE);
    expect(await proposalOfItem()).toEqual({ referenceNumber: PROPOSAL_REFERENCE });
  }, 90_000);

  it("shows a leader the programme's progress move live, on adoption and on the office's edits", async () => {
    await signIn(leader, stage.server, LEADER.email, { path: programmePath });
    await leader.page.getByTestId('programme-heading').filter({ hasText: TITLE }).waitFor();
    expect(await progressOf(leader.page)).toBe('0/1');
    // A reader: no editing offered.
    expect(await leader.page.getByTestId('programme-add-item').count()).toBe(0);
    expect(await leader.page.getByTestId('programme-item-edit').count()).toBe(0);

    // The office records the proposal's adoption (as the session's vote does): the item is adopted with it.
    const { proposals } = await gql<{
      proposals: { edges: { node: { id: string; version: number; referenceNumber: string | null } }[] };
    }>(`{ proposals(first: 100) { edges { node { id version referenceNumber } } } }`);
    const proposal = proposals.edges.find((edge) => edge.node.referenceNumber === PROPOSAL_REFERENCE)!.node;
    await gql(
      `mutation($input: ChangeProposalStatusInput!) { changeProposalStatus(input: $input) { proposal { status } } }`,
      { input: { proposalId: proposal.id, to: 'ADOPTED', expectedVersion: proposal.version } },
    );
    await expect.poll(() => progressOf(leader.page), { timeout: LIVE_TIMEOUT }).toBe('1/1');
    const row = leader.page.getByTestId('programme-item-row').filter({ hasText: ITEM });
    expect(await row.getByTestId('programme-item-status').textContent()).toBe('Đã thông qua');
    await screenshot(leader.page, '71-programme-leader-adopted');
    // The month chart's figures (its table, read by screen readers; shown on request, from the keyboard).
    await leader.page.getByTestId('programme-month-chart-toggle').focus();
    await leader.page.keyboard.press('Enter');
    const march = leader.page.locator('[data-testid="programme-month-row"][data-month="3"]');
    await march.waitFor();
    expect(await march.getByTestId('adopted-to-date').textContent()).toBe('1');
    expect(await leader.page.getByTestId('programme-month-chart-toggle').getAttribute('aria-pressed')).toBe(
      'true',
    );

    // The office adds a second item in the browser: the leader sees the plan grow, then shrink on its removal.
    await office.page.getByTestId('programme-add-item').click();
    const dialog = office.page.getByTestId('programme-item-dialog');
    await dialog.getByLabel('Tên nội dung').fill(SECOND_ITEM);
    await dialog.getByLabel('Tháng dự kiến').selectOption({ label: 'Tháng 5' });
    await dialog.getByLabel('Đơn vị chủ trì').selectOption({ label: LEAD_UNIT });
    await dialog.getByRole('button', { name: 'Thêm', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => progressOf(leader.page), { timeout: LIVE_TIMEOUT }).toBe('1/2');
    await leader.page.getByTestId('programme-item-row').filter({ hasText: SECOND_ITEM }).waitFor();

    // The office postpones it, saved by version: a colleague changes its kind meanwhile (over the API), so the
    // first save is refused and says so; the dialog then shows the colleague's kind beside the office's
    // status, and saving again keeps both.
    const second = office.page.getByTestId('programme-item-row').filter({ hasText: SECOND_ITEM });
    await second.getByTestId('programme-item-edit').click();
    const edit = office.page.getByTestId('programme-item-dialog');
    await edit.getByLabel('Trạng thái').selectOption({ label: 'Lùi thời gian' });
    const itemId = await second.getAttribute('data-item-id');
    const itemOf = async () => {
      const { programme } = await gql<{
        programme: { items: { id: string; version: number; kind: string; status: string }[] };
      }>(`query($id: ID!) { programme(id: $id) { items { id version kind status } } }`, {
        id: programmePath.split('/').pop(),
      });
      return programme.items.find((item) => item.id === itemId)!;
    };
    const before = await itemOf();
    await gql(
      `mutation($input: UpdateProgrammeItemInput!) { updateProgrammeItem(input: $input) { item { id } } }`,
      { input: { itemId, expectedVersion: before.version, kind: 'REPORT' } },
    );
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit
      .getByTestId('programme-item-error')
      .filter({ hasText: 'vừa được người khác thay đổi' })
      .waitFor();
    await expect.poll(() => edit.getByLabel('Loại').inputValue()).toBe('REPORT');
    expect(await edit.getByLabel('Trạng thái').inputValue()).toBe('POSTPONED');
    await screenshot(office.page, '72-programme-item-conflict');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'detached' });
    expect(await itemOf()).toMatchObject({ kind: 'REPORT', status: 'POSTPONED' });
    await expect
      .poll(
        () =>
          leader.page
            .getByTestId('programme-item-row')
            .filter({ hasText: SECOND_ITEM })
            .getByTestId('programme-item-status')
            .textContent(),
        { timeout: LIVE_TIMEOUT },
      )
      .toBe('Lùi thời gian');
    // Only a planned item may be removed: back to planned, then removed.
    await second.getByTestId('programme-item-edit').click();
    await edit.getByLabel('Trạng thái').selectOption({ label: 'Dự kiến' });
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await edit.waitFor({ state: 'detached' });
    await second.getByTestId('programme-item-remove').click();
    await office.page.getByTestId('programme-remove-confirm').click();
    await second.waitFor({ state: 'detached' });
    await expect.poll(() => progressOf(leader.page), { timeout: LIVE_TIMEOUT }).toBe('1/1');
    expect(await leader.page.getByTestId('programme-item-row').filter({ hasText: SECOND_ITEM }).count()).toBe(
      0,
    );

    // The list shows the new programme's progress too.
    await leader.page.getByTestId('nav-programme').click();
    const listed = leader.page.getByTestId('programme-row').filter({ hasText: TITLE });
    await expect
      .poll(() => listed.getByTestId('programme-row-progress').textContent())
      .toContain('1/1 nội dung đã thông qua');
    expect(office.pageErrors).toEqual([]);
    expect(leader.pageErrors).toEqual([]);
  }, 90_000);

  it('shows the follow-up report of the seeded tasks per unit, narrows it to a meeting and downloads it', async () => {
    await office.page.getByTestId('nav-follow-up').click();
    await office.page.waitForURL(/\/follow-up$/);
    await office.page.getByTestId('followup-table').waitFor();

    // The table holds what the API computes, unit by unit, with the totals.
    const expected = await reportOverApi(null);
    expect(expected.totals.assigned).toBeGreaterThan(0);
    const shown = await tableOf(office.page);
    expect(shown.rows).toEqual(expected.rows.map((row) => [row.unit.id, COLUMNS.map((c) => row[c])]));
    expect(shown.totals).toEqual(COLUMNS.map((c) => expected.totals[c]));
    await screenshot(office.page, '73-follow-up-report');

    // A unit with overdue tasks links to them in the task table.
    const late = expected.rows.find((row) => row.overdue > 0);
    if (late) {
      const link = office.page
        .locator(`[data-testid="followup-row"][data-unit-id="${late.unit.id}"]`)
        .getByTestId('followup-link-overdue');
      expect(await link.getAttribute('href')).toBe(`/tasks?mode=table&unit=${late.unit.id}&overdue=1`);
    }

    // Narrowed to a meeting the seeded tasks came from.
    const { tasks } = await gql<{ tasks: { edges: { node: { sourceMeeting: { id: string } | null } }[] } }>(
      `{ tasks(first: 100) { edges { node { sourceMeeting { id } } } } }`,
    );
    const meetingId = tasks.edges.find((edge) => edge.node.sourceMeeting)?.node.sourceMeeting?.id;
    if (!meetingId) throw new Error('no seeded task comes from a meeting');
    await office.page.getByLabel('Cuộc họp giao nhiệm vụ').selectOption(meetingId);
    await office.page.waitForURL(new RegExp(`meeting=${meetingId}`));
    const narrowed = await reportOverApi({ sourceMeetingId: meetingId });
    expect(narrowed.totals.assigned).toBeLessThanOrEqual(expected.totals.assigned);
    await expect
      .poll(async () => (await tableOf(office.page)).totals)
      .toEqual(COLUMNS.map((c) => narrowed.totals[c]));

    // The spreadsheet, with the same filter: a real XLSX (a ZIP: it starts with PK).
    const [download] = await Promise.all([
      office.page.waitForEvent('download'),
      office.page.getByTestId('followup-download-xlsx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(1000);
    expect(office.pageErrors).toEqual([]);
  }, 90_000);
});
