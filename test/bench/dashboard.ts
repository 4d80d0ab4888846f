// Throughput of the leaders' dashboard (issue 13): `dashboard` with its figures (the programme's months, tasks
// by status and by unit, the overdue trend, upcoming meetings, appraisals waiting, the viewer's own tasks) over
// ten times the lists' data, measured as bench/lists.ts measures the lists: Quorum's real server and a bare
// `node:http` + `pg` handler issuing equivalent SQL serve one seeded PostgreSQL database in the same process,
// answer identical JSON (checked first, for the leader who is measured and for the office clerk), and take
// requests in alternating rounds. Each side's statements per request are counted on the wire. The readiness of
// the upcoming meetings (a few statements per meeting shown, five at most) is left out of the measured query:
// the bare handler would have to rebuild the agenda tree. Local only, bounded, no assertion on time.
//
//   pnpm --filter @quorum/test bench:dashboard
//
// Options (environment): ROWS (2200 meetings, proposals and tasks: ten times bench/lists.ts's 220),
// PROGRAMME_ITEMS (210 per committee: ten times the demo's 21), REQUESTS (300), CONCURRENCY, ROUNDS, WARMUP,
// MAX_SECONDS.
import type pg from 'pg';
import { localDateIn, MeetingStatus, startOfDayIn, TaskStatus } from '../../packages/shared/src/index.js';
import {
  alternate,
  bareReadable,
  envNumber,
  throughputCells,
  throughputFigure,
  loadOptionsFromEnv,
  operation,
  Params,
  reportResult,
  sameAnswer,
  seedDirectory,
  startBareServer,
  startQuorum,
  withBenchStack,
  type BareRequest,
  type EntityManager,
  type Row,
  type Served,
} from './support.js';

const rows = envNumber('ROWS', 2200);
const programmeItems = envNumber('PROGRAMME_ITEMS', 210);
const requests = envNumber('REQUESTS', 300);
const load = loadOptionsFromEnv();

const query = `query Dashboard {
  dashboard {
    year plannedCount adoptedCount openStatuses
    programmes { id title }
    programmeProgress { month planned adopted plannedToDate adoptedToDate }
    tasksByStatus { status count }
    tasksByUnit { unit { id name } open overdue done }
    overdueTrend { date overdue }
    upcomingStatuses upcomingFrom upcomingMeetingCount
    upcomingMeetings { id title startsAt status }
    appraisalsWaiting appraisalsOverdue
    waitingForViewerUnits { overdue assignment { id unit { id name } } appraisal { id dueAt proposal { id title } } }
    ownOpenTaskCount
    ownTasks { id title status dueAt }
  }
}`;

const day = 86_400_000;

// --- The data -------------------------------------------------------------------------------------------------

/**
 * `rows` meetings, proposals (one in three with an open appraisal round) and tasks of every classification and
 * status, spread over the units and seven people, created and completed over the last three months; this
 * year's programme of each committee. The leader (measured) is a member of the first committee, assigned some
 * tasks; the office clerk (checked only) sees every RESTRICTED row.
 */
