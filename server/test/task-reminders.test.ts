// Reminders and escalation of tasks (issue 12, item 2): the job's run, called with explicit instants built
// around the tasks' due dates (nothing sleeps), sends each reminder and escalation once per due date, to the
// right people, across a restart of the server on the same database; an extension arms them again. Then the
// timer that runs it in the server, on its own.
import { MembershipRole, TaskStatus } from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig, type Config } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { Notification, Task } from '../src/entities/index.js';
import { reminderKindAt, type SentReminder } from '../src/jobs/task-reminders.js';
import { createTestDatabase, usingPostgres } from './support/database.js';
import { buildOrganization, buildUser } from './support/factories.js';

const day = 86_400_000;
const hcm = 'Asia/Ho_Chi_Minh';

describe('reminderKindAt', () => {
  it("counts days in the organization's time zone", () => {
    const task = { dueAt: new Date('2026-12-10T10:00:00Z'), status: TaskStatus.TODO };
    const at = (iso: string) => reminderKindAt(task, new Date(iso), hcm, [3, 1]);
    expect(at('2026-12-06T16:59:59Z')).toBeUndefined(); // 6 Dec, 23:59 there: 4 days before
    expect(at('2026-12-06T17:00:00Z')).toBe('reminder-3'); // 7 Dec, 00:00 there
    expect(at('2026-12-08T16:00:00Z')).toBe('reminder-3'); // 8 Dec there: 2 days before
    expect(at('2026-12-08T17:00:00Z')).toBe('reminder-1'); // 9 Dec there
    expect(at('2026-12-10T16:59:59Z')).toBe('reminder-1'); // the due day itself
    expect(at('2026-12-10T17:00:00Z')).toBe('escalation'); // 11 Dec there: overdue
    expect(
      reminderKindAt({ ...task, status: TaskStatus.DONE }, new Date('2026-12-12T00:00:00Z'), hcm, [3, 1]),
    ).toBe(undefined);
  });
});

describe('the reminder settings', () => {
  it('reads the schedule and the interval, with defaults', () => {
    const env = { NODE_ENV: 'production' };
    expect(loadConfig(env).taskReminderDays).toEqual([3, 1]);
    expect(loadConfig(env).taskReminderIntervalMs).toBe(300_000);
    expect(loadConfig({ NODE_ENV: 'test' }).taskReminderIntervalMs).toBe(0);
    expect(loadConfig({ ...env, TASK_REMINDER_DAYS: '1, 7,3,3' }).taskReminderDays).toEqual([7, 3, 1]);
    expect(() => loadConfig({ ...env, TASK_REMINDER_DAYS: '3,0' })).toThrow(/TASK_REMINDER_DAYS/);
    expect(() => loadConfig({ ...env, TASK_REMINDER_INTERVAL_MS: 'soon' })).toThrow(
      /TASK_REMINDER_INTERVAL_MS/,
    );
  });
});

