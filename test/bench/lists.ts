// Throughput of the root lists with their usual fields, a page of 100 each: `meetings` as the client's
// meetings page asks for it (client/src/apollo/operations.ts, MEETINGS_QUERY with MeetingFields),
// `proposals` and `tasks` with the fields a list of them shows. Each is measured as bench/nested-meeting.ts
// measures the nested query: Quorum's real server and a bare `node:http` + `pg` handler issuing equivalent
// SQL (authentication and the viewer's facts, then the count, the page and its related rows) serve one
// seeded PostgreSQL database in the same process, answer identical JSON (checked first, for the office clerk
// who is measured and for a department member whose view the read rules narrow), and take requests in
// alternating rounds. Local only, bounded, no assertion on time.
//
//   pnpm --filter @quorum/test bench:lists
//   LISTS=meetings REQUESTS=200 pnpm --filter @quorum/test bench:lists      # a quick run
//
// Options (environment): LISTS (meetings,proposals,tasks), ROWS (220 of each; a page is 100), REQUESTS (500
// per list), CONCURRENCY (8), ROUNDS (10), WARMUP (40), MAX_SECONDS (600 per list, as in nested-meeting.ts).
import {
  alternate,
  bareReadable,
  byId,
  columnValues,
  cursorOf,
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
  type BenchFigure,
  type BenchTarget,
  type Row,
  type Served,
} from './support.js';

const listNames = ['meetings', 'proposals', 'tasks'] as const;
type ListName = (typeof listNames)[number];
const lists = (process.env.LISTS?.split(',').map((name) => name.trim()) ?? [...listNames]).filter(
  (name): name is ListName => (listNames as readonly string[]).includes(name),
);
const rows = envNumber('ROWS', 220);
const requests = envNumber('REQUESTS', 500);
const load = loadOptionsFromEnv();
const pageSize = 100;

