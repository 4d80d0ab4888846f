// The leaders' dashboard, live, in real browsers against the real server over the demo data: the Party
// Secretary signs in and lands on his dashboard (no meeting form in sight); in another browser context the
// assignee marks a task done on its page; the secretary's figures (tasks done, in progress) change without a
// reload, and each still leads to the list it counts.
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

const OFFICE = 'office@quorum.test';
const LEADER = 'bithu@quorum.test';
const ASSIGNEE = 'tochuc@quorum.test';
const TITLE = 'Tổng hợp báo cáo sơ kết công tác cán bộ (thử tổng quan)';

let leader: Person;
let assignee: Person;
let taskId = '';

describe.skipIf(!browserAvailable)("a leader's dashboard, live", () => {
  const stage = useStage();
  beforeAll(async () => {
    const office = await signInOverApi(stage.server.url, OFFICE, PASSWORD);
    const worker = await signInOverApi(stage.server.url, ASSIGNEE, PASSWORD);
    const me = await graphqlData<{
      viewer: { id: string; memberships: { unit: { id: string; kind: string } }[] };
    }>(stage.server.url, `{ viewer { id memberships { unit { id kind } } } }`, worker);
    const unit = me.viewer.memberships.find((m) => m.unit.kind === 'DEPARTMENT')!.unit.id;
    const created = await graphqlData<{ createTask: { task: { id: string; version: number } } }>(
      stage.server.url,
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id version } } }`,
      office,
      {
        input: {
          title: TITLE,
          assigneeUnitId: unit,
          assigneeId: me.viewer.id,
          dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      },
    );
    taskId = created.createTask.task.id;
    await graphqlData(
      stage.server.url,
      `mutation($input: ChangeTaskStatusInput!) { changeTaskStatus(input: $input) { task { id } } }`,
      worker,
      { input: { taskId, expectedVersion: created.createTask.task.version, to: 'IN_PROGRESS' } },
    );
    leader = await openPerson(stage.browser, { width: 1366, height: 1200 }, PAGE_TIMEOUT);
    assignee = await openPerson(stage.browser, { width: 1280, height: 900 }, PAGE_TIMEOUT);
  }, 180_000);

  it('lands the leader on the dashboard, whose task figures follow a task marked done elsewhere', async () => {
    await signIn(leader, stage.server, LEADER);
    const { page } = leader;
    await page.getByTestId('dashboard-status-table').waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    await page.getByRole('heading', { level: 1, name: 'Tổng quan điều hành' }).waitFor();
    // No form he may not use.
    expect(await page.getByTestId('create-meeting-form').count()).toBe(0);

    const figure = async (status: string) =>
      Number(await page.getByTestId(`dashboard-status-${status}`).textContent());
    const done = await figure('DONE');
    const inProgress = await figure('IN_PROGRESS');
    // The figure leads to its list: the task table narrowed to that status.
    expect(await page.getByTestId('dashboard-status-DONE').getAttribute('href')).toBe(
      '/tasks?mode=table&status=DONE',
    );

    // The assignee, at their own computer, marks the task done on its page.
    await signIn(assignee, stage.server, ASSIGNEE, { path: `/tasks/${taskId}` });
    await assignee.page.getByTestId('task-move-DONE').click();
    await expect.poll(async () => figure('DONE'), { timeout: LIVE_TIMEOUT }).toBe(done + 1);
    expect(await figure('IN_PROGRESS')).toBe(inProgress - 1);
    // Without a reload: still the page the leader signed in on.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
    await screenshot(page, 'dashboard-leader');

    // The figure's link opens the list behind it.
    await page.getByTestId('dashboard-status-DONE').click();
    await page.waitForURL((url) => url.pathname === '/tasks' && url.searchParams.get('status') === 'DONE');
    expect(leader.pageErrors).toEqual([]);
    expect(assignee.pageErrors).toEqual([]);
  });

  it('leads from the upcoming meetings figure to the meetings list narrowed to those, as many as it counts', async () => {
    const { page } = leader;
    await page.goto(`${stage.server.url}/dashboard`);
    const count = page.getByTestId('dashboard-meeting-count');
    await count.waitFor();
    const counted = Number(/\d+/.exec((await count.textContent()) ?? '')?.[0]);
    // The demo programme has meetings ahead of today, fewer than a page.
    expect(counted).toBeGreaterThan(0);
    await count.click();
    await page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('upcoming'));
    await page.getByTestId('meeting-filter-upcoming').waitFor();
    await expect.poll(() => page.getByTestId('meeting-row').count(), { timeout: LIVE_TIMEOUT }).toBe(counted);
    expect(leader.pageErrors).toEqual([]);
  });
});
