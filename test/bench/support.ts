// What the benchmarks share: a throwaway PostgreSQL database per run, Quorum's real server in the process
// on it, the seeding of a directory (organization, units, users, sessions), the bare `node:http` + `pg`
// baseline's scaffolding (authentication and the viewer's facts by the same statements Quorum issues, and
// the policies' read rules as SQL), the load generator with its alternating rounds, one definition of a
// percentile, and the machine-readable line each benchmark ends with (bench/run-all.ts collects it).
// Quorum's own modules are imported when first needed, so that the benchmarks that run Quorum as a child
// process (feed, start-up, client size) do not load it into theirs.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { deepStrictEqual } from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { Database } from '../../server/src/config/orm.js';
import type { Organization, Session, Unit, User } from '../../server/src/entities/index.js';

/** MikroORM's EntityManager, as the server's database hands it out (the test package does not depend on it). */
export type EntityManager = Database['orm']['em'];

// --- Options -----------------------------------------------------------------------------------------------

/** Whole numbers separated by commas from the environment (`50,200`), or the fallback. */
export function envNumbers(name: string, fallback: readonly number[]): number[] {
  const raw = process.env[name]?.trim();
  if (!raw) return [...fallback];
  const values = raw.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 0))
    throw new Error(`${name} must be whole numbers separated by commas, not "${raw}"`);
  return values;
}

export const envNumber = (name: string, fallback: number): number =>
  envNumbers(name, [fallback])[0] ?? fallback;

// --- The result line -----------------------------------------------------------------------------------------

/** What a figure is held to; `of` says whether the ratio or the measured value is compared. */
export interface BenchTarget {
  of: 'ratio' | 'value';
  op: '>=' | '<=' | '<';
  value: number;
  /** As the issue states it, for the summary table: "≥ 0.5× bare", "< 5 s". */
  text: string;
}

/** One figure: Quorum's value, the baseline's from the same run, and their ratio (Quorum ÷ baseline). */
export interface BenchFigure {
  name: string;
  unit: string;
  quorum: number;
  baseline: number;
  /** What the baseline is: "bare node:http + pg", "the 250 kB budget". */
  baselineLabel: string;
  ratio: number;
  /** Whether a higher or a lower ratio is better (throughput up, latency and size down). */
  better: 'higher' | 'lower';
  target?: BenchTarget;
  met?: boolean;
  /** Anything else worth keeping with the figure (percentiles, counts, settings). */
  details?: Record<string, unknown>;
}

export interface BenchResult {
  bench: string;
  figures: BenchFigure[];
  settings: Record<string, unknown>;
}

/** The prefix of the one line per benchmark that bench/run-all.ts parses; everything else is for people. */
export const resultPrefix = 'BENCH_RESULT ';

export function figure(fields: Omit<BenchFigure, 'ratio' | 'met'> & { ratio?: number }): BenchFigure {
  const ratio = fields.ratio ?? fields.quorum / fields.baseline;
  const { target } = fields;
  const compared = target?.of === 'value' ? fields.quorum : ratio;
  const met = target
    ? target.op === '>='
      ? compared >= target.value
      : target.op === '<='
        ? compared <= target.value
        : compared < target.value
    : undefined;
  return { ...fields, ratio, ...(met === undefined ? {} : { met }) };
}

/** Prints the machine-readable result as one line (JSON has no raw newlines), last of the output. */
export function reportResult(result: BenchResult): void {
  // Infinity (a delivery that never came) is not JSON: it travels as null.
  console.log(
    `${resultPrefix}${JSON.stringify(result, (_key, value: unknown) =>
      typeof value === 'number' && !Number.isFinite(value) ? null : value,
    )}`,
  );
}

// --- A fresh database, Quorum on it ------------------------------------------------------------------------

export interface BenchDatabase {
  name: string;
  url: string;
  /** host:port, for the line that says what was measured. */
  host: string;
  drop(): Promise<void>;
}