describe('the reminder job', () => {
  let db: Database;
  let config: Config;
  let server: RunningServer;
  let people: Record<'clerk' | 'head' | 'member' | 'formerHead', { id: string; token: string }>;
  let departmentId: string;

  beforeAll(async () => {
    config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test' });
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const org = await buildOrganization(em);
    departmentId = org.department.id;
    const user = async (unit: typeof org.office, role: MembershipRole, active = true) => {
      const built = await buildUser(em, org.organization, { unit, role, active });
      return { id: built.user.id, token: built.token };
    };
    people = {
      clerk: await user(org.office, MembershipRole.STAFF),
      head: await user(org.department, MembershipRole.HEAD),
      member: await user(org.department, MembershipRole.MEMBER),
      formerHead: await user(org.department, MembershipRole.HEAD, false),
    };
    server = await startServer(config, db);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${people.clerk.token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown };
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const createTask = async (title: string, dueAt: Date, assigneeId?: string) =>
    (
      await gql<{ createTask: { task: { id: string } } }>(
        'mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } } }',
        {
          input: {
            title,
            assigneeUnitId: departmentId,
            dueAt: dueAt.toISOString(),
            ...(assigneeId ? { assigneeId } : {}),
          },
        },
      )
    ).createTask.task.id;
  const run = (now: Date) => server.taskReminders.tick(now);
  const summary = (sent: SentReminder[]) =>
    sent
      .map((s) => `${s.taskId === named ? 'named' : 'unit'} ${s.kind} ${s.userIds.map(who).sort().join(',')}`)
      .sort();
  const who = (id: string) => Object.entries(people).find(([, p]) => p.id === id)?.[0] ?? id;
  const received = async () => {
    const rows = await db.orm.em
      .fork()
      .find(
        Notification,
        { event: { type: { $in: ['task.reminded', 'task.escalated'] } } },
        { populate: ['event'] },
      );
    return rows
      .map(
        (n) =>
          `${who(n.user.id)} ${n.event.getEntity().type} ${n.event.getEntity().subjectId === named ? 'named' : 'unit'}`,
      )
      .sort();
  };

  let named: string;
  let unit: string;
  let due: Date;

  it('reminds before the due day, once per reminder, to the assignee or else the unit head', async () => {
    due = new Date(Date.now() + 20 * day);
    named = await createTask('Báo cáo sơ kết', due, people.member.id);
    unit = await createTask('Tổng hợp ý kiến', due);
    expect(await run(new Date())).toEqual([]);
    expect(await run(new Date(due.getTime() - 5 * day))).toEqual([]);

    const threeBefore = new Date(due.getTime() - 3 * day);
    expect(summary(await run(threeBefore))).toEqual(['named reminder-3 member', 'unit reminder-3 head']);
    expect(await run(threeBefore)).toEqual([]);
    expect(await run(new Date(due.getTime() - 2 * day))).toEqual([]);
    expect(await received()).toEqual(['head task.reminded unit', 'member task.reminded named']);
    expect(unit).toBeTruthy();
  });

  it('loses nothing and doubles nothing across a restart on the same database', async () => {
    await server.stop();
    server = await startServer(config, db);
    // The new server's job sees what the last one recorded: the same instant sends nothing again.
    expect(await run(new Date(due.getTime() - 3 * day))).toEqual([]);
    const oneBefore = new Date(due.getTime() - 1 * day);
    // Two runs at once (two instances, a timer and a call): they take turns and send each reminder once.
    const [first, second] = await Promise.all([run(oneBefore), run(oneBefore)]);
    expect(summary([...first!, ...second!])).toEqual(['named reminder-1 member', 'unit reminder-1 head']);
    expect(await received()).toEqual([
      'head task.reminded unit',
      'head task.reminded unit',
      'member task.reminded named',
      'member task.reminded named',
    ]);
  });

  it("escalates once overdue to the unit's heads and the office, once per due date", async () => {
    const after = new Date(due.getTime() + 2 * day);
    expect(summary(await run(after))).toEqual(['named escalation clerk,head', 'unit escalation clerk,head']);
    expect(await run(after)).toEqual([]);
    expect(await run(new Date(due.getTime() + 5 * day))).toEqual([]);
    const events: { type: string; actor_id: string | null }[] = await db.orm.em
      .fork()
      .getConnection()
      .execute(
        "select type, actor_id from event where type in ('task.reminded', 'task.escalated') order by seq",
      );
    expect(events.map((e) => e.type)).toEqual([
      ...Array(4).fill('task.reminded'),
      'task.escalated',
      'task.escalated',
    ]);
    expect(events.every((e) => e.actor_id === null)).toBe(true);
  });

  it('arms the reminders again when the due date is extended, and a closed task gets none', async () => {
    const later = new Date(due.getTime() + 10 * day);
    await gql(
      'mutation($input: ExtendTaskDueDateInput!) { extendTaskDueDate(input: $input) { task { id } } }',
      {
        input: { taskId: named, dueAt: later.toISOString(), reason: 'Theo đề nghị của Ban' },
      },
    );
    await db.orm.em.fork().nativeUpdate(Task, { id: unit }, { status: TaskStatus.DONE });
    expect(summary(await run(new Date(later.getTime() - 3 * day)))).toEqual(['named reminder-3 member']);
    expect(summary(await run(new Date(later.getTime() + 2 * day)))).toEqual(['named escalation clerk,head']);
    expect(await run(new Date(later.getTime() + 2 * day))).toEqual([]);
    expect((await received()).filter((r) => r.startsWith('formerHead'))).toEqual([]);
  });
});

describe('the reminder job in the server', () => {
  it('runs by itself, sends a due reminder once and stops with the server', async () => {
    const config = loadConfig({
      ...process.env,
      PORT: '0',
      NODE_ENV: 'test',
      TASK_REMINDER_INTERVAL_MS: '20',
    });
    const db = await createTestDatabase();
    try {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em);
      const member = await buildUser(em, org.organization, {
        unit: org.department,
        role: MembershipRole.MEMBER,
      });
      em.create(Task, {
        organization: org.organization,
        title: 'Gửi báo cáo',
        assigneeUnit: org.department,
        assignee: member.user,
        dueAt: new Date(Date.now() + 3_600_000),
      });
      await em.flush();
      const server = await startServer(config, db);
      // Through pg-boss on PostgreSQL, the in-process timer on the embedded database.
      expect(server.taskReminders.mode).toBe(usingPostgres ? 'queue' : 'timer');
      const count = () => db.orm.em.fork().count(Notification, { user: member.user.id });
      const deadline = Date.now() + 5_000;
      while ((await count()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      // A few more runs of the timer, then nothing more has been sent.
      await server.taskReminders.tick();
      await server.taskReminders.tick();
      await server.stop();
      expect(await count()).toBe(1);
    } finally {
      await db.close();
    }
  });
});
