// Tasks from a session's conclusion, followed up live, in real browsers against the real server: the office
// turns an agenda item's conclusion into two tasks in the meeting room; the assignee, in another browser
// context with their board open, sees both arrive without reloading and reports progress on one; the office,
// on that task's page, sees the report and the progress arrive. Then the assignee moves a card with the
// keyboard only, through its menu: started, then reported blocked with the reason the workflow asks for.
// Drives the built client served by the real server over the demo data; the meeting is set up over the API.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDemoMeeting, graphqlData, signInOverApi } from '../support/api.js';
import {
  browserAvailable,
  openPerson,
  PASSWORD,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { LIVE_TIMEOUT, PAGE_TIMEOUT, type Stage, useStage } from '../support/stage.js';

const OFFICE = { email: 'office@quorum.test', name: 'Võ Thị Thu Trang' };
const ASSIGNEE = { email: 'tochuc@quorum.test', name: 'Lê Văn Khoa' };
const UNIT = 'Ban Tổ chức Tỉnh ủy';
const TITLES = [
  'Rà soát quy hoạch cán bộ diện Ban Thường vụ quản lý nhiệm kỳ tới',
  'Xây dựng kế hoạch luân chuyển cán bộ trẻ về cơ sở',
];
const CONCLUSION =
  'Giao Ban Tổ chức Tỉnh ủy chủ trì rà soát quy hoạch và xây dựng kế hoạch luân chuyển cán bộ.';

let stage: Stage;
let office: Person;
let assignee: Person;
let token = '';
let meetingId = '';
let itemId = '';
const taskIds: string[] = [];

function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return graphqlData<T>(stage.server.url, query, token, variables);
}

interface TaskState {
  status: string;
  progress: number;
  updates: { edges: { node: { body: string; statusTo: string | null } }[] };
}

async function taskState(id: string): Promise<TaskState> {
  const data = await gql<{ task: TaskState }>(
    `query($id: ID!) { task(id: $id) { status progress updates(first: 100) { edges { node { body statusTo } } } } }`,
    { id },
  );
  return data.task;
}

/** The names of a task's files: its reports' and those uploaded for a report not sent yet. */
async function taskFileNames(id: string): Promise<string[]> {
  const data = await gql<{ task: { attachments: { name: string }[] } }>(
    `query($id: ID!) { task(id: $id) { attachments { name } } }`,
    { id },
  );
  return data.task.attachments.map((file) => file.name);
}

function pdf(name: string): { name: string; mimeType: string; buffer: Buffer } {
  return { name, mimeType: 'application/pdf', buffer: Buffer.from(`%PDF-1.7\n${name}\n`) };
}

/** A day `days` from today in Vietnam, as a date input takes it (`YYYY-MM-DD`). */
function dayFromNow(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(Date.now() + days * 24 * 3600_000),
  );
}

/**
 * A meeting of a committee under way, with one item whose conclusion has been recorded: where the office
 * assigns the follow-up.
 */
async function setUpConcludedItem(): Promise<void> {
  meetingId = await createDemoMeeting(
    stage.server.url,
    token,
    'Hội nghị Ban Thường vụ: công tác cán bộ (thử nhiệm vụ)',
  );
  const added = await gql<{ addAgendaItem: { agendaItem: { id: string } } }>(
    `mutation($input: AddAgendaItemInput!) { addAgendaItem(input: $input) { agendaItem { id } } }`,
    {
      input: { meetingId, title: 'Công tác quy hoạch cán bộ', durationMinutes: 30, materialsRequired: false },
    },
  );
  itemId = added.addAgendaItem.agendaItem.id;
  for (const mutation of ['scheduleMeeting', 'startMeeting'] as const) {
    const { meeting } = await gql<{ meeting: { version: number } }>(
      `query($id: ID!) { meeting(id: $id) { version } }`,
      { id: meetingId },
    );
    const input = mutation === 'scheduleMeeting' ? 'ScheduleMeetingInput' : 'StartMeetingInput';
    await gql(`mutation($input: ${input}!) { ${mutation}(input: $input) { meeting { id } } }`, {
      input: { id: meetingId, expectedVersion: meeting.version },
    });
  }
  const { meeting } = await gql<{ meeting: { agenda: { id: string; version: number }[] } }>(
    `query($id: ID!) { meeting(id: $id) { agenda { id version } } }`,
    { id: meetingId },
  );
  const version = meeting.agenda.find((item) => item.id === itemId)?.version;
  await gql(
    `mutation($input: UpdateAgendaItemInput!) { updateAgendaItem(input: $input) { agendaItem { id } } }`,
    { input: { id: itemId, expectedVersion: version, conclusion: CONCLUSION } },
  );
}