async function seed(em: EntityManager) {
  const [enums, entities] = await Promise.all([
    import('../../server/src/entities/enums.js'),
    import('../../server/src/entities/index.js'),
  ]);
  const {
    Appraisal,
    AppraisalAssignment,
    Meeting,
    Participant,
    ProgrammeItem,
    Proposal,
    Task,
    WorkProgramme,
  } = entities;
  const directory = await seedDirectory(em);
  const { organization, committees, departments, office } = directory;
  const clerk = directory.user('Chuyên viên Văn phòng', office);
  const leader = directory.user('Bí thư', committees[0]!);
  const staff = [
    leader,
    ...Array.from({ length: 6 }, (_, i) => directory.user(`Chuyên viên ${i + 2}`, departments[i % 3]!)),
  ];
  const tokens = { leader: directory.session(leader), clerk: directory.session(clerk) };
  const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
  const classification = (i: number) =>
    i % 10 < 7
      ? enums.Classification.INTERNAL
      : i % 10 < 9
        ? enums.Classification.RESTRICTED
        : enums.Classification.CONFIDENTIAL;
  const units = [...committees, ...departments];
  // Never within an hour of a day's or a week's boundary from now: both servers answer a moment apart.
  const now = Date.now();
  const hours = (h: number) => new Date(now + h * 3_600_000 + 1_800_000);
  const year = Number(localDateIn(organization.timeZone, new Date()).slice(0, 4));

  for (const [c, committee] of committees.entries()) {
    const programme = em.create(WorkProgramme, {
      organization,
      unit: committee,
      year,
      title: `Chương trình ${c}`,
    });
    for (let i = 0; i < programmeItems; i++)
      em.create(ProgrammeItem, {
        programme,
        title: `Nội dung ${i + 1}`,
        kind: pick(Object.values(enums.ProposalKind), i),
        plannedMonth: (i % 12) + 1,
        leadUnit: pick(departments, i),
        status: pick(Object.values(enums.ProgrammeItemStatus), i + c),
      });
  }

  for (let i = 0; i < rows; i++) {
    const meeting = em.create(Meeting, {
      organization,
      committee: pick(committees, i),
      title: `Hội nghị ${i + 1}`,
      kind: pick(Object.values(enums.MeetingKind), i),
      status: pick(Object.values(enums.MeetingStatus), i),
      classification: classification(i),
      isTemplate: i % 25 === 24,
      startsAt: hours((i - rows / 2) * 5),
    });
    if (i % 20 === 0) em.create(Participant, { meeting, user: leader, role: enums.ParticipantRole.MEMBER });

    const proposal = em.create(Proposal, {
      organization,
      title: `Đề án ${i + 1}`,
      kind: pick(Object.values(enums.ProposalKind), i),
      leadUnit: pick(departments, i + 1),
      owner: pick(staff, i),
      status: i % 3 === 0 ? enums.ProposalStatus.IN_APPRAISAL : pick(Object.values(enums.ProposalStatus), i),
      classification: classification(i + 3),
    });
    if (i % 3 === 0) {
      const appraisal = em.create(Appraisal, {
        proposal,
        requestedBy: clerk,
        dueAt: hours(((i % 40) - 20) * 24),
        status: enums.AppraisalStatus.OPEN,
      });
      for (const [k, unit] of [pick(units, i), pick(units, i + 2)].entries())
        em.create(AppraisalAssignment, {
          appraisal,
          unit,
          verdict: k === 0 || i % 2 ? enums.Verdict.PENDING : enums.Verdict.AGREE,
        });
    }

    const status = pick(Object.values(enums.TaskStatus), i);
    const createdAt = hours(-((i % 90) + 1) * 24);
    em.create(Task, {
      organization,
      title: `Nhiệm vụ ${i + 1}`,
      assigneeUnit: pick(units, i + 2),
      ...(i % 4 === 0 ? {} : { assignee: pick(staff, i + 3) }),
      dueAt: hours(((i % 120) - 60) * 24),
      status,
      classification: classification(i + 6),
      createdAt,
      ...(status === enums.TaskStatus.DONE ? { completedAt: hours(-(i % 60) * 24) } : {}),
    });
  }
  await em.flush();
  return tokens;
}

// --- The baseline ----------------------------------------------------------------------------------------------

const iso = (value: unknown) => (value as Date).toISOString();
const int = (value: unknown) => Number(value ?? 0);
const open = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];
const upcomingStatuses = [MeetingStatus.SCHEDULED, MeetingStatus.IN_PROGRESS];

