// The leaders' dashboard (issue 13, item 1): on a hand-built fixture, every figure equals the total of the
// list query it names, per role (a CONFIDENTIAL meeting, proposal or task the viewer is not on is in no
// figure), the leader's figures are checked by hand too, a bad year is BAD_USER_INPUT, and the statements
// sent to the database do not grow with the data.
import {
  AppraisalStatus,
  Classification,
  MeetingStatus,
  MembershipRole,
  ParticipantRole,
  ProgrammeItemStatus,
  ProposalKind,
  ProposalStatus,
  TaskStatus,
  UnitKind,
  Verdict,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Appraisal,
  AppraisalAssignment,
  Organization,
  ProgrammeItem,
  Proposal,
  Task,
  Unit,
  WorkProgramme,
  type User,
} from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildMeetingIn, buildMeetingTenant, buildParticipants } from './support/meeting-factories.js';
import { noFeedPoll, startTestServer, type TestServer } from './support/server.js';

type Role = 'office' | 'member' | 'leader';

const day = 86_400_000;
const now = Date.now();
const at = (days: number) => new Date(now + days * day);
/** This year in Hồ Chí Minh City (UTC+7), the fixture organization's time zone. */
const year = new Date(now + 7 * 3_600_000).getUTCFullYear();

const dashboardQuery = `query($year: Int) { dashboard(year: $year) {
  year asOf plannedCount adoptedCount openStatuses
  programmes { id year plannedCount adoptedCount progressByMonth { month planned adopted } }
  programmeProgress { month planned adopted plannedToDate adoptedToDate }
  tasksByStatus { status count }
  tasksByUnit { unit { id } open overdue done }
  overdueTrend { at date overdue }
  upcomingStatuses upcomingFrom upcomingMeetingCount upcomingMeetings { id title }
  appraisalsWaiting appraisalsOverdue
  waitingForViewerUnits { overdue assignment { id unit { id } } appraisal { id dueAt proposal { id } } }
  ownOpenTaskCount ownTasks { id status }
} }`;

interface Figures {
  year: number;
  asOf: string;
  plannedCount: number;
  adoptedCount: number;
  openStatuses: TaskStatus[];
  programmes: {
    id: string;
    year: number;
    plannedCount: number;
    adoptedCount: number;
    progressByMonth: { month: number; planned: number; adopted: number }[];
  }[];
  programmeProgress: { month: number; planned: number; adopted: number }[];
  tasksByStatus: { status: TaskStatus; count: number }[];
  tasksByUnit: { unit: { id: string }; open: number; overdue: number; done: number }[];
  overdueTrend: { at: string; date: string; overdue: number }[];
  upcomingStatuses: MeetingStatus[];
  upcomingFrom: string;
  upcomingMeetingCount: number;
  upcomingMeetings: { id: string; title: string }[];
  appraisalsWaiting: number;
  appraisalsOverdue: number;
  waitingForViewerUnits: {
    overdue: boolean;
    assignment: { id: string; unit: { id: string } };
    appraisal: { id: string; dueAt: string; proposal: { id: string } };
  }[];
  ownOpenTaskCount: number;
  ownTasks: { id: string; status: TaskStatus }[];
}