/**
 * Creates `<prefix>_<random>` on the PostgreSQL of DATABASE_URL (default: the local one, `postgres`
 * database), so a run never meets the data of another run or of the tests. `drop()` forces other
 * connections off: a server that did not close its pool must not leave the database behind.
 */
export async function createBenchDatabase(prefix: string): Promise<BenchDatabase> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await admin(`create database ${name}`);
  const drop = () => admin(`drop database if exists ${name} with (force)`);
  // Stopped by the suite for running over its time (bench/run-all.ts sends SIGTERM): leave no database behind.
  const onTerm = () => void drop().finally(() => process.exit(143));
  process.once('SIGTERM', onTerm);
  return {
    name,
    url: url.toString(),
    host: url.host,
    drop: () => {
      process.off('SIGTERM', onTerm);
      return drop();
    },
  };
}

/** A fresh database migrated by Quorum (`db`), and a pool of the bare baseline's own on it (`pool`). */
export interface BenchStack {
  database: BenchDatabase;
  db: Database;
  pool: pg.Pool;
}

/** Runs `body` on a fresh stack and always drops the database afterwards. */
export async function withBenchStack<T>(prefix: string, body: (stack: BenchStack) => Promise<T>): Promise<T> {
  await import('reflect-metadata');
  const { openDatabase } = await import('../../server/src/config/orm.js');
  const database = await createBenchDatabase(prefix);
  try {
    const db = await openDatabase({ databaseUrl: database.url, dataDir: 'memory://' });
    // As many connections as Quorum's pool (MikroORM's default, 10): neither side waits for a connection
    // the other has.
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    try {
      return await body({ database, db, pool });
    } finally {
      await pool.end();
      await db.close();
    }
  } finally {
    await database.drop();
  }
}

export interface Served {
  url: string;
  stop(): Promise<void>;
}

/**
 * A benchmark is one client at machine speed, which the per-client HTTP limit exists to stop (README,
 * "Limits"): lifted, so that the figure is the server's throughput, not the limit's.
 */
export const unlimitedRequests = {
  RATE_LIMIT_BURST: '1000000',
  RATE_LIMIT_PER_SECOND: '1000000',
  RATE_LIMIT_IN_FLIGHT: '1000000',
};

/** Quorum's real server (Express, Apollo, type-graphql, MikroORM) on a free port over the stack's database. */
export async function startQuorum(stack: BenchStack): Promise<Served> {
  const [{ startServer }, { loadConfig }] = await Promise.all([
    import('../../server/src/app.js'),
    import('../../server/src/config/config.js'),
  ]);
  const server = await startServer(
    loadConfig({
      ...process.env,
      ...unlimitedRequests,
      PORT: '0',
      NODE_ENV: 'production',
      DATABASE_URL: stack.database.url,
    }),
    stack.db,
  );
  return { url: `${server.url}/graphql`, stop: () => server.stop() };
}

// --- Seeding -------------------------------------------------------------------------------------------------

/** An organization with two committees, the office and three departments, and a way to add people. */
export interface Directory {
  organization: Organization;
  committees: Unit[];
  office: Unit;
  departments: Unit[];
  /** A user who is a member (STAFF) of `unit`. */
  user(name: string, unit: Unit): User;
  /** A live session of `user`; the bearer token that opens it. */
  session(user: User): string;
}

/** Call within a stack (withBenchStack): it has loaded the entities. */
export async function seedDirectory(em: EntityManager): Promise<Directory> {
  const [{ MembershipRole, UnitKind }, { Membership, Organization, Session, Unit, User }] = await Promise.all(
    [import('../../server/src/entities/enums.js'), import('../../server/src/entities/index.js')],
  );
  const organization = em.create(Organization, {
    name: 'Bench',
    slug: `bench-${randomBytes(3).toString('hex')}`,
  });
  const unit = (name: string, kind: (typeof UnitKind)[keyof typeof UnitKind]) =>
    em.create(Unit, { organization, name, kind });
  return {
    organization,
    committees: [unit('Ban Thường vụ', UnitKind.COMMITTEE), unit('Ban Chấp hành', UnitKind.COMMITTEE)],
    office: unit('Văn phòng', UnitKind.OFFICE),
    departments: [
      unit('Ban Tổ chức', UnitKind.DEPARTMENT),
      unit('Ban Tuyên giáo', UnitKind.DEPARTMENT),
      unit('Ủy ban Kiểm tra', UnitKind.DEPARTMENT),
    ],
    user(name, memberOf) {
      const created = em.create(User, {
        organization,
        email: `${randomBytes(4).toString('hex')}@bench.test`,
        fullName: name,
        passwordHash: 'unused',
      });
      em.create(Membership, { user: created, unit: memberOf, role: MembershipRole.STAFF });
      return created;
    },
    session: (user) => createSession(em, Session, user),
  };
}