async function bareDashboard({ viewer, all }: BareRequest) {
  const now = new Date();
  const [org] = await all('select time_zone from organization where id = $1', [viewer.organizationId]);
  const timeZone = org!.time_zone as string;
  const year = Number(localDateIn(timeZone, now).slice(0, 4));
  const today = startOfDayIn(timeZone, now);
  const tasks = (params: Params) => bareReadable.task(viewer, 't', params);

  const programmes = all(
    'select id, title from work_programme where organization_id = $1 and year = $2 order by year desc, id asc',
    [viewer.organizationId, year],
  );
  const statusParams = new Params();
  const byStatus = all(
    `select t.status, count(*)::int as n from task t where ${tasks(statusParams)} group by t.status`,
    statusParams.values,
  );
  const unitParams = new Params();
  const openList = unitParams.add(open);
  const todayParam = unitParams.add(today);
  const byUnit = all(
    `select t.assignee_unit_id as id, u.name,
       count(*) filter (where t.status = any(${openList}))::int as open,
       count(*) filter (where t.status = any(${openList}) and t.due_at < ${todayParam})::int as overdue,
       count(*) filter (where t.status = 'DONE')::int as done
     from task t join unit u on u.id = t.assignee_unit_id where ${tasks(unitParams)} group by t.assignee_unit_id, u.name`,
    unitParams.values,
  );
  const moments = Array.from({ length: 8 }, (_, i) => new Date(now.getTime() - (7 - i) * 7 * day));
  const trendParams = new Params();
  const columns = moments.map((at, i) => {
    const [m, start] = [trendParams.add(at), trendParams.add(startOfDayIn(timeZone, at))];
    return `count(*) filter (where t.status <> 'CANCELLED' and t.created_at <= ${m} and t.due_at < ${start} and (t.completed_at is null or t.completed_at > ${m}))::int as w${i}`;
  });
  const trend = all(
    `select ${columns.join(', ')} from task t where ${tasks(trendParams)}`,
    trendParams.values,
  );

  const meetingParams = new Params();
  const meetingWhere = `${bareReadable.meeting(viewer, 't', meetingParams)} and t.is_template = false and t.status = any(${meetingParams.add(upcomingStatuses)}) and t.starts_at >= ${meetingParams.add(today)}`;
  const upcoming = all(
    `select t.id, t.title, t.starts_at, t.status from meeting t where ${meetingWhere} order by t.starts_at asc, t.id asc limit 5`,
    meetingParams.values,
  );
  const upcomingCount = all(
    `select count(*)::int as n from meeting t where ${meetingWhere}`,
    meetingParams.values,
  );

  const pendingParams = new Params();
  const pendingWhere = `a.verdict = 'PENDING' and ap.status = 'OPEN' and ${bareReadable.proposal(viewer, 't', pendingParams)}`;
  const pendingFrom =
    'appraisal_assignment a join appraisal ap on ap.id = a.appraisal_id join proposal t on t.id = ap.proposal_id';
  const nowParam = pendingParams.add(now);
  const pending = all(
    `select count(*)::int as waiting, count(*) filter (where ap.due_at < ${nowParam})::int as overdue from ${pendingFrom} where ${pendingWhere}`,
    pendingParams.values,
  );
  const mineParams = new Params();
  const mine = all(
    `select a.id, a.unit_id, u.name as unit_name, ap.id as appraisal_id, ap.due_at, t.id as proposal_id, t.title
     from ${pendingFrom} join unit u on u.id = a.unit_id
     where a.verdict = 'PENDING' and ap.status = 'OPEN' and ${bareReadable.proposal(viewer, 't', mineParams)} and a.unit_id = any(${mineParams.add(viewer.unitIds)})
     order by a.id asc limit 20`,
    mineParams.values,
  );
  const ownParams = new Params();
  const ownWhere = `${tasks(ownParams)} and t.assignee_id = ${ownParams.add(viewer.userId)} and t.status = any(${ownParams.add(open)})`;
  const own = all(
    `select t.id, t.title, t.status, t.due_at from task t where ${ownWhere} order by t.due_at asc, t.id asc limit 10`,
    ownParams.values,
  );
  const ownCount = all(`select count(*)::int as n from task t where ${ownWhere}`, ownParams.values);

  const programmeRows = await programmes;
  const items = programmeRows.length
    ? await all(
        'select planned_month, status, count(*)::int as n from programme_item where programme_id = any($1) group by planned_month, status',
        [programmeRows.map((p) => p.id)],
      )
    : [];
  let plannedToDate = 0;
  let adoptedToDate = 0;
  const programmeProgress = Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const ofMonth = items.filter((row) => int(row.planned_month) === month);
    const planned = ofMonth.reduce((sum, row) => sum + int(row.n), 0);
    const adopted = ofMonth
      .filter((row) => row.status === 'ADOPTED')
      .reduce((sum, row) => sum + int(row.n), 0);
    plannedToDate += planned;
    adoptedToDate += adopted;
    return { month, planned, adopted, plannedToDate, adoptedToDate };
  });

  const [statusRows, unitRows, [trendRow], upcomingRows, [upcomingN], [pendingN], mineRows, ownRows, [ownN]] =
    await Promise.all([byStatus, byUnit, trend, upcoming, upcomingCount, pending, mine, own, ownCount]);
  const counts = new Map(statusRows.map((row) => [row.status, int(row.n)]));
  return {
    dashboard: {
      year,
      plannedCount: plannedToDate,
      adoptedCount: adoptedToDate,
      openStatuses: open,
      programmes: programmeRows.map((p) => ({ id: p.id, title: p.title })),
      programmeProgress,
      tasksByStatus: Object.values(TaskStatus).map((status) => ({ status, count: counts.get(status) ?? 0 })),
      tasksByUnit: (unitRows as Row[])
        .map((row) => ({
          id: row.id as string,
          name: row.name,
          open: int(row.open),
          overdue: int(row.overdue),
          done: int(row.done),
        }))
        .sort((a, b) => b.open - a.open || b.done - a.done || a.id.localeCompare(b.id))
        .map((row) => ({
          unit: { id: row.id, name: row.name },
          open: row.open,
          overdue: row.overdue,
          done: row.done,
        })),
      overdueTrend: moments.map((at, i) => ({
        date: localDateIn(timeZone, at),
        overdue: int(trendRow![`w${i}`]),
      })),
      upcomingStatuses,
      upcomingFrom: today.toISOString(),
      upcomingMeetingCount: int(upcomingN!.n),
      upcomingMeetings: upcomingRows.map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: iso(m.starts_at),
        status: m.status,
      })),
      appraisalsWaiting: int(pendingN!.waiting),
      appraisalsOverdue: int(pendingN!.overdue),
      waitingForViewerUnits: mineRows
        .sort(
          (a, b) =>
            (a.due_at as Date).getTime() - (b.due_at as Date).getTime() ||
            (a.id as string).localeCompare(b.id as string),
        )
        .map((row) => ({
          overdue: now.getTime() > (row.due_at as Date).getTime(),
          assignment: { id: row.id, unit: { id: row.unit_id, name: row.unit_name } },
          appraisal: {
            id: row.appraisal_id,
            dueAt: iso(row.due_at),
            proposal: { id: row.proposal_id, title: row.title },
          },
        })),
      ownOpenTaskCount: int(ownN!.n),
      ownTasks: ownRows.map((t) => ({ id: t.id, title: t.title, status: t.status, dueAt: iso(t.due_at) })),
    },
  };
}

