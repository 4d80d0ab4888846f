// The follow-up report per unit (issue 12, item 2): of the tasks the viewer may read, each assignee unit's
// assigned, done on time, done late, overdue and in progress, decided in the organization's time zone
// (Asia/Ho_Chi_Minh: UTC+7), checked against a hand-built fixture; the same figures as GET
// /reports/follow-up.xlsx (read back with exceljs) and .pdf; bad days refused with a code.
import { Classification, MembershipRole, TaskStatus, UnitKind } from '@quorum/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Organization, Task, Unit } from '../src/entities/index.js';
import { buildUser } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

type Role = 'office' | 'member' | 'outsider';
interface Counts {
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}
interface Report {
  rows: ({ unit: { id: string; name: string } } & Counts)[];
  totals: Counts;
}

const day = 86_400_000;
/** An instant given as the wall clock in Hồ Chí Minh City (UTC+7, no daylight saving). */
const hcm = (local: string) => new Date(`${local}+07:00`);
/** Today's date there, and a day `offset` days from it, as YYYY-MM-DD. */
const localDay = (offset: number) =>
  new Date(Date.now() + 7 * 3_600_000 + offset * day).toISOString().slice(0, 10);

describe('the follow-up report per unit', () => {
  let t: TestServer;
  const tokens = {} as Record<Role, string>;
  let departmentId: string;
  let otherId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      await em.nativeUpdate(Organization, { id: tenant.organization.id }, { timeZone: 'Asia/Ho_Chi_Minh' });
      tokens.office = tenant.office.token;
      tokens.member = tenant.member.token;
      departmentId = tenant.department.id;
      const other = em.create(Unit, {
        organization: tenant.organization,
        name: 'Ban Dân vận',
        kind: UnitKind.DEPARTMENT,
      });
      await em.flush();
      otherId = other.id;
      const outsider = await buildUser(em, tenant.organization, { unit: other, role: MembershipRole.MEMBER });
      tokens.outsider = outsider.token;
      const task = (
        title: string,
        unit: Unit,
        status: TaskStatus,
        dueAt: Date,
        completedAt?: Date,
        classification = Classification.INTERNAL,
        assignee?: typeof outsider.user,
      ) =>
        em.create(Task, {
          organization: tenant.organization,
          title,
          assigneeUnit: unit,
          status,
          dueAt,
          ...(completedAt ? { completedAt } : {}),
          classification,
          ...(assignee ? { assignee } : {}),
          createdBy: tenant.office.user,
        });
      const today = hcm(`${localDay(0)}T09:00:00`);
      // The department (Ban Tổ chức): 6 counted, 1 cancelled.
      //   done on the due day at 23:30 there: on time; done at 00:10 the day after: late;
      //   open, due yesterday: overdue; open, due today: in progress; blocked, due in 3 days: in progress;
      //   done early: on time; cancelled: nowhere.
      task(
        'Đúng hạn sát giờ',
        tenant.department,
        TaskStatus.DONE,
        hcm('2026-03-31T08:00:00'),
        hcm('2026-03-31T23:30:00'),
      );
      task(
        'Trễ mười phút',
        tenant.department,
        TaskStatus.DONE,
        hcm('2026-03-31T08:00:00'),
        hcm('2026-04-01T00:10:00'),
      );
      task('Quá hạn', tenant.department, TaskStatus.IN_PROGRESS, new Date(today.getTime() - day));
      task('Hạn hôm nay', tenant.department, TaskStatus.TODO, today);
      task('Vướng mắc', tenant.department, TaskStatus.BLOCKED, new Date(today.getTime() + 3 * day));
      task(
        'Xong sớm',
        tenant.department,
        TaskStatus.DONE,
        hcm('2026-06-30T08:00:00'),
        hcm('2026-06-01T10:00:00'),
      );
      task('Đã hủy', tenant.department, TaskStatus.CANCELLED, hcm('2026-03-31T08:00:00'));
      // The other unit: one overdue INTERNAL task, and one CONFIDENTIAL that only its assignee reads.
      task('Của ban khác', other, TaskStatus.TODO, hcm('2026-01-15T08:00:00'));
      task(
        'Mật',
        other,
        TaskStatus.IN_PROGRESS,
        hcm('2026-01-20T08:00:00'),
        undefined,
        Classification.CONFIDENTIAL,
        outsider.user,
      );
      await em.flush();
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const report = async (role: Role, filter: Record<string, string> = {}) => {
    const answer = await t.gql<{ followUpReport: Report }>(
      `query($filter: FollowUpReportFilter) { followUpReport(filter: $filter) {
         rows { unit { id name } assigned doneOnTime doneLate overdue inProgress }
         totals { assigned doneOnTime doneLate overdue inProgress } } }`,
      { filter },
      tokens[role],
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.followUpReport;
  };
  const counts = (r: Report) =>
    Object.fromEntries(
      r.rows.map((row) => [
        row.unit.id,
        [row.assigned, row.doneOnTime, row.doneLate, row.overdue, row.inProgress],
      ]),
    );

  it('counts each unit’s tasks by where they stand, in the organization’s days, as each viewer may read them', async () => {
    const office = await report('office');
    expect(counts(office)).toEqual({
      [departmentId]: [6, 2, 1, 1, 2],
      [otherId]: [1, 0, 0, 1, 0],
    });
    expect(office.totals).toEqual({ assigned: 7, doneOnTime: 2, doneLate: 1, overdue: 2, inProgress: 2 });
    // Rows by unit name, in Vietnamese order: "Ban Dân vận" before "Ban Tổ chức"-like names.
    expect(office.rows.map((row) => row.unit.name)).toEqual(
      [...office.rows.map((row) => row.unit.name)].sort((a, b) => a.localeCompare(b, 'vi')),
    );
    // The other unit's CONFIDENTIAL task is counted for it alone: not even as a count for the office or the
    // department's member.
    const member = await report('member');
    expect(counts(member)).toEqual(counts(office));
    expect(counts(await report('outsider'))[otherId]).toEqual([2, 0, 0, 2, 0]);

    // The same overdue figure as the task list's filter, for each unit.
    for (const unitId of [departmentId, otherId]) {
      const list = await t.gql<{ tasks: { totalCount: number } }>(
        `query($filter: TaskFilter) { tasks(filter: $filter) { totalCount } }`,
        { filter: { assigneeUnitId: unitId, overdue: true } },
        tokens.member,
      );
      expect(list.data!.tasks.totalCount).toBe(counts(member)[unitId]![3]);
    }
  });

  it('takes the due days inclusive, in the organization’s time zone', async () => {
    // Due 31/03 at 08:00 there (01:00 UTC): in a report to 31/03, not in one from 01/04.
    const march = await report('office', { dueFrom: '2026-03-31', dueTo: '2026-03-31' });
    expect(counts(march)).toEqual({ [departmentId]: [2, 1, 1, 0, 0] });
    const april = await report('office', { dueFrom: '2026-04-01', dueTo: '2026-06-30' });
    expect(counts(april)).toEqual({ [departmentId]: [1, 1, 0, 0, 0] });
    const bad = await t.gql(
      `query { followUpReport(filter: { dueFrom: "2026-02-30" }) { totals { assigned } } }`,
      {},
      tokens.office,
    );
    expect([bad.errors?.[0]?.extensions?.code, bad.errors?.[0]?.extensions?.field]).toEqual([
      'BAD_USER_INPUT',
      'dueFrom',
    ]);
    const reversed = await t.gql(
      `query { followUpReport(filter: { dueFrom: "2026-05-01", dueTo: "2026-04-01" }) { totals { assigned } } }`,
      {},
      tokens.office,
    );
    expect(reversed.errors?.[0]?.extensions?.field).toBe('dueTo');
  });

  it('downloads the same figures as XLSX and PDF, with the bearer header only', async () => {
    const get = (file: string, token: string | null = tokens.office) =>
      fetch(`${t.url}/reports/${file}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const xlsx = await get('follow-up.xlsx?dueFrom=2026-01-01&dueTo=2026-12-31');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.headers.get('content-disposition')).toMatch(
      /bao-cao-theo-doi-nhiem-vu-\d{4}-\d{2}-\d{2}\.xlsx/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const expected = await report('office', { dueFrom: '2026-01-01', dueTo: '2026-12-31' });
    expect(rows.slice(-expected.rows.length - 2)).toEqual([
      ['Đơn vị', 'Được giao', 'Hoàn thành đúng hạn', 'Hoàn thành quá hạn', 'Quá hạn', 'Đang thực hiện'],
      ...expected.rows.map((row) => [
        row.unit.name,
        row.assigned,
        row.doneOnTime,
        row.doneLate,
        row.overdue,
        row.inProgress,
      ]),
      [
        'Tổng cộng',
        expected.totals.assigned,
        expected.totals.doneOnTime,
        expected.totals.doneLate,
        expected.totals.overdue,
        expected.totals.inProgress,
      ],
    ]);

    const pdf = await get('follow-up.pdf');
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    expect((await get('follow-up.pdf', null)).status).toBe(401);
    const bad = await get('follow-up.xlsx?dueTo=31-12-2026');
    expect(bad.status).toBe(400);
    expect(
      ((await bad.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('BAD_USER_INPUT');
    expect((await get('follow-up.xlsx?sourceMeetingId=x')).status).toBe(400);
  });
});
