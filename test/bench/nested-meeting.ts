// Throughput of the nested meeting query (meeting → agenda → proposals → appraisals → comments → authors)
// through Quorum's real server, side by side with a bare `node:http` + `pg` handler that runs equivalent SQL
// (the same statements: authentication, the viewer's facts, then one query per table) and answers the same
// JSON. Both serve the same seeded PostgreSQL database in the same process; requests alternate between them
// in rounds, so the noise of the machine hits both. Local only, bounded, no assertion on time.
// Run: cd test && node --import tsx bench/nested-meeting.ts   (or pnpm --filter @quorum/test bench:nested)
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deepStrictEqual } from 'node:assert/strict';
import pg from 'pg';
import { startServer } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config/config.js';
import { openDatabase } from '../../server/src/config/orm.js';
import {
  AppraisalStatus,
  MeetingKind,
  MeetingStatus,
  MembershipRole,
  ProposalKind,
  ProposalStatus,
  UnitKind,
} from '../../server/src/entities/enums.js';
import {
  AgendaItem,
  Appraisal,
  AppraisalComment,
  Meeting,
  Membership,
  Organization,
  Proposal,
  Session,
  Unit,
  User,
} from '../../server/src/entities/index.js';
import { createBenchDatabase } from './support.js';

const requests = Number(process.env.REQUESTS ?? 500);
const concurrency = Number(process.env.CONCURRENCY ?? 8);
const rounds = Number(process.env.ROUNDS ?? 10);
const agendaSize = Number(process.env.AGENDA_ITEMS ?? 50);

const query = `query Nested($id: ID!) {
  meeting(id: $id) {
    id title status
    agenda {
      id number depth title totalDurationMinutes
      presenterUser { fullName } presenterUnit { name }
      proposal {
        id title status
        appraisals { edges { node { id status comments { edges { node { id body author { fullName } } } } } } }
      }
    }
  }
}`;

// --- The data, in a fresh database (bench/support.ts) dropped at the end. ---------------------------------

/** One organization, one meeting of `agendaSize` items (headings of four sub-items), each with a proposal,
 * an appraisal round and three comments by seven rotating authors. */