describe('the dashboard', () => {
  let t: TestServer;
  const tokens = {} as Record<Role, string>;
  const users = {} as Record<Role, User>;
  let organization: Organization;
  let committee: Unit;
  let department: Unit;
  let officeUnit: Unit;
  const unitOf = {} as Record<Role, string>;
  const statements: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      organization = tenant.organization;
      committee = tenant.committee;
      department = tenant.department;
      officeUnit = tenant.officeUnit;
      await em.nativeUpdate(Organization, { id: organization.id }, { timeZone: 'Asia/Ho_Chi_Minh' });
      const leader = await buildUser(em, organization, { unit: committee, role: MembershipRole.HEAD });
      Object.assign(tokens, {
        office: tenant.office.token,
        member: tenant.member.token,
        leader: leader.token,
      });
      Object.assign(users, { office: tenant.office.user, member: tenant.member.user, leader: leader.user });
      Object.assign(unitOf, { office: officeUnit.id, member: department.id, leader: committee.id });
      const board = em.create(Unit, { organization, name: 'Ban Cán sự', kind: UnitKind.COMMITTEE });

      // Programmes: this year's two (5 items, 2 adopted), last year's one (not counted).
      const programme = (unit: Unit, y: number, items: [number, ProgrammeItemStatus][]) => {
        const p = em.create(WorkProgramme, { organization, unit, year: y, title: `Chương trình ${y}` });
        for (const [month, status] of items)
          em.create(ProgrammeItem, {
            programme: p,
            title: `Mục tháng ${month}`,
            kind: ProposalKind.PROPOSAL,
            plannedMonth: month,
            leadUnit: department,
            status,
          });
      };
      programme(committee, year, [
        [1, ProgrammeItemStatus.ADOPTED],
        [1, ProgrammeItemStatus.PLANNED],
        [3, ProgrammeItemStatus.ADOPTED],
        [5, ProgrammeItemStatus.DROPPED],
      ]);
      programme(board, year, [[3, ProgrammeItemStatus.PLANNED]]);
      programme(committee, year - 1, [
        [2, ProgrammeItemStatus.ADOPTED],
        [4, ProgrammeItemStatus.ADOPTED],
      ]);

      await buildTasks(em, tenant.office.user);
      await buildMeetings(em);
      await buildAppraisals(em);
      await em.flush();
    }, noFeedPoll);
    (t.db.orm.em as SqlEntityManager)
      .getConnection()
      .getKnex()
      .on('query', (query: { sql: string }) => statements.push(query.sql));
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The tasks, each said below. */
  async function buildTasks(em: EntityManager, office: User) {
    const task = (
      title: string,
      unit: Unit,
      status: TaskStatus,
      dueAt: Date,
      options: {
        createdAt?: Date;
        completedAt?: Date;
        classification?: Classification;
        assignee?: User;
      } = {},
    ) =>
      em.create(Task, {
        organization,
        title,
        assigneeUnit: unit,
        status,
        dueAt,
        createdBy: office,
        createdAt: options.createdAt ?? at(-60),
        ...(options.completedAt ? { completedAt: options.completedAt } : {}),
        ...(options.classification ? { classification: options.classification } : {}),
        ...(options.assignee ? { assignee: options.assignee } : {}),
      });
    // Ban Tổ chức (the department): overdue 3 days, open not yet due, done 20 days ago though due 30 days
    // ago (overdue then), cancelled.
    task('Quá hạn', department, TaskStatus.TODO, at(-3));
    task('Đang làm', department, TaskStatus.IN_PROGRESS, at(5));
    task('Xong muộn', department, TaskStatus.DONE, at(-30), { completedAt: at(-20) });
    task('Đã hủy', department, TaskStatus.CANCELLED, at(-10));
    // Ban Thường vụ (the committee): blocked, overdue 10 days; the leader's own, due in 2 days; one created
    // 2 days ago, due yesterday (overdue now, at no earlier moment).
    task('Vướng', committee, TaskStatus.BLOCKED, at(-10));
    task('Của lãnh đạo', committee, TaskStatus.TODO, at(2), { assignee: users.leader });
    task('Mới giao', committee, TaskStatus.TODO, at(-1), { createdAt: at(-2) });
    // CONFIDENTIAL, overdue, the department member's: the leader and the office are not on it.
    task('Mật', department, TaskStatus.IN_PROGRESS, at(-4), {
      classification: Classification.CONFIDENTIAL,
      assignee: users.member,
    });
    await em.flush();
  }

  async function buildMeetings(em: EntityManager) {
    await buildMeetingIn(em, organization, committee, {
      title: 'Sắp họp',
      status: MeetingStatus.SCHEDULED,
      startsAt: at(1),
    });
    const secret = await buildMeetingIn(em, organization, committee, {
      title: 'Họp kín',
      status: MeetingStatus.SCHEDULED,
      startsAt: at(2),
      classification: Classification.CONFIDENTIAL,
    });
    await buildParticipants(em, secret, [{ user: users.member, role: ParticipantRole.MEMBER }]);
    await buildMeetingIn(em, organization, committee, {
      title: 'Nháp',
      status: MeetingStatus.DRAFT,
      startsAt: at(3),
    });
    await buildMeetingIn(em, organization, committee, {
      title: 'Đã họp',
      status: MeetingStatus.CLOSED,
      startsAt: at(-3),
    });
  }

  async function buildAppraisals(em: EntityManager) {
    const round = (classification: Classification, dueAt: Date, asked: [Unit, Verdict][]) => {
      const proposal = em.create(Proposal, {
        organization,
        title: `Đề án ${classification}`,
        kind: ProposalKind.PROPOSAL,
        leadUnit: department,
        owner: users.member,
        status: ProposalStatus.IN_APPRAISAL,
        classification,
      });
      const appraisal = em.create(Appraisal, {
        proposal,
        requestedBy: users.office,
        dueAt,
        status: AppraisalStatus.OPEN,
      });
      for (const [unit, verdict] of asked) em.create(AppraisalAssignment, { appraisal, unit, verdict });
    };
    // INTERNAL, overdue: the committee and the office still to answer, the department has.
    round(Classification.INTERNAL, at(-2), [
      [committee, Verdict.PENDING],
      [officeUnit, Verdict.PENDING],
      [department, Verdict.AGREE],
    ]);
    // CONFIDENTIAL (the member owns it), not yet due: the committee asked.
    round(Classification.CONFIDENTIAL, at(4), [[committee, Verdict.PENDING]]);
    await em.flush();
  }

  async function dashboard(role: Role, y?: unknown) {
    const answer = await t.gql<{ dashboard: Figures }>(
      dashboardQuery,
      y === undefined ? {} : { year: y },
      tokens[role],
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.dashboard;
  }

  async function total(role: Role, list: 'tasks' | 'meetings', filter: Record<string, unknown>) {
    const answer = await t.gql<Record<string, { totalCount: number }>>(
      `query($filter: ${list === 'tasks' ? 'TaskFilter' : 'MeetingFilter'}) { ${list}(filter: $filter, first: 0) { totalCount } }`,
      { filter },
      tokens[role],
    );
    expect(answer.errors).toBeUndefined();
    return answer.data![list]!.totalCount;
  }

  /** The pending units of open rounds, from the proposals list and their appraisals. */
  async function pendingFromLists(role: Role) {
    const answer = await t.gql<{
      proposals: {
        edges: {
          node: {
            appraisals: {
              edges: {
                node: {
                  status: AppraisalStatus;
                  dueAt: string;
                  assignments: { id: string; verdict: Verdict; unit: { id: string } }[];
                };
              }[];
            };
          };
        }[];
      };
    }>(
      `{ proposals(first: 100) { edges { node { appraisals { edges { node { status dueAt
           assignments { id verdict unit { id } } } } } } } } }`,
      {},
      tokens[role],
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.proposals.edges.flatMap(({ node }) =>
      node.appraisals.edges
        .filter((round) => round.node.status === AppraisalStatus.OPEN)
        .flatMap((round) =>
          round.node.assignments
            .filter((a) => a.verdict === Verdict.PENDING)
            .map((a) => ({ ...a, dueAt: round.node.dueAt })),
        ),
    );
  }

  for (const role of ['office', 'member', 'leader'] as const) {
    it(`${role}: every figure is the total of its list`, async () => {
      const d = await dashboard(role);
      expect(d.year).toBe(year);

      // Programme: the sums of the year's programmes as `programmes` answers them.
      const programmes = await t.gql<{ programmes: { edges: { node: Figures['programmes'][number] }[] } }>(
        `{ programmes(first: 100) { edges { node { id year plannedCount adoptedCount progressByMonth { month planned adopted } } } } }`,
        {},
        tokens[role],
      );
      const ofYear = programmes.data!.programmes.edges.map((e) => e.node).filter((p) => p.year === year);
      expect(d.programmes.map((p) => p.id).sort()).toEqual(ofYear.map((p) => p.id).sort());
      expect(d.plannedCount).toBe(ofYear.reduce((sum, p) => sum + p.plannedCount, 0));
      expect(d.adoptedCount).toBe(ofYear.reduce((sum, p) => sum + p.adoptedCount, 0));
      for (const month of d.programmeProgress) {
        const of = (key: 'planned' | 'adopted') =>
          ofYear.reduce((sum, p) => sum + p.progressByMonth[month.month - 1]![key], 0);
        expect([month.planned, month.adopted]).toEqual([of('planned'), of('adopted')]);
      }

      for (const { status, count } of d.tasksByStatus)
        expect(count, status).toBe(await total(role, 'tasks', { status: [status] }));
      const everyTask = await total(role, 'tasks', {});
      expect(d.tasksByStatus.reduce((sum, s) => sum + s.count, 0)).toBe(everyTask);
      for (const row of d.tasksByUnit) {
        const assigneeUnitId = row.unit.id;
        expect(row.open).toBe(await total(role, 'tasks', { assigneeUnitId, status: d.openStatuses }));
        expect(row.overdue).toBe(await total(role, 'tasks', { assigneeUnitId, overdue: true }));
        expect(row.done).toBe(await total(role, 'tasks', { assigneeUnitId, status: [TaskStatus.DONE] }));
      }
      expect(d.overdueTrend).toHaveLength(8);
      expect(d.overdueTrend.at(-1)!.overdue).toBe(await total(role, 'tasks', { overdue: true }));
      expect(d.ownOpenTaskCount).toBe(
        await total(role, 'tasks', { assigneeId: users[role].id, status: d.openStatuses }),
      );
      expect(d.ownTasks).toHaveLength(Math.min(d.ownOpenTaskCount, 10));

      expect(d.upcomingMeetingCount).toBe(
        await total(role, 'meetings', { status: d.upcomingStatuses, from: d.upcomingFrom }),
      );
      expect(d.upcomingMeetings).toHaveLength(Math.min(d.upcomingMeetingCount, 5));

      const pending = await pendingFromLists(role);
      expect(d.appraisalsWaiting).toBe(pending.length);
      expect(d.appraisalsOverdue).toBe(pending.filter((a) => new Date(a.dueAt) < new Date(d.asOf)).length);
      expect(d.waitingForViewerUnits.map((w) => w.assignment.id).sort()).toEqual(
        pending
          .filter((a) => a.unit.id === unitOf[role])
          .map((a) => a.id)
          .sort(),
      );
    });
  }

  it("the leader's figures, by hand: the confidential meeting, proposal and task are in none", async () => {
    const d = await dashboard('leader');
    expect([d.plannedCount, d.adoptedCount]).toEqual([5, 2]);
    expect(d.programmeProgress.slice(0, 5).map((m) => [m.planned, m.adopted])).toEqual([
      [2, 1],
      [0, 0],
      [2, 1],
      [0, 0],
      [1, 0],
    ]);
    expect(Object.fromEntries(d.tasksByStatus.map((s) => [s.status, s.count]))).toEqual({
      TODO: 3,
      IN_PROGRESS: 1,
      BLOCKED: 1,
      DONE: 1,
      CANCELLED: 1,
    });
    const byUnit = Object.fromEntries(d.tasksByUnit.map((r) => [r.unit.id, [r.open, r.overdue, r.done]]));
    expect(byUnit).toEqual({ [department.id]: [2, 1, 1], [committee.id]: [3, 2, 0] });
    // Now: the department's, the blocked one, the new one. A week ago: the department's (due 3 days ago) was
    // not yet overdue, the new one did not exist: the blocked one. Two weeks ago: none (the late one was
    // done). Three and four weeks ago: the one done late (due 30 days ago, completed 20 days ago). Five: none.
    expect(d.overdueTrend.map((p) => p.overdue)).toEqual([0, 0, 0, 1, 1, 0, 1, 3]);
    expect(d.upcomingMeetings.map((m) => m.title)).toEqual(['Sắp họp']);
    expect([d.appraisalsWaiting, d.appraisalsOverdue]).toEqual([2, 2]);
    expect(d.waitingForViewerUnits).toHaveLength(1);
    expect(d.waitingForViewerUnits[0]!).toMatchObject({
      overdue: true,
      assignment: { unit: { id: committee.id } },
    });
    expect(d.ownOpenTaskCount).toBe(1);
    // The member reads the confidential ones.
    const member = await dashboard('member');
    expect(member.upcomingMeetings.map((m) => m.title)).toEqual(['Sắp họp', 'Họp kín']);
    expect([member.appraisalsWaiting, member.appraisalsOverdue]).toEqual([3, 2]);
    expect(member.tasksByStatus.find((s) => s.status === TaskStatus.IN_PROGRESS)!.count).toBe(2);
  });

  it('another year: its programmes; a year out of range is BAD_USER_INPUT', async () => {
    const last = await dashboard('leader', year - 1);
    expect([last.plannedCount, last.adoptedCount]).toEqual([2, 2]);
    const bad = await t.gql(dashboardQuery, { year: 99999 }, tokens.leader);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    const anonymous = await t.gql(dashboardQuery, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('issues the same number of statements with ten times the tasks, items and rounds', async () => {
    const count = async () => {
      await dashboard('leader'); // warm: the session's sliding expiry may write once
      statements.length = 0;
      await dashboard('leader');
      return statements.length;
    };
    const before = await count();
    const em = t.db.orm.em.fork();
    for (let i = 0; i < 80; i++)
      em.create(Task, {
        organization: organization.id,
        title: `Thêm ${i}`,
        assigneeUnit: i % 2 ? department.id : committee.id,
        status: i % 3 ? TaskStatus.IN_PROGRESS : TaskStatus.DONE,
        dueAt: at(-(i % 40) + 5),
        completedAt: i % 3 ? null : at(-(i % 30)),
        createdAt: at(-50),
      });
    for (let i = 0; i < 20; i++) {
      const proposal = em.create(Proposal, {
        organization: organization.id,
        title: `Đề án thêm ${i}`,
        kind: ProposalKind.PROPOSAL,
        leadUnit: department.id,
        owner: users.member.id,
        status: ProposalStatus.IN_APPRAISAL,
      });
      const appraisal = em.create(Appraisal, {
        proposal,
        requestedBy: users.office.id,
        dueAt: at(i - 10),
        status: AppraisalStatus.OPEN,
      });
      em.create(AppraisalAssignment, { appraisal, unit: committee.id });
      em.create(AppraisalAssignment, { appraisal, unit: department.id });
    }
    const p = await em.findOneOrFail(WorkProgramme, { unit: committee.id, year });
    for (let i = 0; i < 40; i++)
      em.create(ProgrammeItem, {
        programme: p,
        title: `Thêm ${i}`,
        kind: ProposalKind.PROPOSAL,
        plannedMonth: (i % 12) + 1,
        leadUnit: department.id,
        status: ProgrammeItemStatus.PLANNED,
      });
    await em.flush();
    t.accessChanged(organization.id);
    const after = await count();
    console.log(`dashboard (${t.db.kind}): ${before} SQL statements, ${after} with ten times the data`);
    expect(after).toBe(before);
    expect((await dashboard('leader')).plannedCount).toBe(45);
  });
});