function card(page: Page | Locator, title: string): Locator {
  return page.locator('[data-testid="task-card"]').filter({ hasText: title });
}

describe.skipIf(!browserAvailable)('tasks from a conclusion, followed up live, in two browsers', () => {
  stage = useStage();
  beforeAll(async () => {
    token = await signInOverApi(stage.server.url, OFFICE.email, PASSWORD);
    await setUpConcludedItem();
    office = await openPerson(stage.browser, { width: 1366, height: 1200 }, PAGE_TIMEOUT);
    assignee = await openPerson(stage.browser, { width: 1500, height: 1100 }, PAGE_TIMEOUT);
  }, 180_000);

  it('shows the assignee the two tasks the office creates from a conclusion, live on their board', async () => {
    // The assignee has "my tasks" on their board, before anything is assigned.
    await signIn(assignee, stage.server, ASSIGNEE.email, { path: '/tasks' });
    await assignee.page.getByTestId('task-board').waitFor();
    await assignee.page.getByTestId('task-view-mine').click();
    await expect
      .poll(() => assignee.page.getByTestId('task-view-mine').getAttribute('aria-pressed'))
      .toBe('true');
    for (const title of TITLES) expect(await card(assignee.page, title).count()).toBe(0);
    // "My tasks" is offered on the board's own view list, and the header leads there.
    expect(await assignee.page.getByTestId('nav-tasks').getAttribute('aria-current')).toBe('page');

    // The office, in the meeting room, turns the item's conclusion into two tasks in one form.
    await signIn(office, stage.server, OFFICE.email, { path: `/meetings/${meetingId}` });
    const item = office.page.locator(`[data-testid="agenda-item"][data-item-id="${itemId}"]`);
    await item.getByTestId('agenda-conclusion').waitFor();
    await item.getByTestId('conclusion-tasks-open').click();
    const form = item.getByTestId('conclusion-tasks-form');
    await form.getByTestId('conclusion-task-add').click();
    const rows = form.getByTestId('conclusion-task-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const [index, title] of TITLES.entries()) {
      const row = rows.nth(index);
      await row.getByLabel('Tên nhiệm vụ').fill(title);
      await row.getByLabel('Đơn vị', { exact: true }).selectOption({ label: UNIT });
      await row.getByLabel('Người thực hiện', { exact: true }).selectOption({ label: ASSIGNEE.name });
      await row.getByLabel('Thời hạn').fill(dayFromNow(10 + index));
      await row.getByLabel('Mức độ ưu tiên').selectOption(index === 0 ? 'HIGH' : 'NORMAL');
    }
    await screenshot(office.page, '60-conclusion-tasks-form');
    await form.getByRole('button', { name: 'Giao 2 nhiệm vụ' }).click();
    await item.getByTestId('conclusion-tasks-created').filter({ hasText: 'Đã giao 2 nhiệm vụ' }).waitFor();

    // The assignee's board shows both, in the to-do column, without a reload.
    const todo = assignee.page.getByTestId('task-column-TODO');
    for (const title of TITLES) await card(todo, title).waitFor({ timeout: LIVE_TIMEOUT });
    for (const title of TITLES) {
      const id = await card(assignee.page, title).getAttribute('data-task-id');
      if (!id) throw new Error(`no id on the card of ${title}`);
      taskIds.push(id);
    }
    // They come from that meeting, assigned to that person.
    const listed = await gql<{
      tasks: { edges: { node: { id: string; title: string; assignee: { fullName: string } | null } }[] };
    }>(
      `query($filter: TaskFilter) { tasks(filter: $filter, first: 10) { edges { node { id title assignee { fullName } } } } }`,
      {
        filter: { sourceMeetingId: meetingId },
      },
    );
    expect(listed.tasks.edges.map((edge) => edge.node.title).sort()).toEqual([...TITLES].sort());
    expect(listed.tasks.edges.every((edge) => edge.node.assignee?.fullName === ASSIGNEE.name)).toBe(true);
    await screenshot(assignee.page, '61-assignee-board-live');
  }, 120_000);

  it('shows the office the progress the assignee reports, live on the task page', async () => {
    const [taskId] = taskIds;
    // The office follows the task on its page.
    await office.page.goto(`${stage.server.url}/tasks/${taskId}`);
    await office.page.getByTestId('task-heading').filter({ hasText: TITLES[0] }).waitFor();
    await office.page.getByTestId('task-reports-empty').waitFor();
    expect(await office.page.getByTestId('task-progress').getAttribute('data-progress')).toBe('0');
    // Not the office's to report: no form.
    expect(await office.page.getByTestId('task-report-form').count()).toBe(0);

    // The assignee opens it from the board and reports.
    await card(assignee.page, TITLES[0]).getByTestId('task-title').click();
    await assignee.page.waitForURL(new RegExp(`/tasks/${taskId}$`));
    const form = assignee.page.getByTestId('task-report-form');
    const files = form.getByTestId('task-report-files');
    const uploaded = form.locator('[data-testid="task-pending-file"][data-state="done"]');

    // A file chosen by mistake and left out once uploaded is removed from the task, not left among its files.
    await files.setInputFiles(pdf('ban-nham.pdf'));
    await uploaded.waitFor();
    expect(await taskFileNames(taskId!)).toContain('ban-nham.pdf');
    await form.getByRole('button', { name: 'Bỏ tệp ban-nham.pdf' }).click();
    await expect.poll(() => form.getByTestId('task-pending-file').count()).toBe(0);
    expect(await taskFileNames(taskId!)).not.toContain('ban-nham.pdf');

    // Files uploaded and then left (the page reloaded before sending) are offered again as not yet sent:
    // one removed, the other sent with the report.
    await files.setInputFiles([pdf('phu-luc.pdf'), pdf('ban-nhap.pdf')]);
    await expect.poll(() => uploaded.count()).toBe(2);
    await assignee.page.reload();
    const unsent = form.getByTestId('task-unsent-file');
    await expect.poll(() => unsent.count()).toBe(2);
    await form.getByRole('button', { name: 'Xóa tệp ban-nhap.pdf' }).click();
    await expect.poll(() => unsent.count()).toBe(1);
    expect(await taskFileNames(taskId!)).not.toContain('ban-nhap.pdf');
    await form.getByLabel('Gửi phu-luc.pdf kèm báo cáo này').check();

    await form
      .getByLabel('Kết quả thực hiện')
      .fill('Đã rà soát 42/60 hồ sơ quy hoạch; dự kiến hoàn thành trước hạn.');
    await form.getByLabel('Tiến độ (%)').fill('40');
    // A file goes with it: sent as chosen, named by the report.
    await files.setInputFiles({
      name: 'danh-sach-quy-hoach.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.7\nDanh sách quy hoạch cán bộ\n'),
    });
    await uploaded.waitFor();
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await assignee.page.getByTestId('task-report').first().waitFor();
    // The file taken by the report is no longer offered.
    await expect.poll(() => unsent.count()).toBe(0);

    // The office sees the report, by whom, and the progress, without reloading.
    const report = office.page.getByTestId('task-report').first();
    await report.waitFor({ timeout: LIVE_TIMEOUT });
    expect(await report.getByTestId('task-report-body').textContent()).toContain('42/60 hồ sơ');
    expect(await report.getByTestId('task-report-author').textContent()).toBe(ASSIGNEE.name);
    // With its files (the one chosen now and the one sent earlier), which the office opens.
    await expect
      .poll(async () => (await report.getByTestId('task-file').allTextContents()).join(' '))
      .toMatch(/phu-luc\.pdf.*danh-sach-quy-hoach\.pdf|danh-sach-quy-hoach\.pdf.*phu-luc\.pdf/);
    const file = report.getByTestId('task-file').filter({ hasText: 'danh-sach-quy-hoach.pdf' });
    const [download] = await Promise.all([
      office.page.waitForEvent('download'),
      file.getByRole('button', { name: /danh-sach-quy-hoach\.pdf/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('danh-sach-quy-hoach.pdf');
    await expect
      .poll(() => office.page.getByTestId('task-progress').getAttribute('data-progress'), {
        timeout: LIVE_TIMEOUT,
      })
      .toBe('40');
    // A report on a task still to do starts it.
    await expect
      .poll(() => office.page.getByTestId('task-status').first().textContent())
      .toBe('Đang thực hiện');
    await screenshot(office.page, '62-office-sees-progress');
    const state = await taskState(taskId!);
    expect(state.progress).toBe(40);
    expect(state.status).toBe('IN_PROGRESS');
  }, 60_000);

  it('moves a card on the board with the keyboard only, asking the reason for reporting it blocked, and by dragging', async () => {
    const taskId = taskIds[1]!;
    await assignee.page.goto(`${stage.server.url}/tasks?assignee=`);
    await assignee.page.getByTestId('task-board').waitFor();
    const todoCard = card(assignee.page.getByTestId('task-column-TODO'), TITLES[1]);
    await todoCard.waitFor();

    // Its menu offers only what the server allows the assignee unit: start it, or report it blocked (the
    // office alone cancels).
    const toggle = todoCard.getByTestId('task-move-toggle');
    await toggle.focus();
    await assignee.page.keyboard.press('Enter');
    const menu = todoCard.getByRole('menu');
    await menu.waitFor();
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
      'Bắt đầu thực hiện',
      'Báo vướng mắc',
    ]);
    // The first item has the focus: Enter starts the task.
    await assignee.page.keyboard.press('Enter');
    const started = card(assignee.page.getByTestId('task-column-IN_PROGRESS'), TITLES[1]);
    await started.waitFor();
    // Focus followed the card to its new column.
    await expect
      .poll(() => assignee.page.evaluate(() => document.activeElement?.getAttribute('data-task-id') ?? null))
      .toBe(taskId);
    await expect.poll(async () => (await taskState(taskId)).status).toBe('IN_PROGRESS');

    // Report it blocked: the menu, down to the item, Enter; the reason, then Enter again.
    await started.getByTestId('task-move-toggle').focus();
    await assignee.page.keyboard.press('ArrowDown');
    await started.getByRole('menu').waitFor();
    const items = await started.getByRole('menuitem').allTextContents();
    const blockedAt = items.indexOf('Báo vướng mắc');
    expect(blockedAt).toBeGreaterThanOrEqual(0);
    for (let step = 0; step < blockedAt; step += 1) await assignee.page.keyboard.press('ArrowDown');
    await assignee.page.keyboard.press('Enter');
    const reason = started.getByLabel('Vướng mắc là gì?');
    await reason.waitFor();
    // The reason field has the focus; an empty reason is refused in words, nothing is sent.
    await assignee.page.keyboard.press('Tab');
    await assignee.page.keyboard.press('Enter');
    await started.getByText('Vui lòng nêu lý do.').waitFor();
    expect((await taskState(taskId)).status).toBe('IN_PROGRESS');
    await reason.focus();
    await assignee.page.keyboard.type('Chờ Sở Nội vụ cung cấp danh sách cán bộ trẻ.');
    await assignee.page.keyboard.press('Tab');
    await assignee.page.keyboard.press('Enter');
    await card(assignee.page.getByTestId('task-column-BLOCKED'), TITLES[1]).waitFor();
    const state = await taskState(taskId);
    expect(state.status).toBe('BLOCKED');
    expect(state.updates.edges.map((edge) => edge.node)).toContainEqual({
      body: 'Chờ Sở Nội vụ cung cấp danh sách cán bộ trẻ.',
      statusTo: 'BLOCKED',
    });
    await screenshot(assignee.page, '63-keyboard-blocked');

    // And with the mouse: the first task dragged by its handle onto the done column, beside it (the columns
    // are as tall as the board).
    const handle = card(assignee.page.getByTestId('task-column-IN_PROGRESS'), TITLES[0]).getByTestId(
      'task-drag-handle',
    );
    await handle.scrollIntoViewIfNeeded();
    const from = await handle.boundingBox();
    const to = await assignee.page.getByTestId('task-column-DONE').boundingBox();
    if (!from || !to) throw new Error('not laid out');
    const y = from.y + from.height / 2;
    await assignee.page.mouse.move(from.x + from.width / 2, y);
    await assignee.page.mouse.down();
    await assignee.page.mouse.move(from.x + from.width / 2 + 20, y, { steps: 5 });
    await assignee.page.mouse.move(to.x + to.width / 2, y, { steps: 15 });
    await assignee.page.mouse.up();
    await card(assignee.page.getByTestId('task-column-DONE'), TITLES[0]).waitFor();
    await expect.poll(async () => (await taskState(taskIds[0]!)).status).toBe('DONE');
  }, 60_000);

  it('gives the office a table filtered by the meeting, kept as a named view, and bulk extension and reassignment', async () => {
    const page = office.page;
    await page.goto(`${stage.server.url}/tasks`);
    await page.getByTestId('task-mode-table').click();
    await page.getByTestId('tasks-table').waitFor();
    const filters = page.getByTestId('task-filters');
    await filters
      .getByLabel('Cuộc họp giao')
      .selectOption({ label: 'Hội nghị Ban Thường vụ: công tác cán bộ (thử nhiệm vụ)' });
    const rows = page.getByTestId('task-row');
    await expect.poll(() => rows.count()).toBe(2);

    // Kept as a named view, in this browser, for this user: still there after a reload.
    await page.getByTestId('task-view-save').click();
    await page.getByTestId('task-view-form').getByLabel('Tên cách xem').fill('Công tác cán bộ');
    await page.getByTestId('task-view-form').getByRole('button', { name: 'Lưu' }).click();
    const saved = page.getByRole('button', { name: 'Công tác cán bộ', exact: true });
    await expect.poll(() => saved.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.getByTestId('task-view-all').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    await page.getByRole('button', { name: 'Công tác cán bộ', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(2);

    // The due range narrows it on the server: the day of the second task alone, then back to the view.
    await filters.getByLabel('Hạn từ ngày').fill(dayFromNow(11));
    await filters.getByLabel('đến ngày').fill(dayFromNow(11));
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-task-id')).toBe(taskIds[1]);
    expect(new URL(page.url()).searchParams.get('from')).toBe(dayFromNow(11));
    await filters.getByLabel('đến ngày').fill(dayFromNow(12));
    await filters.getByLabel('Hạn từ ngày').fill(dayFromNow(12));
    await page.getByTestId('tasks-empty').waitFor();
    // A last day before the first is said beside the field, not asked of the server.
    await filters.getByLabel('đến ngày').fill(dayFromNow(9));
    await filters.getByTestId('task-filter-due-reversed').waitFor();
    expect(await rows.count()).toBe(0);
    await page.getByRole('button', { name: 'Công tác cán bộ', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(2);

    // A done task takes no new due date: with it chosen, extending is not offered.
    await page.getByLabel('Chọn tất cả').check();
    await page.getByTestId('task-bulk').getByText('Đã chọn 2 nhiệm vụ').waitFor();
    expect(await page.getByTestId('bulk-extend').isDisabled()).toBe(true);
    await page.getByLabel('Chọn tất cả').uncheck();

    // The blocked one alone: a later due date with the reason, then another person of the unit.
    const blockedId = taskIds[1]!;
    const before = await gql<{ task: { dueDate: string } }>(`query($id: ID!) { task(id: $id) { dueDate } }`, {
      id: blockedId,
    });
    await page
      .locator(`[data-testid="task-row"][data-task-id="${blockedId}"]`)
      .getByTestId('task-choose')
      .check();
    await page.getByTestId('bulk-extend').click();
    const extend = page.getByTestId('bulk-extend-form');
    const newDay = dayFromNow(30);
    await extend.getByLabel('Thời hạn mới').fill(newDay);
    await extend.getByLabel('Lý do gia hạn').fill('Chờ danh sách từ Sở Nội vụ.');
    await extend.getByRole('button', { name: 'Gia hạn 1 nhiệm vụ' }).click();
    await expect
      .poll(
        async () =>
          (
            await gql<{ task: { dueDate: string; dueDateHistory: { body: string }[] } }>(
              `query($id: ID!) { task(id: $id) { dueDate dueDateHistory { body } } }`,
              { id: blockedId },
            )
          ).task,
      )
      .toEqual({ dueDate: newDay, dueDateHistory: [{ body: 'Chờ danh sách từ Sở Nội vụ.' }] });
    expect(before.task.dueDate).not.toBe(newDay);

    await page
      .locator(`[data-testid="task-row"][data-task-id="${blockedId}"]`)
      .getByTestId('task-choose')
      .check();
    await page.getByTestId('bulk-reassign').click();
    const reassign = page.getByTestId('bulk-reassign-form');
    await reassign.getByLabel('Đơn vị được giao').selectOption({ label: UNIT });
    await reassign.getByLabel(/^Người thực hiện/).selectOption({ label: 'Nguyễn Thị Hoài Thu' });
    await reassign.getByRole('button', { name: 'Giao lại 1 nhiệm vụ' }).click();
    await page
      .locator(`[data-testid="task-row"][data-task-id="${blockedId}"]`)
      .getByText('Nguyễn Thị Hoài Thu')
      .waitFor();
    await screenshot(page, '64-office-table');

    // The office's home lists its own open tasks, with a link to all.
    await page.goto(`${stage.server.url}/`);
    await page.getByTestId('my-tasks').getByTestId('my-task').first().waitFor();
    await screenshot(page, '65-office-home');

    // In English too: the header, the home's list, a task's page.
    await page.getByRole('button', { name: 'English' }).click();
    await page
      .getByTestId('my-tasks')
      .getByRole('heading', { name: /^My tasks/ })
      .waitFor();
    expect(await page.getByTestId('nav-tasks').textContent()).toBe('Tasks');
    await page.goto(`${stage.server.url}/tasks/${blockedId}`);
    await page.getByTestId('task-heading').waitFor();
    expect(await page.getByTestId('task-status').first().textContent()).toBe('Blocked');
    await page.getByRole('heading', { name: 'Due date and extensions' }).waitFor();
    await screenshot(page, '66-task-page-en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();

    expect(office.pageErrors).toEqual([]);
    expect(assignee.pageErrors).toEqual([]);
  }, 60_000);
});