// --- Main ------------------------------------------------------------------------------------------------------

await withBenchStack('quorum_dashboard', async (stack) => {
  const tokens = await seed(stack.db.orm.em.fork());
  let quorum: Served | undefined;
  let baseline: Served | undefined;
  // Statements on the wire: Quorum's through the ORM's query builder (knex), the bare handler's on its pool.
  const statements = { quorum: 0, baseline: 0 };
  (stack.db.orm.em.getConnection() as unknown as { getKnex(): { on(event: 'query', f: () => void): void } })
    .getKnex()
    .on('query', () => statements.quorum++);
  const counted = {
    query: (...args: Parameters<pg.Pool['query']>) => {
      statements.baseline++;
      return (stack.pool.query as (...a: unknown[]) => unknown).apply(stack.pool, args);
    },
  } as unknown as pg.Pool;
  try {
    quorum = await startQuorum(stack);
    baseline = await startBareServer(counted, { Dashboard: bareDashboard });
    const servers = { quorum: quorum.url, baseline: baseline.url };
    const request = (token: string) => operation(token, 'Dashboard', query, {});
    await sameAnswer(servers, request(tokens.clerk));
    const answer = await sameAnswer<{ data: { dashboard: Record<string, unknown> } }>(
      servers,
      request(tokens.leader),
    );
    const bytes = JSON.stringify(answer).length;
    // One request each, alone, after the checks (the sessions' sliding expiry has written already).
    statements.quorum = 0;
    statements.baseline = 0;
    await sameAnswer(servers, request(tokens.leader));
    const perRequest = { ...statements };
    console.error(
      `  … dashboard: both answer the same JSON (${bytes} bytes); statements per request: Quorum ${perRequest.quorum}, bare ${perRequest.baseline}`,
    );
    const rps = await alternate(servers, request(tokens.leader), { ...load, requests });
    console.log(
      [
        `Dashboard over ${rows} meetings, proposals and tasks and ${programmeItems} programme items per committee, concurrency ${load.concurrency}, alternating rounds, PostgreSQL ${stack.database.host}`,
        'Quorum: Express + Apollo + type-graphql + MikroORM; bare: node:http + pg, equivalent SQL, identical JSON',
        '| query | requests each | Quorum req/s | Quorum ms | bare req/s | bare ms | ratio Quorum ÷ bare | statements Quorum / bare |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
        `| dashboard | ${throughputCells(rps)} | ${perRequest.quorum} / ${perRequest.baseline} |`,
      ].join('\n'),
    );
    reportResult({
      bench: 'dashboard',
      figures: [
        throughputFigure('dashboard', rps, {
          details: { bytes, statementsQuorum: perRequest.quorum, statementsBare: perRequest.baseline },
        }),
      ],
      settings: { rows, programmeItems, requests, ...load },
    });
  } finally {
    await baseline?.stop();
    await quorum?.stop();
  }
});