async function seed(db: Awaited<ReturnType<typeof openDatabase>>) {
  const em = db.orm.em.fork();
  const organization = em.create(Organization, {
    name: 'Bench',
    slug: `bench-${randomBytes(3).toString('hex')}`,
  });
  const committee = em.create(Unit, { organization, name: 'Ban Thường vụ', kind: UnitKind.COMMITTEE });
  const office = em.create(Unit, { organization, name: 'Văn phòng', kind: UnitKind.OFFICE });
  const department = em.create(Unit, { organization, name: 'Ban Tổ chức', kind: UnitKind.DEPARTMENT });
  const user = (name: string, unit: Unit) => {
    const created = em.create(User, {
      organization,
      email: `${name}-${randomBytes(3).toString('hex')}@bench.test`,
      fullName: name,
      passwordHash: 'unused',
    });
    em.create(Membership, { user: created, unit, role: MembershipRole.STAFF });
    return created;
  };
  const clerk = user('Chuyên viên Văn phòng', office);
  const authors = Array.from({ length: 7 }, (_, i) => user(`Chuyên viên ${i + 1}`, department));
  const token = `qs_${randomBytes(32).toString('base64url')}`;
  em.create(Session, {
    user: clerk,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    lastSeenAt: new Date(),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  const meeting = em.create(Meeting, {
    organization,
    committee,
    title: 'Hội nghị Ban Thường vụ',
    kind: MeetingKind.REGULAR,
    status: MeetingStatus.SCHEDULED,
    startsAt: new Date('2026-12-01T01:00:00Z'),
  });
  let comment = 0;
  const item = (title: string, position: string, parent?: AgendaItem) => {
    const proposal = em.create(Proposal, {
      organization,
      title: `Đề án: ${title}`,
      kind: ProposalKind.PROPOSAL,
      leadUnit: department,
      owner: authors[0]!,
      status: ProposalStatus.IN_APPRAISAL,
    });
    const appraisal = em.create(Appraisal, {
      proposal,
      requestedBy: clerk,
      dueAt: new Date('2026-11-30T10:00:00Z'),
      status: AppraisalStatus.OPEN,
    });
    for (let i = 0; i < 3; i++) {
      em.create(AppraisalComment, {
        appraisal,
        author: authors[comment++ % authors.length]!,
        unit: department,
        body: `Góp ý ${comment}`,
      });
    }
    return em.create(AgendaItem, {
      meeting,
      ...(parent ? { parent } : {}),
      position,
      title,
      durationMinutes: 15,
      presenterUser: authors[1]!,
      presenterUnit: department,
      proposal,
    });
  };
  // Fractional keys of the integer part ("a0", "a1", …) are plain sortable strings: enough for a fixed agenda.
  const key = (index: number) => `a${String(index).padStart(4, '0')}`;
  const headings = Math.ceil(agendaSize / 5);
  for (let h = 0; h < headings; h++) {
    const heading = item(`Phần ${h + 1}`, key(h));
    for (let c = 0; c < 4; c++) item(`Mục ${h + 1}.${c + 1}`, key(c), heading);
  }
  await em.flush();
  return { token, meetingId: meeting.id };
}

// --- The baseline: node:http + pg, the same statements, the same JSON. -----------------------------------

interface Row {
  [column: string]: unknown;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function startBaseline(pool: pg.Pool): Promise<Server> {
  const all = async (sql: string, params: unknown[]): Promise<Row[]> =>
    (await pool.query(sql, params)).rows as Row[];
  const handle = async (request: IncomingMessage) => {
    const { variables } = JSON.parse(await readBody(request)) as { variables: { id: string } };
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) return { status: 401, body: { errors: [{ message: 'Authentication required' }] } };
    // Authentication and the viewer's facts, as Quorum loads them.
    const [session] = await all(
      'select s.*, u.id as user_id, u.organization_id, u.active from session s join "user" u on u.id = s.user_id where s.token_hash = $1 and s.revoked_at is null limit 1',
      [createHash('sha256').update(token).digest('hex')],
    );
    if (!session || !session.active || (session.expires_at as Date) <= new Date())
      return { status: 401, body: { errors: [{ message: 'The session has expired' }] } };
    const userId = session.user_id as string;
    const [memberships, participations] = await Promise.all([
      all('select m.*, u.kind from membership m join unit u on u.id = m.unit_id where m.user_id = $1', [
        userId,
      ]),
      all('select id, meeting_id from participant where user_id = $1', [userId]),
      all('select m.id from meeting m join meeting_access a on a.meeting_id = m.id where a.user_id = $1', [
        userId,
      ]),
      all('select p.id from proposal p join proposal_access a on a.proposal_id = p.id where a.user_id = $1', [
        userId,
      ]),
      all('select t.id from task t join task_access a on a.task_id = t.id where a.user_id = $1', [userId]),
    ]);
    await Promise.all([
      all(
        'select a.id, a.appraisal_id, ap.proposal_id from appraisal_assignment a join appraisal ap on ap.id = a.appraisal_id where a.unit_id = any($1)',
        [memberships.map((m) => m.unit_id)],
      ),
      all('select id, proposal_id from agenda_item where meeting_id = any($1) and proposal_id is not null', [
        participations.map((p) => p.meeting_id),
      ]),
    ]);
    const officeStaff = memberships.some((m) => m.kind === 'OFFICE');
    // The data: one statement per table.
    const [meeting] = await all(
      `select * from meeting where id = $1 and organization_id = $2 and (classification = 'INTERNAL' or (classification = 'RESTRICTED' and $3)) limit 1`,
      [variables.id, session.organization_id, officeStaff],
    );
    if (!meeting) return { status: 200, body: { data: { meeting: null } } };
    const items = await all('select * from agenda_item where meeting_id = $1 order by position, id', [
      meeting.id,
    ]);
    const ids = (rows: Row[], column: string) => [
      ...new Set(rows.map((r) => r[column]).filter((v) => v != null)),
    ];
    const [presenters, units, proposals] = await Promise.all([
      all('select id, full_name from "user" where id = any($1)', [ids(items, 'presenter_user_id')]),
      all('select id, name from unit where id = any($1)', [ids(items, 'presenter_unit_id')]),
      all('select id, title, status, classification from proposal where id = any($1)', [
        ids(items, 'proposal_id'),
      ]),
    ]);
    const appraisals = await all(
      'select * from appraisal where proposal_id = any($1) order by created_at, id',
      [ids(proposals, 'id')],
    );
    const comments = await all(
      'select * from appraisal_comment where appraisal_id = any($1) order by created_at, id',
      [ids(appraisals, 'id')],
    );
    const authors = await all('select id, full_name from "user" where id = any($1)', [
      ids(comments, 'author_id'),
    ]);

    const byId = (rows: Row[]) => new Map(rows.map((r) => [r.id as string, r]));
    const [userById, unitById, proposalById, authorById] = [
      byId(presenters),
      byId(units),
      byId(proposals),
      byId(authors),
    ];
    const children = new Map<string | null, Row[]>();
    for (const item of items) {
      const parent = (item.parent_id as string | null) ?? null;
      children.set(parent, [...(children.get(parent) ?? []), item]);
    }
    const agenda: unknown[] = [];
    const walk = (parent: string | null, prefix: string, depth: number): number => {
      let sum = 0;
      (children.get(parent) ?? []).forEach((item, index) => {
        const number = `${prefix}${index + 1}`;
        const entry: Record<string, unknown> = { id: item.id, number, depth, title: item.title };
        agenda.push(entry);
        const total =
          ((item.duration_minutes as number | null) ?? 0) + walk(item.id as string, `${number}.`, depth + 1);
        const presenter = userById.get(item.presenter_user_id as string);
        const unit = unitById.get(item.presenter_unit_id as string);
        const proposal = proposalById.get(item.proposal_id as string);
        Object.assign(entry, {
          totalDurationMinutes: total,
          presenterUser: presenter ? { fullName: presenter.full_name } : null,
          presenterUnit: unit ? { name: unit.name } : null,
          proposal: proposal
            ? {
                id: proposal.id,
                title: proposal.title,
                status: proposal.status,
                appraisals: {
                  edges: appraisals
                    .filter((a) => a.proposal_id === proposal.id)
                    .slice(0, 20)
                    .map((a) => ({
                      node: {
                        id: a.id,
                        status: a.status,
                        comments: {
                          edges: comments
                            .filter((c) => c.appraisal_id === a.id)
                            .slice(0, 20)
                            .map((c) => ({
                              node: {
                                id: c.id,
                                body: c.body,
                                author: { fullName: authorById.get(c.author_id as string)?.full_name },
                              },
                            })),
                        },
                      },
                    })),
                },
              }
            : null,
        });
        sum += total;
      });
      return sum;
    };
    walk(null, '', 0);
    return {
      status: 200,
      body: { data: { meeting: { id: meeting.id, title: meeting.title, status: meeting.status, agenda } } },
    };
  };
  const server = createServer((request, response) => {
    handle(request).then(
      ({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      },
      (error: unknown) => {
        console.error(error);
        response.writeHead(500).end();
      },
    );
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// --- The load: alternating rounds, bounded concurrency. --------------------------------------------------

async function fire(url: string, token: string, body: string, count: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      const json = (await response.json()) as { errors?: unknown[] };
      if (response.status !== 200 || json.errors)
        throw new Error(`${url}: ${response.status} ${JSON.stringify(json.errors)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

async function main() {
  const database = await createBenchDatabase('quorum_bench');
  const db = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://' });
  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  let quorum: Awaited<ReturnType<typeof startServer>> | undefined;
  let baseline: Server | undefined;
  try {
    const { token, meetingId } = await seed(db);
    quorum = await startServer(
      loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'production', DATABASE_URL: database.url }),
      db,
    );
    baseline = await startBaseline(pool);
    const targets = {
      quorum: `${quorum.url}/graphql`,
      baseline: `http://127.0.0.1:${(baseline.address() as AddressInfo).port}/graphql`,
    };
    const body = JSON.stringify({ query, variables: { id: meetingId } });

    // Same answer from both, or the comparison means nothing.
    const answers = await Promise.all(
      Object.values(targets).map(async (url) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        return (await response.json()) as { data?: { meeting: { agenda: unknown[] } }; errors?: unknown[] };
      }),
    );
    if (answers[0]?.errors) throw new Error(`Quorum refused the query: ${JSON.stringify(answers[0].errors)}`);
    deepStrictEqual(answers[0], answers[1]);
    console.log(
      `Both answer the same JSON: ${answers[0]?.data?.meeting.agenda.length} agenda items, ${JSON.stringify(answers[0]).length} bytes`,
    );

    // Warm-up, then alternate rounds (who goes first alternates too).
    await fire(targets.quorum, token, body, 40);
    await fire(targets.baseline, token, body, 40);
    const elapsed = { quorum: 0, baseline: 0 };
    const perRound = Math.ceil(requests / rounds);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['quorum', 'baseline'] as const) : (['baseline', 'quorum'] as const);
      for (const name of order) elapsed[name] += await fire(targets[name], token, body, perRound);
    }
    const total = perRound * rounds;
    const rps = { quorum: (total / elapsed.quorum) * 1000, baseline: (total / elapsed.baseline) * 1000 };
    console.log(
      `Nested meeting query, ${agendaSize} agenda items, ${total} requests each, concurrency ${concurrency}, ${rounds} alternating rounds, PostgreSQL ${database.host}`,
    );
    console.log('| server | requests/s | mean ms per request (at this concurrency) |');
    console.log('| --- | ---: | ---: |');
    console.log(
      `| Quorum (Express + Apollo + type-graphql + MikroORM) | ${rps.quorum.toFixed(1)} | ${(elapsed.quorum / total).toFixed(2)} |`,
    );
    console.log(
      `| bare node:http + pg, equivalent SQL | ${rps.baseline.toFixed(1)} | ${(elapsed.baseline / total).toFixed(2)} |`,
    );
    console.log(`Ratio Quorum ÷ baseline: ${(rps.quorum / rps.baseline).toFixed(2)}`);
  } finally {
    await new Promise<void>((resolve) => (baseline ? baseline.close(() => resolve()) : resolve()));
    await quorum?.stop();
    await pool.end();
    await db.close();
    await database.drop();
  }
}

await main();