/**
 * A live session of `user` for a day, created in `em` (flushed with the rest); the bearer token that opens it.
 * Takes the Session class as its caller loaded it (Quorum's modules are imported when first needed).
 */
export function createSession(em: EntityManager, SessionEntity: typeof Session, user: User): string {
  const token = `qs_${randomBytes(32).toString('base64url')}`;
  em.create(SessionEntity, {
    user,
    tokenHash: createHash('sha256').update(token).digest('hex'),
    lastSeenAt: new Date(),
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return token;
}

// --- The bare baseline ---------------------------------------------------------------------------------------

export interface Row {
  [column: string]: unknown;
}

/** One statement on the bare baseline's pool, its rows. */
export type Sql = (sql: string, params: readonly unknown[]) => Promise<Row[]>;

/** The facts the policies decide on (server/src/auth/viewer.ts), loaded by the same statements. */
export interface BareViewer {
  userId: string;
  organizationId: string;
  isOfficeStaff: boolean;
  unitIds: string[];
  meetingIds: string[];
  accessIds: string[];
  reviewProposalIds: string[];
  agendaProposalIds: string[];
}

/** The bearer's session, its user, and the viewer's facts; null when the token opens no live session. */
async function bareViewer(all: Sql, token: string): Promise<BareViewer | null> {
  const [session] = await all(
    'select s.expires_at, u.id as user_id, u.organization_id, u.active from session s join "user" u on u.id = s.user_id where s.token_hash = $1 and s.revoked_at is null limit 1',
    [createHash('sha256').update(token).digest('hex')],
  );
  if (!session || !session.active || (session.expires_at as Date) <= new Date()) return null;
  const userId = session.user_id as string;
  const [memberships, participations, meetingAccess, proposalAccess, taskAccess] = await Promise.all([
    all('select m.unit_id, u.kind from membership m join unit u on u.id = m.unit_id where m.user_id = $1', [
      userId,
    ]),
    all('select meeting_id from participant where user_id = $1', [userId]),
    all('select meeting_id as id from meeting_access where user_id = $1', [userId]),
    all('select proposal_id as id from proposal_access where user_id = $1', [userId]),
    all('select task_id as id from task_access where user_id = $1', [userId]),
  ]);
  const unitIds = memberships.map((m) => m.unit_id as string);
  const meetingIds = participations.map((p) => p.meeting_id as string);
  const [assignments, agendaItems] = await Promise.all([
    all(
      'select ap.proposal_id from appraisal_assignment a join appraisal ap on ap.id = a.appraisal_id where a.unit_id = any($1)',
      [unitIds],
    ),
    all('select proposal_id from agenda_item where meeting_id = any($1) and proposal_id is not null', [
      meetingIds,
    ]),
  ]);
  const ids = (rows: Row[], column: string) => rows.map((row) => row[column] as string);
  return {
    userId,
    organizationId: session.organization_id as string,
    isOfficeStaff: memberships.some((m) => m.kind === 'OFFICE'),
    unitIds,
    meetingIds,
    accessIds: [...ids(meetingAccess, 'id'), ...ids(proposalAccess, 'id'), ...ids(taskAccess, 'id')],
    reviewProposalIds: ids(assignments, 'proposal_id'),
    agendaProposalIds: ids(agendaItems, 'proposal_id'),
  };
}

/** The positional parameters of one statement being written. */
export class Params {
  readonly values: unknown[] = [];

  /** `$n` standing for `value`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * The policies' read rules (server/src/policies/*.policy.ts, `readable`) as SQL conditions on `alias`,
 * written by hand as a bare handler would.
 */
export const bareReadable = {
  meeting(viewer: BareViewer, alias: string, params: Params): string {
    const named = `${alias}.id = any(${params.add([...viewer.meetingIds, ...viewer.accessIds])})`;
    const restricted = viewer.isOfficeStaff
      ? 'true'
      : `(${named} or ${alias}.committee_id = any(${params.add(viewer.unitIds)}))`;
    return `${alias}.organization_id = ${params.add(viewer.organizationId)} and (${alias}.classification = 'INTERNAL' or (${alias}.classification = 'RESTRICTED' and ${restricted}) or (${alias}.classification = 'CONFIDENTIAL' and ${named}))`;
  },

  proposal(viewer: BareViewer, alias: string, params: Params): string {
    const named = `(${alias}.owner_id = ${params.add(viewer.userId)} or ${alias}.id = any(${params.add(viewer.accessIds)}))`;
    const restricted = viewer.isOfficeStaff
      ? 'true'
      : `(${named} or ${alias}.lead_unit_id = any(${params.add(viewer.unitIds)}) or ${alias}.id = any(${params.add([...viewer.reviewProposalIds, ...viewer.agendaProposalIds])}))`;
    return `${alias}.organization_id = ${params.add(viewer.organizationId)} and (${alias}.classification = 'INTERNAL' or (${alias}.classification = 'RESTRICTED' and ${restricted}) or (${alias}.classification = 'CONFIDENTIAL' and ${named}))`;
  },

  task(viewer: BareViewer, alias: string, params: Params): string {
    const named = `(${alias}.assignee_id = ${params.add(viewer.userId)} or ${alias}.id = any(${params.add(viewer.accessIds)}))`;
    const restricted = viewer.isOfficeStaff
      ? 'true'
      : `(${named} or ${alias}.assignee_unit_id = any(${params.add(viewer.unitIds)}))`;
    return `${alias}.organization_id = ${params.add(viewer.organizationId)} and (${alias}.classification = 'INTERNAL' or (${alias}.classification = 'RESTRICTED' and ${restricted}) or (${alias}.classification = 'CONFIDENTIAL' and ${named}))`;
  },
};

/** What a bare handler is given: the GraphQL request's variables, the viewer, and the pool. */
export interface BareRequest {
  variables: Record<string, unknown>;
  viewer: BareViewer;
  all: Sql;
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

/**
 * A `node:http` server that authenticates the bearer and loads the viewer's facts as Quorum does, then
 * answers `{ data: await handle(…) }` as JSON. `handle` is chosen by the request's `operationName`.
 */
export function startBareServer(
  pool: pg.Pool,
  handlers: Readonly<Record<string, (request: BareRequest) => Promise<unknown>>>,
): Promise<Served> {
  const all: Sql = async (sql, params) => (await pool.query(sql, [...params])).rows as Row[];
  const handle = async (request: IncomingMessage): Promise<{ status: number; body: unknown }> => {
    const { operationName, variables } = JSON.parse(await readBody(request)) as {
      operationName?: string;
      variables?: Record<string, unknown>;
    };
    const handler = handlers[operationName ?? ''];
    if (!handler) return { status: 400, body: { errors: [{ message: `no handler for ${operationName}` }] } };
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const viewer = token ? await bareViewer(all, token) : null;
    if (!viewer) return { status: 401, body: { errors: [{ message: 'Authentication required' }] } };
    return { status: 200, body: { data: await handler({ variables: variables ?? {}, viewer, all }) } };
  };
  const server: Server = createServer((request, response) => {
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
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        stop: () => new Promise<void>((done) => server.close(() => done())),
      }),
    ),
  );
}

/** Distinct non-null values of `column`, for the `= any($1)` of the next statement. */
export const columnValues = (rows: readonly Row[], column: string): unknown[] => [
  ...new Set(rows.map((row) => row[column]).filter((value) => value != null)),
];

/** Rows by their `id`. */
export const byId = (rows: readonly Row[]): Map<string, Row> =>
  new Map(rows.map((row) => [row.id as string, row]));

/** A MikroORM cursor (`Cursor.from`): the row's values of the ordering columns, as JSON in base64url. */
export const cursorOf = (values: readonly unknown[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

// --- The load ------------------------------------------------------------------------------------------------

/** One GraphQL request, as both servers receive it. */
export interface Operation {
  token: string;
  /** The JSON body: `{ operationName, query, variables }`. */
  body: string;
}

export const operation = (
  token: string,
  operationName: string,
  query: string,
  variables: Record<string, unknown> = {},
): Operation => ({ token, body: JSON.stringify({ operationName, query, variables }) });

async function post(url: string, { token, body }: Operation): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  return { status: response.status, json: await response.json() };
}

/** `count` requests, `concurrency` at a time; the milliseconds they took. Any error or refusal throws. */
export async function fire(
  url: string,
  request: Operation,
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      next++;
      const { status, json } = await post(url, request);
      const errors = (json as { errors?: unknown[] }).errors;
      if (status !== 200 || errors) throw new Error(`${url}: ${status} ${JSON.stringify(errors)}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return performance.now() - started;
}

/** The two servers of a comparison. */
export interface Targets {
  quorum: string;
  baseline: string;
}

/**
 * Both servers' answers to `request`; they must be the same JSON (deepStrictEqual), or the comparison means
 * nothing. Returns Quorum's answer.
 */
export async function sameAnswer<T>(targets: Targets, request: Operation): Promise<T> {
  const [quorum, baseline] = await Promise.all([
    post(targets.quorum, request),
    post(targets.baseline, request),
  ]);
  const errors = (quorum.json as { errors?: unknown[] }).errors;
  if (quorum.status !== 200 || errors)
    throw new Error(`Quorum refused the query: ${quorum.status} ${JSON.stringify(errors)}`);
  deepStrictEqual(quorum.json, baseline.json);
  return quorum.json as T;
}

export interface LoadOptions {
  requests: number;
  concurrency: number;
  rounds: number;
  /** Untimed requests to each server first (JIT, pools, caches). */
  warmup: number;
  /** Once the timed rounds have taken this long, stop after the next pair (each server has had as many). */
  maxSeconds: number;
}

export interface Throughput {
  quorum: number;
  baseline: number;
  /** Requests sent to each. */
  requests: number;
  rounds: number;
  /** Mean milliseconds per request at this concurrency. */
  quorumMs: number;
  baselineMs: number;
}

/** What the benchmarks measuring throughput compare Quorum with. */
const bareSqlLabel = 'bare node:http + pg, equivalent SQL';

/** A throughput measured against the bare handler as one figure, with its rounds and anything else kept. */
export function throughputFigure(
  name: string,
  rps: Throughput,
  { target, details }: { target?: BenchTarget | undefined; details?: Record<string, unknown> } = {},
): BenchFigure {
  return figure({
    name,
    unit: 'req/s',
    quorum: rps.quorum,
    baseline: rps.baseline,
    baselineLabel: bareSqlLabel,
    better: 'higher',
    ...(target ? { target } : {}),
    details: {
      requests: rps.requests,
      rounds: rps.rounds,
      quorumMs: rps.quorumMs,
      baselineMs: rps.baselineMs,
      ...details,
    },
  });
}

/** The cells of a Markdown table row for a throughput: requests, req/s and ms of each, and their ratio. */
export const throughputCells = (rps: Throughput): string =>
  `${rps.requests} | ${rps.quorum.toFixed(1)} | ${rps.quorumMs.toFixed(1)} | ${rps.baseline.toFixed(1)} | ${rps.baselineMs.toFixed(1)} | ${(rps.quorum / rps.baseline).toFixed(2)}`;

/**
 * Requests per second of both servers, measured in alternating rounds (who goes first alternates too), so
 * that the noise of the machine hits both alike.
 */
export async function alternate(
  targets: Targets,
  request: Operation,
  options: LoadOptions,
): Promise<Throughput> {
  await fire(targets.quorum, request, options.warmup, options.concurrency);
  await fire(targets.baseline, request, options.warmup, options.concurrency);
  const elapsed = { quorum: 0, baseline: 0 };
  const perRound = Math.max(1, Math.ceil(options.requests / options.rounds));
  const started = performance.now();
  let round = 0;
  while (round < options.rounds) {
    const order = round % 2 === 0 ? (['quorum', 'baseline'] as const) : (['baseline', 'quorum'] as const);
    for (const name of order)
      elapsed[name] += await fire(targets[name], request, perRound, options.concurrency);
    round++;
    if (round % 2 === 0 && performance.now() - started > options.maxSeconds * 1000) break;
  }
  const requests = perRound * round;
  return {
    quorum: (requests / elapsed.quorum) * 1000,
    baseline: (requests / elapsed.baseline) * 1000,
    requests,
    rounds: round,
    quorumMs: elapsed.quorum / requests,
    baselineMs: elapsed.baseline / requests,
  };
}

/** The load options from the environment, shared by the throughput benchmarks. */
export function loadOptionsFromEnv(defaults: Partial<LoadOptions> = {}): Omit<LoadOptions, 'requests'> {
  return {
    concurrency: envNumber('CONCURRENCY', defaults.concurrency ?? 8),
    rounds: envNumber('ROUNDS', defaults.rounds ?? 10),
    warmup: envNumber('WARMUP', defaults.warmup ?? 40),
    maxSeconds: envNumber('MAX_SECONDS', defaults.maxSeconds ?? 600),
  };
}

// --- Pacing ------------------------------------------------------------------------------------------------

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A token bucket that waits instead of refusing: `burst` at once, then `perSecond`. Kept a little under the
 * server's own bucket, so clock skew between the two never turns into a refusal.
 */
export class Pacer {
  private tokens: number;
  private last = performance.now();

  constructor(
    private readonly burst = Number.POSITIVE_INFINITY,
    private readonly perSecond = Number.POSITIVE_INFINITY,
  ) {
    this.tokens = burst - 1;
  }

  async take(): Promise<void> {
    if (!Number.isFinite(this.perSecond)) return;
    const now = performance.now();
    this.tokens = Math.min(this.burst - 1, this.tokens + ((now - this.last) / 1000) * this.perSecond * 0.9);
    this.last = now;
    // Reserving a token the bucket does not have yet puts the caller in line behind those already waiting.
    this.tokens -= 1;
    if (this.tokens < 0) await sleep((-this.tokens / (this.perSecond * 0.9)) * 1000);
  }
}

// --- Statistics ---------------------------------------------------------------------------------------------

/** The nearest-rank percentile (`p` in 0..1): always a measured sample, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

// --- Child processes ---------------------------------------------------------------------------------------

export interface ChildServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts a server process, waits until it prints `ready at <url>` and `<url><healthPath>` answers 200. */
export async function startChild(
  name: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  healthPath: string,
): Promise<ChildServer> {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Only the tail is kept: a server that logs per request would otherwise grow this without end.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (!running()) return;
    child.kill('SIGTERM');
    if (!(await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]))) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const started = performance.now();
  let url: string | undefined;
  try {
    for (;;) {
      if (!running()) throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}):\n${output}`);
      if (performance.now() - started > 180_000)
        throw new Error(`${name} was not ready in 180 s:\n${output}`);
      url ??= /ready at (http:\/\/[\w.-]+:\d+)/.exec(output)?.[1];
      if (
        url &&
        (await fetch(`${url}${healthPath}`).then(
          (r) => r.ok,
          () => false,
        ))
      )
        return { url, pid: child.pid!, stop };
      await sleep(50);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}