const queries: Record<ListName, { name: string; text: string }> = {
  meetings: {
    name: 'Meetings',
    text: `query Meetings($filter: MeetingFilter, $first: Int, $after: String) {
  meetings(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ...MeetingFields } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}
fragment MeetingFields on Meeting {
  id version title kind status startsAt endsAt location classification updatedAt
  committee { id name shortName }
  viewerCan { update }
}`,
  },
  proposals: {
    name: 'Proposals',
    text: `query Proposals($first: Int, $after: String) {
  proposals(first: $first, after: $after) {
    edges { cursor node {
      id version referenceNumber title kind status classification submittedAt updatedAt
      leadUnit { id name shortName }
      owner { id fullName }
    } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
  },
  tasks: {
    name: 'Tasks',
    text: `query Tasks($first: Int, $after: String) {
  tasks(first: $first, after: $after) {
    edges { cursor node {
      id version title status priority progress dueAt overdue completedAt classification updatedAt
      assigneeUnit { id name shortName }
      assignee { id fullName }
    } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`,
  },
};

// --- The data -------------------------------------------------------------------------------------------------

/**
 * `rows` meetings, proposals and tasks of every classification and status, spread over the committees, the
 * departments and seven people. The clerk of the office (measured) takes part in some INTERNAL meetings and
 * is named on nothing CONFIDENTIAL, so the measured lists record no confidential reads; the department member
 * (checked only) takes part in meetings, owns proposals, is assigned tasks and appears on access lists, so the
 * read rules' every branch is compared.
 */
async function seed(em: EntityManager) {
  const [enums, entities] = await Promise.all([
    import('../../server/src/entities/enums.js'),
    import('../../server/src/entities/index.js'),
  ]);
  const { Appraisal, AppraisalAssignment, AgendaItem, Meeting, Participant, Proposal, Task } = entities;
  const directory = await seedDirectory(em);
  const { organization, committees, departments, office } = directory;
  const clerk = directory.user('Chuyên viên Văn phòng', office);
  const member = directory.user('Chuyên viên Ban Tổ chức', departments[0]!);
  const staff = [
    member,
    ...Array.from({ length: 6 }, (_, i) => directory.user(`Chuyên viên ${i + 2}`, departments[(i + 1) % 3]!)),
  ];
  const tokens = { clerk: directory.session(clerk), member: directory.session(member) };
  const pick = <T>(values: readonly T[], i: number): T => values[i % values.length]!;
  const classification = (i: number) =>
    i % 10 < 7
      ? enums.Classification.INTERNAL
      : i % 10 < 9
        ? enums.Classification.RESTRICTED
        : enums.Classification.CONFIDENTIAL;
  const day = 86_400_000;
  const base = Date.UTC(2026, 0, 5, 1, 0, 0);

  const meetings = Array.from({ length: rows }, (_, i) => {
    const meeting = em.create(Meeting, {
      organization,
      committee: pick(committees, i),
      title: `Hội nghị ${i + 1}`,
      kind: pick(Object.values(enums.MeetingKind), i),
      status: pick(Object.values(enums.MeetingStatus), i),
      classification: classification(i),
      isTemplate: i % 25 === 24,
      // Pairs share a start, so the page's order falls back on the id as it does in life.
      startsAt: new Date(base + Math.floor(i / 2) * day),
      ...(i % 3 === 0 ? { endsAt: new Date(base + Math.floor(i / 2) * day + 3 * 3_600_000) } : {}),
      ...(i % 2 === 0 ? { location: `Phòng họp ${(i % 4) + 1}` } : {}),
    });
    if (i % 20 === 0) em.create(Participant, { meeting, user: clerk, role: enums.ParticipantRole.MEMBER });
    if (i % 7 === 0) em.create(Participant, { meeting, user: member, role: enums.ParticipantRole.INVITEE });
    if (i % 30 === 19) meeting.accessList.add(member);
    return meeting;
  });

  const proposals = Array.from({ length: rows }, (_, i) => {
    const proposal = em.create(Proposal, {
      organization,
      title: `Đề án ${i + 1}`,
      kind: pick(Object.values(enums.ProposalKind), i),
      leadUnit: pick(departments, i + 1),
      owner: pick(staff, i),
      status: pick(Object.values(enums.ProposalStatus), i),
      classification: classification(i + 3),
      ...(i % 3 === 0 ? { referenceNumber: `${i + 1}-TTr/BTC` } : {}),
      ...(i % 4 === 1 ? { submittedAt: new Date(base + i * 3_600_000) } : {}),
      updatedAt: new Date(base + i * 60_000),
    });
    if (i % 13 === 5) proposal.accessList.add(member);
    return proposal;
  });
  // The department member's units appraise some proposals, and some are on the agenda of their meetings.
  for (const [i, proposal] of proposals.entries()) {
    if (i % 11 === 4) {
      const appraisal = em.create(Appraisal, {
        proposal,
        requestedBy: clerk,
        dueAt: new Date(base + 30 * day),
      });
      em.create(AppraisalAssignment, { appraisal, unit: departments[0]! });
    }
    if (i % 9 === 8)
      em.create(AgendaItem, {
        meeting: meetings[(i * 7) % rows]!,
        position: `a${String(i).padStart(4, '0')}`,
        title: proposal.title,
        proposal,
      });
  }

  const now = Date.now();
  for (let i = 0; i < rows; i++) {
    const status = pick(Object.values(enums.TaskStatus), i);
    const task = em.create(Task, {
      organization,
      title: `Nhiệm vụ ${i + 1}`,
      assigneeUnit: pick(departments, i + 2),
      ...(i % 4 === 0 ? {} : { assignee: pick(staff, i + 3) }),
      // Due dates half past, half to come, never within a day of now (`overdue` is read at answer time).
      dueAt: new Date(now + (i - rows / 2) * day + day / 2),
      priority: pick(Object.values(enums.TaskPriority), i),
      status,
      progress: status === enums.TaskStatus.DONE ? 100 : (i * 7) % 100,
      classification: classification(i + 6),
      ...(status === enums.TaskStatus.DONE ? { completedAt: new Date(now - i * 3_600_000) } : {}),
      updatedAt: new Date(base + i * 90_000),
    });
    if (i % 17 === 9) task.accessList.add(member);
  }
  await em.flush();
  return tokens;
}

// --- The baseline: the same statements, the same JSON ---------------------------------------------------------

/** A keyset page as Quorum's `findPage` answers it: the count and the page (one row more, for hasNextPage). */
async function page(
  all: BareRequest['all'],
  table: string,
  columns: string,
  where: string,
  params: Params,
  orderBy: string,
): Promise<{ rows: Row[]; totalCount: number; hasNextPage: boolean }> {
  const [count, found] = await Promise.all([
    all(`select count(*)::int as count from ${table} t where ${where}`, params.values),
    all(
      `select ${columns} from ${table} t where ${where} order by ${orderBy} limit ${pageSize + 1}`,
      params.values,
    ),
  ]);
  return {
    rows: found.slice(0, pageSize),
    totalCount: count[0]!.count as number,
    hasNextPage: found.length > pageSize,
  };
}

/** Edges, pageInfo and totalCount; the cursor is MikroORM's, of the ordering columns. */
function connection(
  result: Awaited<ReturnType<typeof page>>,
  cursor: (row: Row) => unknown[],
  node: (row: Row) => unknown,
) {
  const edges = result.rows.map((row) => ({ cursor: cursorOf(cursor(row)), node: node(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: result.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: result.totalCount,
  };
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);
const unitOf = (unit: Row | undefined) =>
  unit ? { id: unit.id, name: unit.name, shortName: unit.short_name } : null;
const openStatuses = new Set(['DRAFT', 'SCHEDULED', 'IN_PROGRESS']);

const bareHandlers: Record<string, (request: BareRequest) => Promise<unknown>> = {
  async Meetings({ viewer, all }) {
    const params = new Params();
    const where = `${bareReadable.meeting(viewer, 't', params)} and t.is_template = false`;
    const result = await page(
      all,
      'meeting',
      't.id, t.version, t.title, t.kind, t.status, t.starts_at, t.ends_at, t.location, t.classification, t.updated_at, t.committee_id',
      where,
      params,
      't.starts_at desc, t.id desc',
    );
    const units = byId(
      await all('select id, name, short_name from unit where id = any($1)', [
        columnValues(result.rows, 'committee_id'),
      ]),
    );
    return {
      meetings: connection(
        result,
        (m) => [m.starts_at, m.id],
        (m) => ({
          id: m.id,
          version: m.version,
          title: m.title,
          kind: m.kind,
          status: m.status,
          startsAt: iso(m.starts_at),
          endsAt: iso(m.ends_at),
          location: m.location,
          classification: m.classification,
          updatedAt: iso(m.updated_at),
          committee: unitOf(units.get(m.committee_id as string)),
          // Every meeting of the page is readable: the office may update it while it is open.
          viewerCan: { update: viewer.isOfficeStaff && openStatuses.has(m.status as string) },
        }),
      ),
    };
  },

  async Proposals({ viewer, all }) {
    const params = new Params();
    const result = await page(
      all,
      'proposal',
      't.id, t.version, t.reference_number, t.title, t.kind, t.status, t.classification, t.submitted_at, t.updated_at, t.lead_unit_id, t.owner_id',
      bareReadable.proposal(viewer, 't', params),
      params,
      't.updated_at desc, t.id desc',
    );
    const [units, owners] = await Promise.all([
      all('select id, name, short_name from unit where id = any($1)', [
        columnValues(result.rows, 'lead_unit_id'),
      ]),
      all('select id, full_name from "user" where id = any($1)', [columnValues(result.rows, 'owner_id')]),
    ]);
    const [unitById, ownerById] = [byId(units), byId(owners)];
    return {
      proposals: connection(
        result,
        (p) => [p.updated_at, p.id],
        (p) => {
          const owner = ownerById.get(p.owner_id as string);
          return {
            id: p.id,
            version: p.version,
            referenceNumber: p.reference_number,
            title: p.title,
            kind: p.kind,
            status: p.status,
            classification: p.classification,
            submittedAt: iso(p.submitted_at),
            updatedAt: iso(p.updated_at),
            leadUnit: unitOf(unitById.get(p.lead_unit_id as string)),
            owner: owner ? { id: owner.id, fullName: owner.full_name } : null,
          };
        },
      ),
    };
  },

  async Tasks({ viewer, all }) {
    const params = new Params();
    const result = await page(
      all,
      'task',
      't.id, t.version, t.title, t.status, t.priority, t.progress, t.due_at, t.completed_at, t.classification, t.updated_at, t.assignee_unit_id, t.assignee_id',
      bareReadable.task(viewer, 't', params),
      params,
      't.due_at asc, t.id asc',
    );
    const [units, assignees] = await Promise.all([
      all('select id, name, short_name from unit where id = any($1)', [
        columnValues(result.rows, 'assignee_unit_id'),
      ]),
      all('select id, full_name from "user" where id = any($1)', [columnValues(result.rows, 'assignee_id')]),
    ]);
    const [unitById, assigneeById] = [byId(units), byId(assignees)];
    const now = Date.now();
    return {
      tasks: connection(
        result,
        (t) => [t.due_at, t.id],
        (t) => {
          const assignee = assigneeById.get(t.assignee_id as string);
          return {
            id: t.id,
            version: t.version,
            title: t.title,
            status: t.status,
            priority: t.priority,
            progress: t.progress,
            dueAt: iso(t.due_at),
            overdue: (t.due_at as Date).getTime() < now && t.status !== 'DONE' && t.status !== 'CANCELLED',
            completedAt: iso(t.completed_at),
            classification: t.classification,
            updatedAt: iso(t.updated_at),
            assigneeUnit: unitOf(unitById.get(t.assignee_unit_id as string)),
            assignee: assignee ? { id: assignee.id, fullName: assignee.full_name } : null,
          };
        },
      ),
    };
  },
};

// --- Main ------------------------------------------------------------------------------------------------------

/** The target: `meetings(first: 100)` at half the bare handler or better; the others are measured. */
const targets: Partial<Record<ListName, BenchTarget>> = {
  meetings: { of: 'ratio', op: '>=', value: 0.5, text: '≥ 0.5× bare' },
};

await withBenchStack('quorum_lists', async (stack) => {
  const tokens = await seed(stack.db.orm.em.fork());
  let quorum: Served | undefined;
  let baseline: Served | undefined;
  try {
    quorum = await startQuorum(stack);
    baseline = await startBareServer(stack.pool, bareHandlers);
    const servers = { quorum: quorum.url, baseline: baseline.url };
    const figures: BenchFigure[] = [];
    const lines: string[] = [];
    for (const list of lists) {
      const { name, text } = queries[list];
      const request = (token: string) => operation(token, name, text, { first: pageSize });
      // The member's view first: it records confidential reads, which the measured clerk's never does.
      const memberView = await sameAnswer<{ data: Record<string, { totalCount: number }> }>(
        servers,
        request(tokens.member),
      );
      const answer = await sameAnswer<{ data: Record<string, { totalCount: number; edges: unknown[] }> }>(
        servers,
        request(tokens.clerk),
      );
      const { totalCount, edges } = answer.data[list]!;
      console.error(
        `  … ${list}: both answer the same JSON (the clerk ${edges.length} of ${totalCount}, ${JSON.stringify(answer).length} bytes; the department member ${memberView.data[list]!.totalCount})`,
      );
      const rps = await alternate(servers, request(tokens.clerk), { ...load, requests });
      lines.push(`| ${list}(first: ${pageSize}) | ${throughputCells(rps)} |`);
      const target = targets[list];
      figures.push(
        throughputFigure(`${list}(first: ${pageSize})`, rps, {
          target,
          details: { bytes: JSON.stringify(answer).length },
        }),
      );
    }
    console.log(
      [
        `Root lists, a page of ${pageSize} of ${rows} rows, concurrency ${load.concurrency}, alternating rounds, PostgreSQL ${stack.database.host}`,
        'Quorum: Express + Apollo + type-graphql + MikroORM; bare: node:http + pg, equivalent SQL, identical JSON',
        '| query | requests each | Quorum req/s | Quorum ms | bare req/s | bare ms | ratio Quorum ÷ bare |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
        ...lines,
      ].join('\n'),
    );
    reportResult({ bench: 'lists', figures, settings: { lists, rows, requests, pageSize, ...load } });
  } finally {
    await baseline?.stop();
    await quorum?.stop();
  }
});
