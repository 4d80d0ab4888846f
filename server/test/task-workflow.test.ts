// Tasks (issue 12, item 1): assigned by the office (one at a time or several from one conclusion), moved
// along their workflow only by whom `taskTransitions` names, reported on by their assignee unit alone,
// extended and reassigned by the office (one or several at once, all or none), with the due-date history
// kept; every change an event with the task as subject, seen in the task's scope and its source meeting's.
// Every refusal writes nothing.
import { randomUUID } from 'node:crypto';
import {
  AgendaItemStatus,
  Classification,
  EventType,
  MeetingStatus,
  MembershipRole,
  ProposalKind,
  TaskStatus,
  taskTransitions,
  UnitKind,
  type TaskActor,
} from '@quorum/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgendaItem,
  Attachment,
  Event,
  Meeting,
  Organization,
  Proposal,
  Task,
  TaskUpdate,
  Unit,
} from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { collect, startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

type Role = 'office' | 'assignee' | 'colleague' | 'outsider';
const roles: Role[] = ['office', 'assignee', 'colleague', 'outsider'];

const TASK = `id version status progress dueAt dueDate overdue completedAt classification title
  assigneeUnit { id } assignee { id } coordinatingUnits { id } createdBy { id }
  sourceMeeting { id } sourceAgendaItem { id } sourceProposal { id }
  viewerCan { update transitions report extend }`;
interface TaskShape {
  id: string;
  version: number;
  status: TaskStatus;
  progress: number;
  dueAt: string;
  dueDate: string;
  overdue: boolean;
  completedAt: string | null;
  classification: Classification;
  title: string;
  assigneeUnit: { id: string };
  assignee: { id: string } | null;
  coordinatingUnits: { id: string }[];
  createdBy: { id: string } | null;
  sourceMeeting: { id: string } | null;
  sourceAgendaItem: { id: string } | null;
  sourceProposal: { id: string } | null;
  viewerCan: { update: boolean; transitions: TaskStatus[]; report: boolean; extend: boolean };
}

const code = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.code;
const field = (response: GraphQLResponse<unknown>) => response.errors?.[0]?.extensions?.field;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('tasks: assigned, moved, reported on, extended and reassigned', () => {
  let t: TestServer;
  const tokens = {} as Record<Role, string>;
  const userIds = {} as Record<Role, string>;
  let organizationId: string;
  let committeeId: string;
  let departmentId: string;
  let otherUnitId: string;
  let thirdUnitId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      organizationId = tenant.organization.id;
      committeeId = tenant.committee.id;
      departmentId = tenant.department.id;
      tokens.office = tenant.office.token;
      userIds.office = tenant.office.user.id;
      tokens.assignee = tenant.member.token;
      userIds.assignee = tenant.member.user.id;
      const colleague = await buildUser(em, tenant.organization, {
        unit: tenant.department,
        role: MembershipRole.HEAD,
      });
      tokens.colleague = colleague.token;
      userIds.colleague = colleague.user.id;
      const other = em.create(Unit, {
        organization: tenant.organization,
        name: 'Ủy ban Kiểm tra',
        kind: UnitKind.DEPARTMENT,
      });
      const third = em.create(Unit, {
        organization: tenant.organization,
        name: 'Ban Dân vận',
        kind: UnitKind.DEPARTMENT,
      });
      await em.flush();
      otherUnitId = other.id;
      thirdUnitId = third.id;
      const outsider = await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER });
      tokens.outsider = outsider.token;
      userIds.outsider = outsider.user.id;
    });
  });

  afterAll(async () => {
    await t?.close();
  });

  const mutate = <T>(
    role: Role,
    name: string,
    input: Record<string, unknown>,
    selection = `task { ${TASK} }`,
  ) =>
    t.gql<Record<string, T>>(
      `mutation($input: ${name[0]!.toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${selection} } }`,
      { input },
      tokens[role],
    );
  const taskOf = (answer: GraphQLResponse<Record<string, { task: TaskShape }>>, name: string) => {
    expect(answer.errors, name).toBeUndefined();
    return answer.data![name]!.task;
  };

  const read = async (role: Role, id: string) =>
    (
      await t.gql<{ task: TaskShape | null }>(
        `query($id: ID!) { task(id: $id) { ${TASK} } }`,
        { id },
        tokens[role],
      )
    ).data!.task;

  async function newTask(input: Record<string, unknown> = {}): Promise<TaskShape> {
    return taskOf(
      await mutate<{ task: TaskShape }>('office', 'createTask', {
        title: 'Rà soát quy chế làm việc',
        assigneeUnitId: departmentId,
        assigneeId: userIds.assignee,
        dueAt: inDays(10),
        ...input,
      }),
      'createTask',
    );
  }

  /** What a refused command must leave: the task table's rows, their updates, the events. */
  const snapshot = async () => {
    const em = t.db.orm.em.fork();
    const tasks = await em.find(Task, {}, { orderBy: { id: 'asc' } });
    return JSON.stringify({
      tasks: tasks.map((task) => [task.id, task.version, task.status, task.assigneeUnit.id, task.dueAt]),
      updates: await em.count(TaskUpdate),
      events: await em.count(Event, { auditOnly: false }),
    });
  };

  it('is assigned by the office, in TODO with its event; others and bad assignments are refused, writing nothing', async () => {
    const task = await newTask({ coordinatingUnitIds: [otherUnitId], priority: 'HIGH' });
    expect(task).toMatchObject({
      status: TaskStatus.TODO,
      progress: 0,
      overdue: false,
      classification: Classification.INTERNAL,
      assigneeUnit: { id: departmentId },
      assignee: { id: userIds.assignee },
      coordinatingUnits: [{ id: otherUnitId }],
      createdBy: { id: userIds.office },
      sourceMeeting: null,
    });
    const events = await t.db.orm.em.fork().find(Event, { subjectId: task.id });
    expect(events.map((e) => [e.type, e.subjectType, e.scopeType, e.scopeId])).toEqual([
      [EventType.TASK_CREATED, 'TASK', 'TASK', task.id],
    ]);
    expect(events[0]!.changes).toMatchObject({
      title: { before: null, after: 'Rà soát quy chế làm việc' },
      assigneeUnitId: { before: null, after: departmentId },
      coordinatingUnitIds: { before: null, after: [otherUnitId] },
    });

    const before = await snapshot();
    const base = { title: 'Nhiệm vụ', assigneeUnitId: departmentId, dueAt: inDays(3) };
    expect(code(await mutate('assignee', 'createTask', base))).toBe('FORBIDDEN');
    expect(code(await mutate('colleague', 'createTask', base))).toBe('FORBIDDEN');
    const blank = await mutate('office', 'createTask', { ...base, title: '   ' });
    expect([code(blank), field(blank)]).toEqual(['BAD_USER_INPUT', 'title']);
    const stranger = await mutate('office', 'createTask', { ...base, assigneeId: userIds.outsider });
    expect([code(stranger), field(stranger)]).toEqual(['BAD_USER_INPUT', 'assigneeId']);
    const coordinating = await mutate('office', 'createTask', {
      ...base,
      coordinatingUnitIds: [departmentId],
    });
    expect([code(coordinating), field(coordinating)]).toEqual(['BAD_USER_INPUT', 'coordinatingUnitIds']);
    const past = await mutate('office', 'createTask', { ...base, dueAt: inDays(-2) });
    expect([code(past), field(past)]).toEqual(['BAD_USER_INPUT', 'dueAt']);
    const unknown = await mutate('office', 'createTask', {
      ...base,
      assigneeUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(code(unknown)).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });

  it('offers each role what it may do (viewerCan)', async () => {
    const task = await newTask();
    const can = Object.fromEntries(
      await Promise.all(roles.map(async (role) => [role, (await read(role, task.id))!.viewerCan])),
    );
    expect(can).toEqual({
      office: {
        update: true,
        transitions: [TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED, TaskStatus.CANCELLED],
        report: false,
        extend: true,
      },
      assignee: {
        update: false,
        transitions: [TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED],
        report: true,
        extend: false,
      },
      colleague: {
        update: false,
        transitions: [TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED],
        report: true,
        extend: false,
      },
      outsider: { update: false, transitions: [], report: false, extend: false },
    });
  });

  it('allows exactly the moves the workflow gives each role, from every status, and says which ones are allowed', async () => {
    const task = await newTask();
    const roleActors: Record<Role, TaskActor[]> = {
      office: ['office'],
      assignee: ['assignee'],
      colleague: ['assignee'],
      outsider: [],
    };
    let checked = 0;
    for (const from of Object.values(TaskStatus)) {
      for (const role of roles) {
        const expected = Object.values(TaskStatus).filter((to) =>
          (taskTransitions[from][to] ?? []).some((actor) => roleActors[role].includes(actor)),
        );
        for (const to of Object.values(TaskStatus)) {
          await t.db.orm.em.fork().nativeUpdate(Task, { id: task.id }, { status: from, completedAt: null });
          const current = (await read(role, task.id))!;
          expect(current.viewerCan.transitions, `${role} from ${from}`).toEqual(expected);
          const before = await snapshot();
          const moved = await mutate(role, 'changeTaskStatus', {
            taskId: task.id,
            to,
            reason: 'Chờ ý kiến của Thường trực',
            expectedVersion: current.version,
          });
          if (expected.includes(to)) {
            expect(moved.errors, `${role}: ${from} → ${to}`).toBeUndefined();
            expect(taskOf(moved as never, 'changeTaskStatus').status).toBe(to);
          } else {
            expect(code(moved), `${role}: ${from} → ${to}`).toBe(
              role === 'outsider' ? 'FORBIDDEN' : 'BAD_USER_INPUT',
            );
            if (role !== 'outsider') expect(moved.errors?.[0]?.extensions?.allowed).toEqual(expected);
            expect(await snapshot()).toBe(before);
          }
          checked += 1;
        }
      }
    }
    expect(checked).toBe(5 * 4 * 5);
    // Restated by hand: only the office cancels, reopens a done task and restores a cancelled one.
    expect(taskTransitions[TaskStatus.IN_PROGRESS][TaskStatus.CANCELLED]).toEqual(['office']);
    expect(taskTransitions[TaskStatus.DONE]).toEqual({ [TaskStatus.IN_PROGRESS]: ['office'] });
    expect(taskTransitions[TaskStatus.CANCELLED]).toEqual({ [TaskStatus.TODO]: ['office'] });
  });

  it('is blocked, cancelled or reopened only with a reason; done it is at 100 % with the time; each move in its history', async () => {
    const task = await newTask();
    const move = (role: Role, current: TaskShape, to: TaskStatus, reason?: string) =>
      mutate<{ task: TaskShape }>(role, 'changeTaskStatus', {
        taskId: current.id,
        to,
        expectedVersion: current.version,
        ...(reason ? { reason } : {}),
      });
    const started = taskOf(await move('assignee', task, TaskStatus.IN_PROGRESS), 'changeTaskStatus');
    const noReason = await move('assignee', started, TaskStatus.BLOCKED, '  ');
    expect([code(noReason), field(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    const stale = await move('assignee', task, TaskStatus.BLOCKED, 'Thiếu kinh phí');
    expect(code(stale)).toBe('CONFLICT');
    const blocked = taskOf(
      await move('assignee', started, TaskStatus.BLOCKED, 'Thiếu kinh phí'),
      'changeTaskStatus',
    );
    const resumed = taskOf(await move('colleague', blocked, TaskStatus.IN_PROGRESS), 'changeTaskStatus');
    const done = taskOf(await move('assignee', resumed, TaskStatus.DONE), 'changeTaskStatus');
    expect(done).toMatchObject({ status: TaskStatus.DONE, progress: 100, overdue: false });
    expect(done.completedAt).not.toBeNull();
    expect(code(await move('office', done, TaskStatus.IN_PROGRESS))).toBe('BAD_USER_INPUT');
    const reopened = taskOf(
      await move('office', done, TaskStatus.IN_PROGRESS, 'Chưa có báo cáo kết quả'),
      'changeTaskStatus',
    );
    expect(reopened.completedAt).toBeNull();

    const history = await t.gql<{
      task: {
        updates: {
          edges: { node: { body: string; statusFrom: string; statusTo: string; author: { id: string } } }[];
        };
      };
    }>(
      `query($id: ID!) { task(id: $id) { updates(first: 10) { edges { node { body statusFrom statusTo author { id } } } } } }`,
      { id: task.id },
      tokens.assignee,
    );
    expect(history.data!.task.updates.edges.map((e) => e.node).reverse()).toEqual([
      { body: '', statusFrom: 'TODO', statusTo: 'IN_PROGRESS', author: { id: userIds.assignee } },
      {
        body: 'Thiếu kinh phí',
        statusFrom: 'IN_PROGRESS',
        statusTo: 'BLOCKED',
        author: { id: userIds.assignee },
      },
      { body: '', statusFrom: 'BLOCKED', statusTo: 'IN_PROGRESS', author: { id: userIds.colleague } },
      { body: '', statusFrom: 'IN_PROGRESS', statusTo: 'DONE', author: { id: userIds.assignee } },
      {
        body: 'Chưa có báo cáo kết quả',
        statusFrom: 'DONE',
        statusTo: 'IN_PROGRESS',
        author: { id: userIds.office },
      },
    ]);
    const moves = await t.db.orm.em
      .fork()
      .find(Event, { subjectId: task.id, type: EventType.TASK_STATUS_CHANGED }, { orderBy: { seq: 'asc' } });
    expect(moves.map((e) => e.changes.status)).toHaveLength(5);
    expect(moves[1]!.changes).toMatchObject({
      status: { before: 'IN_PROGRESS', after: 'BLOCKED' },
      reason: { before: null, after: 'Thiếu kinh phí' },
    });
  });

  it('takes progress reports from its assignee unit only; a report starts a TODO task; closed tasks take none', async () => {
    const task = await newTask();
    const report = (role: Role, progress: number, body = 'Đã xây dựng dự thảo') =>
      mutate<{ task: TaskShape }>(role, 'reportTaskProgress', { taskId: task.id, body, progress });
    const before = await snapshot();
    expect(code(await report('outsider', 10))).toBe('FORBIDDEN');
    expect(code(await report('office', 10))).toBe('FORBIDDEN');
    const tooMuch = await report('assignee', 101);
    expect([code(tooMuch), field(tooMuch)]).toEqual(['BAD_USER_INPUT', 'progress']);
    const blank = await report('assignee', 10, ' ');
    expect([code(blank), field(blank)]).toEqual(['BAD_USER_INPUT', 'body']);
    expect(await snapshot()).toBe(before);

    const first = taskOf(await report('assignee', 30), 'reportTaskProgress');
    expect(first).toMatchObject({ status: TaskStatus.IN_PROGRESS, progress: 30 });
    const second = taskOf(await report('colleague', 60, 'Đã lấy ý kiến các ban'), 'reportTaskProgress');
    expect(second).toMatchObject({ status: TaskStatus.IN_PROGRESS, progress: 60 });
    const updates = await t.db.orm.em
      .fork()
      .find(TaskUpdate, { task: task.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    expect(
      updates.map((u) => [u.author.id, u.body, u.progress, u.statusFrom ?? null, u.statusTo ?? null]),
    ).toEqual([
      [userIds.assignee, 'Đã xây dựng dự thảo', 30, 'TODO', 'IN_PROGRESS'],
      [userIds.colleague, 'Đã lấy ý kiến các ban', 60, null, null],
    ]);
    const events = await t.db.orm.em
      .fork()
      .find(
        Event,
        { subjectId: task.id, type: EventType.TASK_PROGRESS_REPORTED },
        { orderBy: { seq: 'asc' } },
      );
    expect(events.map((e) => e.changes.progress)).toEqual([
      { before: 0, after: 30 },
      { before: 30, after: 60 },
    ]);

    await t.db.orm.em.fork().nativeUpdate(Task, { id: task.id }, { status: TaskStatus.DONE });
    const closed = await report('assignee', 90);
    expect([code(closed), field(closed)]).toEqual(['BAD_USER_INPUT', 'taskId']);
    expect((await read('assignee', task.id))!.viewerCan.report).toBe(false);
  });

  it('takes files with a report: uploaded by the assignee unit for the task, then named by the report', async () => {
    const task = await newTask();
    const upload = async (role: Role, taskId: string, name = 'bao-cao.pdf') => {
      const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(500, 7)]);
      const form = new FormData();
      form.set('taskId', taskId);
      form.set('file', new Blob([content], { type: 'application/pdf' }), name);
      const response = await fetch(`${t.url}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[role]}` },
        body: form,
      });
      const body = (await response.json()) as {
        attachment?: { id: string; taskId: string | null; name: string; size: number };
        errors?: { extensions: { code: string; field?: string } }[];
      };
      return { status: response.status, body };
    };
    const before = await snapshot();
    const attachments = () => t.db.orm.em.fork().count(Attachment, { task: task.id });
    // Another unit reads an INTERNAL task but adds nothing to its progress; the office follows it, reporting nothing.
    expect((await upload('outsider', task.id)).status).toBe(403);
    expect((await upload('office', task.id)).status).toBe(403);
    const notAnId = await upload('assignee', 'abc');
    expect([notAnId.status, notAnId.body.errors?.[0]?.extensions.field]).toEqual([400, 'taskId']);
    expect(await attachments()).toBe(0);
    expect(await snapshot()).toBe(before);

    const first = await upload('assignee', task.id);
    expect(first.status).toBe(201);
    expect(first.body.attachment).toMatchObject({ taskId: task.id, name: 'bao-cao.pdf', size: 509 });
    const second = await upload('assignee', task.id, 'phu-luc.pdf');
    const colleagues = await upload('colleague', task.id, 'cua-dong-nghiep.pdf');
    const [firstId, secondId, colleaguesId] = [first, second, colleagues].map((u) => u.body.attachment!.id);

    const report = (role: Role, ids: string[]) =>
      mutate<{ task: TaskShape }>(role, 'reportTaskProgress', {
        taskId: task.id,
        body: 'Đã hoàn thành dự thảo, gửi kèm báo cáo',
        progress: 50,
        attachments: ids,
      });
    // Another's file, one named twice, or a file of nothing: refused on `attachments`, nothing written.
    const beforeReports = await snapshot();
    for (const ids of [[firstId!, colleaguesId!], [firstId!, firstId!], [randomUUID()]]) {
      const refused = await report('assignee', ids);
      expect([code(refused), field(refused)], JSON.stringify(ids)).toEqual(['BAD_USER_INPUT', 'attachments']);
    }
    expect(await snapshot()).toBe(beforeReports);

    taskOf(await report('assignee', [firstId!, secondId!]), 'reportTaskProgress');
    // Reported once: the same files do not go with a second report.
    const again = await report('assignee', [firstId!]);
    expect(field(again)).toBe('attachments');
    const read = await t.gql<{
      task: {
        attachments: { id: string; reported: boolean }[];
        updates: {
          edges: { node: { body: string; attachments: { name: string; contentBase64: string }[] } }[];
        };
      };
    }>(
      `query($id: ID!) { task(id: $id) { attachments { id reported } updates { edges { node { body attachments { name contentBase64 } } } } } }`,
      { id: task.id },
      tokens.office,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!.task.attachments.map((a) => [a.id, a.reported])).toEqual([
      [firstId, true],
      [secondId, true],
      [colleaguesId, false],
    ]);
    const [reportRead] = read.data!.task.updates.edges.map((e) => e.node);
    expect(reportRead!.attachments.map((a) => a.name)).toEqual(['bao-cao.pdf', 'phu-luc.pdf']);
    expect(Buffer.from(reportRead!.attachments[0]!.contentBase64, 'base64').subarray(0, 8).toString()).toBe(
      '%PDF-1.7',
    );
    // One file at a time, by id: whoever reads the task reads its files.
    const one = await t.gql<{ attachment: { name: string; size: number } | null }>(
      `query($id: ID!) { attachment(id: $id) { name size } }`,
      { id: secondId },
      tokens.office,
    );
    expect(one.data!.attachment).toEqual({ name: 'phu-luc.pdf', size: 509 });
    const reported = await t.db.orm.em
      .fork()
      .findOneOrFail(
        Event,
        { subjectId: task.id, type: EventType.TASK_PROGRESS_REPORTED },
        { orderBy: { seq: 'desc' } },
      );
    expect(reported.changes.attachmentIds).toEqual({ before: null, after: [firstId, secondId] });
  });

  it('lets the uploader remove a file no report has taken; a reported file stays', async () => {
    const task = await newTask();
    const upload = async (role: Role) => {
      const form = new FormData();
      form.set('taskId', task.id);
      form.set('file', new Blob([Buffer.from('%PDF-1.7\nabc')], { type: 'application/pdf' }), 'nham.pdf');
      const response = await fetch(`${t.url}/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[role]}` },
        body: form,
      });
      return ((await response.json()) as { attachment: { id: string } }).attachment.id;
    };
    const remove = (role: Role, id: string) =>
      t.gql<{ removeTaskAttachment: { removedId: string; task: { attachments: { id: string }[] } } }>(
        `mutation($input: RemoveTaskAttachmentInput!) { removeTaskAttachment(input: $input) { removedId task { attachments { id } } } }`,
        { input: { id } },
        tokens[role],
      );
    const mistake = await upload('assignee');
    const kept = await upload('assignee');
    const before = await snapshot();
    const files = () => t.db.orm.em.fork().count(Attachment, { task: task.id });
    // A colleague of the same unit, the office and another unit do not remove someone else's file.
    for (const role of ['colleague', 'office', 'outsider'] as const)
      expect(code(await remove(role, mistake)), role).toBe('NOT_FOUND');
    expect(await files()).toBe(2);
    expect(await snapshot()).toBe(before);
    const removed = await remove('assignee', mistake);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeTaskAttachment.task.attachments.map((a) => a.id)).toEqual([kept]);
    expect(code(await remove('assignee', mistake))).toBe('NOT_FOUND');

    taskOf(
      await mutate<{ task: TaskShape }>('assignee', 'reportTaskProgress', {
        taskId: task.id,
        body: 'Kèm báo cáo',
        progress: 20,
        attachments: [kept],
      }),
      'reportTaskProgress',
    );
    const reported = await remove('assignee', kept);
    expect([code(reported), field(reported)]).toEqual(['BAD_USER_INPUT', 'id']);
    expect(await files()).toBe(1);
  });

  it('lists tasks due between two days of the organization, inclusive', async () => {
    const [first, second] = [
      await newTask({ dueAt: '2027-03-01T01:00:00Z' }),
      await newTask({ dueAt: '2027-03-02T16:59:59Z' }),
    ];
    const list = async (filter: Record<string, unknown>) => {
      const answer = await t.gql<{ tasks: { edges: { node: { id: string } }[] } }>(
        `query($filter: TaskFilter) { tasks(filter: $filter, first: 100) { edges { node { id } } } }`,
        { filter },
        tokens.office,
      );
      return answer.errors
        ? answer.errors[0]!.extensions!.field
        : answer.data!.tasks.edges.map((e) => e.node.id);
    };
    // 02/03 16:59:59 UTC is 23:59:59 that day in Hồ Chí Minh City; 01/03 01:00 UTC is 08:00 there.
    expect(await list({ dueFrom: '2027-03-01', dueTo: '2027-03-02' })).toEqual([first.id, second.id]);
    expect(await list({ dueFrom: '2027-03-02', dueTo: '2027-03-02' })).toEqual([second.id]);
    expect(await list({ dueTo: '2027-02-28', dueFrom: '2027-02-01' })).toEqual([]);
    expect(await list({ dueFrom: '2027-02-30' })).toBe('dueFrom');
    expect(await list({ dueFrom: '2027-03-03', dueTo: '2027-03-01' })).toBe('dueTo');
  });

  it('is extended by the office to a later day only, each extension kept with its reason (dueDateHistory)', async () => {
    const task = await newTask({ dueAt: inDays(5) });
    const extend = (role: Role, dueAt: string, reason = 'Chờ số liệu quyết toán') =>
      mutate<{ task: TaskShape }>(role, 'extendTaskDueDate', { taskId: task.id, dueAt, reason });
    const before = await snapshot();
    expect(code(await extend('assignee', inDays(20)))).toBe('FORBIDDEN');
    const earlier = await extend('office', inDays(4));
    expect([code(earlier), field(earlier)]).toEqual(['BAD_USER_INPUT', 'dueAt']);
    const noReason = await extend('office', inDays(20), '  ');
    expect([code(noReason), field(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect(await snapshot()).toBe(before);

    const later = inDays(20);
    const latest = inDays(40);
    expect(taskOf(await extend('office', later), 'extendTaskDueDate').dueAt).toBe(later);
    expect(taskOf(await extend('office', latest, 'Theo đề nghị của Ban'), 'extendTaskDueDate').dueAt).toBe(
      latest,
    );
    const history = await t.gql<{
      task: {
        dueDateHistory: { dueAtBefore: string; dueAtAfter: string; body: string; author: { id: string } }[];
      };
    }>(
      `query($id: ID!) { task(id: $id) { dueDateHistory { dueAtBefore dueAtAfter body author { id } } } }`,
      { id: task.id },
      tokens.assignee,
    );
    expect(history.data!.task.dueDateHistory).toEqual([
      {
        dueAtBefore: task.dueAt,
        dueAtAfter: later,
        body: 'Chờ số liệu quyết toán',
        author: { id: userIds.office },
      },
      {
        dueAtBefore: later,
        dueAtAfter: latest,
        body: 'Theo đề nghị của Ban',
        author: { id: userIds.office },
      },
    ]);
    const events = await t.db.orm.em
      .fork()
      .find(
        Event,
        { subjectId: task.id, type: EventType.TASK_DUE_DATE_EXTENDED },
        { orderBy: { seq: 'asc' } },
      );
    expect(events.map((e) => e.changes.dueAt)).toEqual([
      { before: task.dueAt, after: later },
      { before: later, after: latest },
    ]);

    await t.db.orm.em.fork().nativeUpdate(Task, { id: task.id }, { status: TaskStatus.CANCELLED });
    const cancelled = await extend('office', inDays(60));
    expect(code(cancelled)).toBe('BAD_USER_INPUT');
  });

  it('changes its details by version (the office), reassigning it, and a CONFIDENTIAL one is hidden at once from others', async () => {
    const task = await newTask({ classification: Classification.RESTRICTED });
    expect(await read('outsider', task.id)).toBeNull();
    expect((await read('colleague', task.id))?.id).toBe(task.id);
    const update = (role: Role, input: Record<string, unknown>) =>
      mutate<{ task: TaskShape }>(role, 'updateTask', { id: task.id, ...input });
    expect(code(await update('assignee', { expectedVersion: task.version, title: 'Khác' }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await update('office', { expectedVersion: task.version, title: null }))).toBe(
      'BAD_USER_INPUT',
    );
    const reassigned = taskOf(
      await update('office', {
        expectedVersion: task.version,
        title: 'Rà soát (sửa)',
        assigneeUnitId: otherUnitId,
      }),
      'updateTask',
    );
    expect(reassigned).toMatchObject({
      title: 'Rà soát (sửa)',
      assigneeUnit: { id: otherUnitId },
      assignee: null,
    });
    expect(code(await update('office', { expectedVersion: task.version, title: 'Cũ' }))).toBe('CONFLICT');
    // RESTRICTED: the new unit reads it, the old one no longer.
    expect((await read('outsider', task.id))?.id).toBe(task.id);
    expect(await read('colleague', task.id)).toBeNull();
    const types = await t.db.orm.em.fork().find(Event, { subjectId: task.id }, { orderBy: { seq: 'asc' } });
    expect(types.map((e) => e.type)).toEqual([
      EventType.TASK_CREATED,
      EventType.TASK_UPDATED,
      EventType.TASK_REASSIGNED,
    ]);
    expect(types[2]!.changes).toEqual({
      assigneeUnitId: { before: departmentId, after: otherUnitId },
      assigneeId: { before: userIds.assignee, after: null },
    });

    const secret = taskOf(
      await update('office', {
        expectedVersion: reassigned.version,
        classification: Classification.CONFIDENTIAL,
        assigneeId: userIds.outsider,
      }),
      'updateTask',
    );
    expect(secret.classification).toBe(Classification.CONFIDENTIAL);
    // Its author (on the access list) and its assignee read it; the colleague of the old unit does not.
    expect((await read('office', task.id))?.id).toBe(task.id);
    expect((await read('outsider', task.id))?.id).toBe(task.id);
    expect(await read('assignee', task.id)).toBeNull();
  });

  it('is reassigned and extended in bulk by the office: all the tasks, or none when one is refused', async () => {
    const tasks = await Promise.all([newTask(), newTask(), newTask()]);
    const ids = tasks.map((task) => task.id);
    await t.db.orm.em.fork().nativeUpdate(Task, { id: ids[2] }, { status: TaskStatus.DONE });
    const bulk = (role: Role, name: string, input: Record<string, unknown>) =>
      mutate<{ tasks: TaskShape[] }>(role, name, input, `tasks { ${TASK} }`);

    let before = await snapshot();
    const withDone = await bulk('office', 'reassignTasks', { taskIds: ids, assigneeUnitId: thirdUnitId });
    expect([code(withDone), field(withDone), withDone.errors?.[0]?.extensions?.taskId]).toEqual([
      'BAD_USER_INPUT',
      'taskIds',
      ids[2],
    ]);
    const withUnknown = await bulk('office', 'reassignTasks', {
      taskIds: [ids[0], '00000000-0000-4000-8000-000000000000'],
      assigneeUnitId: thirdUnitId,
    });
    expect(code(withUnknown)).toBe('NOT_FOUND');
    const twice = await bulk('office', 'reassignTasks', {
      taskIds: [ids[0], ids[0]],
      assigneeUnitId: thirdUnitId,
    });
    expect([code(twice), field(twice)]).toEqual(['BAD_USER_INPUT', 'taskIds']);
    expect(
      code(
        await bulk('assignee', 'reassignTasks', { taskIds: ids.slice(0, 2), assigneeUnitId: thirdUnitId }),
      ),
    ).toBe('FORBIDDEN');
    const later = inDays(30);
    const extendAll = await bulk('office', 'extendTasksDueDate', {
      taskIds: ids,
      dueAt: later,
      reason: 'Dồn việc cuối năm',
    });
    expect([code(extendAll), field(extendAll)]).toEqual(['BAD_USER_INPUT', 'taskIds']);
    expect(
      code(
        await bulk('colleague', 'extendTasksDueDate', {
          taskIds: ids.slice(0, 2),
          dueAt: later,
          reason: 'Dồn việc',
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await snapshot()).toBe(before);

    const open = ids.slice(0, 2);
    const reassigned = await bulk('office', 'reassignTasks', { taskIds: open, assigneeUnitId: thirdUnitId });
    expect(reassigned.errors).toBeUndefined();
    expect(
      reassigned.data!.reassignTasks!.tasks.map((task) => [task.id, task.assigneeUnit.id, task.assignee]),
    ).toEqual(open.map((id) => [id, thirdUnitId, null]));
    before = await snapshot();
    const extended = await bulk('office', 'extendTasksDueDate', {
      taskIds: open,
      dueAt: later,
      reason: 'Dồn việc cuối năm',
    });
    expect(extended.errors).toBeUndefined();
    expect(extended.data!.extendTasksDueDate!.tasks.map((task) => task.dueAt)).toEqual([later, later]);
    const em = t.db.orm.em.fork();
    expect(await em.count(TaskUpdate, { task: { $in: open }, dueAtAfter: new Date(later) })).toBe(2);
    expect(await em.count(Event, { subjectId: { $in: open }, type: EventType.TASK_REASSIGNED })).toBe(2);
    expect(await em.count(Event, { subjectId: { $in: open }, type: EventType.TASK_DUE_DATE_EXTENDED })).toBe(
      2,
    );
    expect(await snapshot()).not.toBe(before);
  });

  describe('from a conclusion, seen live in the meeting and the task', () => {
    let meeting: Meeting;
    let item: AgendaItem;
    let bare: AgendaItem;
    let proposalId: string;

    beforeAll(async () => {
      const em = t.db.orm.em.fork();
      const organization = em.getReference(Organization, organizationId);
      meeting = await buildMeetingIn(em, organization, em.getReference(Unit, committeeId), {
        status: MeetingStatus.IN_PROGRESS,
      });
      const proposal = em.create(Proposal, {
        organization,
        title: 'Đề án chuyển đổi số',
        kind: ProposalKind.PROPOSAL,
        leadUnit: departmentId,
        owner: userIds.assignee,
      });
      await em.flush();
      proposalId = proposal.id;
      [item, bare] = (await buildAgendaItems(em, meeting, [
        { title: 'Đề án chuyển đổi số', status: AgendaItemStatus.CONCLUDED, proposal },
        { title: 'Việc khác', status: AgendaItemStatus.IN_DISCUSSION },
      ])) as [AgendaItem, AgendaItem];
      await em.nativeUpdate(
        AgendaItem,
        { id: item.id },
        { conclusion: 'Giao Ban Tổ chức chủ trì triển khai.' },
      );
    });

    const fromConclusion = (role: Role, agendaItemId: string, tasks: Record<string, unknown>[]) =>
      mutate<{ tasks: TaskShape[] }>(
        role,
        'createTasksFromConclusion',
        { agendaItemId, tasks },
        `tasks { ${TASK} }`,
      );
    const spec = (title: string, extra: Record<string, unknown> = {}) => ({
      title,
      assigneeUnitId: departmentId,
      dueAt: inDays(14),
      ...extra,
    });

    it('creates the tasks of a conclusion together, from the item, its meeting and its proposal, or none', async () => {
      const before = await snapshot();
      const noConclusion = await fromConclusion('office', bare.id, [spec('A')]);
      expect([code(noConclusion), field(noConclusion)]).toEqual(['BAD_USER_INPUT', 'agendaItemId']);
      const oneBad = await fromConclusion('office', item.id, [
        spec('A'),
        spec('B', { assigneeId: userIds.outsider }),
      ]);
      expect([code(oneBad), field(oneBad)]).toEqual(['BAD_USER_INPUT', 'tasks.1.assigneeId']);
      expect(code(await fromConclusion('assignee', item.id, [spec('A')]))).toBe('FORBIDDEN');
      const none = await fromConclusion('office', item.id, []);
      expect(code(none)).toBe('BAD_USER_INPUT');
      await t.db.orm.em.fork().nativeUpdate(Meeting, { id: meeting.id }, { status: MeetingStatus.SCHEDULED });
      const notYet = await fromConclusion('office', item.id, [spec('A')]);
      expect([code(notYet), field(notYet)]).toEqual(['BAD_USER_INPUT', 'agendaItemId']);
      await t.db.orm.em
        .fork()
        .nativeUpdate(Meeting, { id: meeting.id }, { status: MeetingStatus.IN_PROGRESS });
      expect(await snapshot()).toBe(before);

      const created = await fromConclusion('office', item.id, [
        spec('Xây dựng kế hoạch triển khai', { assigneeId: userIds.assignee }),
        spec('Báo cáo kết quả quý I', { coordinatingUnitIds: [otherUnitId] }),
      ]);
      expect(created.errors).toBeUndefined();
      const tasks = created.data!.createTasksFromConclusion!.tasks;
      expect(tasks.map((task) => task.title)).toEqual([
        'Xây dựng kế hoạch triển khai',
        'Báo cáo kết quả quý I',
      ]);
      for (const task of tasks)
        expect(task).toMatchObject({
          sourceMeeting: { id: meeting.id },
          sourceAgendaItem: { id: item.id },
          sourceProposal: { id: proposalId },
          status: TaskStatus.TODO,
        });
      const listed = await t.gql<{ tasks: { edges: { node: { id: string } }[] } }>(
        `query($id: ID!) { tasks(filter: { sourceMeetingId: $id }) { edges { node { id } } } }`,
        { id: meeting.id },
        tokens.assignee,
      );
      expect(listed.data!.tasks.edges.map((e) => e.node.id).sort()).toEqual(
        tasks.map((task) => task.id).sort(),
      );
      const events = await t.db.orm.em
        .fork()
        .find(Event, { subjectId: { $in: tasks.map((task) => task.id) } });
      expect(events.map((e) => [e.type, e.scopeType, e.scopeId])).toEqual([
        [EventType.TASK_CREATED, 'MEETING', meeting.id],
        [EventType.TASK_CREATED, 'MEETING', meeting.id],
      ]);
    });

    it("streams every change of a task to the task's scope and to its meeting's, and the polled feed has them too", async () => {
      const [latest] = await t.db.orm.em
        .fork()
        .find(Event, {}, { orderBy: { seq: 'desc' }, fields: ['seq'], limit: 1 });
      const after = latest?.seq ?? '0';
      const created = await fromConclusion('office', item.id, [
        spec('Tổng kết', { assigneeId: userIds.assignee }),
      ]);
      const task = created.data!.createTasksFromConclusion!.tasks[0]!;
      const subscribe = (type: 'MEETING' | 'TASK', id: string) =>
        collect<{ events: { type: string; subject: { __typename: string; id: string; progress?: number } } }>(
          t.ws(tokens.assignee),
          `subscription($type: SubjectType!, $id: ID!, $after: String) { events(scope: { type: $type, id: $id }, after: $after) {
             type subject { __typename ... on Task { id progress } ... on Meeting { id } } } }`,
          { type, id, after },
          (received) => received.some((r) => r.events.type === EventType.TASK_DUE_DATE_EXTENDED),
          15_000,
        );
      const inMeeting = subscribe('MEETING', meeting.id);
      const inTask = subscribe('TASK', task.id);
      taskOf(
        await mutate('assignee', 'reportTaskProgress', {
          taskId: task.id,
          body: 'Đã họp triển khai',
          progress: 20,
        }),
        'reportTaskProgress',
      );
      taskOf(
        await mutate('office', 'extendTaskDueDate', {
          taskId: task.id,
          dueAt: inDays(30),
          reason: 'Chờ hướng dẫn',
        }),
        'extendTaskDueDate',
      );
      const expected = [
        EventType.TASK_CREATED,
        EventType.TASK_PROGRESS_REPORTED,
        EventType.TASK_DUE_DATE_EXTENDED,
      ];
      for (const stream of [inMeeting, inTask]) {
        const received = await stream.done;
        stream.unsubscribe();
        expect(stream.errors).toEqual([]);
        const ofTask = received.filter((r) => r.events.subject.id === task.id);
        expect(ofTask.map((r) => r.events.type)).toEqual(expected);
        expect(ofTask.every((r) => r.events.subject.__typename === 'Task')).toBe(true);
      }
      for (const [type, id] of [
        ['MEETING', meeting.id],
        ['TASK', task.id],
      ] as const) {
        const page = await t.gql<{ events: { events: { type: string; subject: { id: string } | null }[] } }>(
          `query($type: SubjectType!, $id: ID!, $after: String) { events(scope: { type: $type, id: $id }, after: $after, first: 100) {
             events { type subject { ... on Task { id } } } } }`,
          { type, id, after },
          tokens.assignee,
        );
        expect(page.errors).toBeUndefined();
        expect(
          page.data!.events.events.filter((e) => e.subject?.id === task.id).map((e) => e.type),
          type,
        ).toEqual(expected);
      }
      // Whoever may not read the task does not get its events in the meeting's feed.
      await t.db.orm.em
        .fork()
        .nativeUpdate(Task, { id: task.id }, { classification: Classification.CONFIDENTIAL });
      const hidden = await t.gql<{ events: { events: { type: string }[] } }>(
        `query($id: ID!, $after: String) { events(scope: { type: MEETING, id: $id }, after: $after, first: 100) { events { type } } }`,
        { id: meeting.id, after },
        tokens.colleague,
      );
      expect(hidden.errors).toBeUndefined();
      expect(hidden.data!.events.events.filter((e) => e.type.startsWith('task.'))).toHaveLength(0);
    });
  });
});
