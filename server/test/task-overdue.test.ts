// `overdue` (issue 12, item 1): a task is due by the end of its due day in the organization's time zone and
// overdue from the next midnight there, until it is done or cancelled. The rule around midnight with fixed
// instants, then through the API with due dates built around today's midnight (nothing sleeps, no time is
// asserted against the clock).
import {
  defaultTimeZone,
  isTaskOverdue,
  knownTimeZone,
  localDateIn,
  startOfDayIn,
  TaskStatus,
} from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization, Task } from '../src/entities/index.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

const hcm = 'Asia/Ho_Chi_Minh';
const at = (iso: string) => new Date(iso);

describe('overdue, around midnight in the time zone', () => {
  it("counts the day in the zone's local time (Hồ Chí Minh City is UTC+7, no daylight saving)", () => {
    // 23:59:59.999 on 1 December there, then midnight of the 2nd.
    const lastInstant = at('2026-12-01T16:59:59.999Z');
    const midnight = at('2026-12-01T17:00:00.000Z');
    expect(startOfDayIn(hcm, lastInstant).toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(startOfDayIn(hcm, midnight).toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(localDateIn(hcm, lastInstant)).toBe('2026-12-01');
    expect(localDateIn(hcm, midnight)).toBe('2026-12-02');

    // Due at 17:00 on 1 December there: due all that day, overdue from its midnight.
    const task = { dueAt: at('2026-12-01T10:00:00Z'), status: TaskStatus.IN_PROGRESS };
    expect(isTaskOverdue(task, lastInstant, hcm)).toBe(false);
    expect(isTaskOverdue(task, midnight, hcm)).toBe(true);
    // Due at the very first instant of the day is due all that day too.
    const early = { dueAt: at('2026-11-30T17:00:00Z'), status: TaskStatus.TODO };
    expect(isTaskOverdue(early, lastInstant, hcm)).toBe(false);
    expect(isTaskOverdue(early, midnight, hcm)).toBe(true);
    // In UTC the same task is due until 23:59:59.999Z.
    expect(isTaskOverdue(task, at('2026-12-01T23:59:59.999Z'), 'UTC')).toBe(false);
    expect(isTaskOverdue(task, at('2026-12-02T00:00:00.000Z'), 'UTC')).toBe(true);
    // Done or cancelled, never overdue; blocked still is.
    for (const status of [TaskStatus.DONE, TaskStatus.CANCELLED])
      expect(isTaskOverdue({ ...task, status }, midnight, hcm)).toBe(false);
    expect(isTaskOverdue({ ...task, status: TaskStatus.BLOCKED }, midnight, hcm)).toBe(true);
  });

  it('finds midnight on the days daylight saving starts and ends', () => {
    const ny = 'America/New_York';
    expect(startOfDayIn(ny, at('2026-03-08T12:00:00Z')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDayIn(ny, at('2026-03-09T12:00:00Z')).toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDayIn(ny, at('2026-11-01T12:00:00Z')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(startOfDayIn(ny, at('2026-11-02T12:00:00Z')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    // A zone the runtime does not know counts in the default one.
    expect(knownTimeZone('Not/A_Zone')).toBe(defaultTimeZone);
    expect(startOfDayIn('Not/A_Zone', at('2026-12-01T16:59:59.999Z')).toISOString()).toBe(
      '2026-11-30T17:00:00.000Z',
    );
  });
});

interface TaskShape {
  id: string;
  overdue: boolean;
  dueDate: string;
}

describe('overdue through the API, in the organization time zone', () => {
  let t: TestServer;
  let token: string;
  let organizationId: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const tenant = await buildMeetingTenant(db.orm.em.fork());
      token = tenant.office.token;
      organizationId = tenant.organization.id;
      departmentId = tenant.department.id;
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
  const create = (dueAt: Date) =>
    t.gql<{ createTask: { task: TaskShape } }>(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id overdue dueDate } } }`,
      { input: { title: 'Báo cáo sơ kết', assigneeUnitId: departmentId, dueAt: dueAt.toISOString() } },
      token,
    );
  const read = async (id: string) =>
    (
      await t.gql<{ task: TaskShape }>(
        `query($id: ID!) { task(id: $id) { id overdue dueDate } }`,
        { id },
        token,
      )
    ).data!.task;
  const listed = async (overdue: boolean) =>
    (
      await t.gql<{ tasks: { edges: { node: { id: string } }[] } }>(
        `query($overdue: Boolean) { tasks(filter: { overdue: $overdue }, first: 100) { edges { node { id } } } }`,
        { overdue },
        token,
      )
    )
      .data!.tasks.edges.map((edge) => edge.node.id)
      .sort();
  const setDueAt = (id: string, dueAt: Date, status?: TaskStatus) =>
    t.db.orm.em.fork().nativeUpdate(Task, { id }, { dueAt, ...(status ? { status } : {}) });

  it('is overdue from the midnight after its due day there, in the list filter as in the field, and follows the zone', async () => {
    const midnight = startOfDayIn(hcm, new Date());
    const lastOfYesterday = new Date(midnight.getTime() - 1);
    // A new task may be due today, from its first instant, but not on a day already over.
    const refused = await create(lastOfYesterday);
    expect([code(refused), refused.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'dueAt']);
    const first = (await create(midnight)).data!.createTask.task;
    const last = (await create(new Date(midnight.getTime() + 86_400_000 - 1))).data!.createTask.task;
    expect([first.overdue, last.overdue]).toEqual([false, false]);
    expect(first.dueDate).toBe(localDateIn(hcm, midnight));
    expect(last.dueDate).toBe(first.dueDate);

    const late = (await create(midnight)).data!.createTask.task;
    const doneLate = (await create(midnight)).data!.createTask.task;
    await setDueAt(late.id, lastOfYesterday);
    await setDueAt(doneLate.id, lastOfYesterday, TaskStatus.DONE);
    expect(await read(late.id)).toEqual({
      id: late.id,
      overdue: true,
      dueDate: localDateIn(hcm, lastOfYesterday),
    });
    expect((await read(doneLate.id)).overdue).toBe(false);
    expect(await listed(true)).toEqual([late.id]);
    expect(await listed(false)).toEqual([first.id, last.id, doneLate.id].sort());

    // The organization counts its days in UTC now: midnight is another instant.
    await t.db.orm.em.fork().nativeUpdate(Organization, { id: organizationId }, { timeZone: 'UTC' });
    const utcMidnight = startOfDayIn('UTC', new Date());
    await setDueAt(late.id, new Date(utcMidnight.getTime() - 1));
    await setDueAt(first.id, utcMidnight);
    expect(await read(late.id)).toEqual({
      id: late.id,
      overdue: true,
      dueDate: localDateIn('UTC', new Date(utcMidnight.getTime() - 1)),
    });
    expect(await read(first.id)).toEqual({
      id: first.id,
      overdue: false,
      dueDate: localDateIn('UTC', utcMidnight),
    });
    expect(await listed(true)).toContain(late.id);
    expect(await listed(true)).not.toContain(first.id);
  });
});
