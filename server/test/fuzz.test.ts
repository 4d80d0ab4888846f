import { readFileSync } from 'node:fs';
import { MeetingStatus, UnitKind } from '@quorum/shared';
import { buildSchema, isInputObjectType, type GraphQLField, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken, Meeting, Session, Unit, User } from '../src/entities/index.js';
import { seedIfEmpty } from '../src/seeders/seed.js';
import {
  entityOf,
  hostileValues,
  leavesOf,
  operationFor,
  withLeaf,
  workingArguments,
  type HostileValue,
  type Leaf,
  type Working,
} from './support/fuzz.js';
import { startTestServer, type TestServer } from './support/server.js';

// The schema-driven fuzz suite (issue 10): every argument leaf of every query, mutation and subscription gets
// hostile values of its type, over HTTP and over WebSocket, with the other arguments at working values on the
// demo organization. Each answer must be a success or a coded refusal (never INTERNAL_SERVER_ERROR, never a
// 5xx), and a refused mutation must leave every table as it was.

const password = 'fuzz demo password';
const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
type Kind = 'query' | 'mutation' | 'subscription';
type AnyField = GraphQLField<unknown, unknown>;

interface Answer {
  status?: number;
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
}

interface Case {
  kind: Kind;
  field: AnyField;
  leaf: Leaf;
  hostile: HostileValue;
}

/** Text fields a person must fill in with something: only spaces is not a title. */
const requiredText = /^(title|name|fullName)$/;
/** Values no field may store: each is refused as BAD_USER_INPUT naming the field. */
const unstorable = new Set(['NUL', 'lone surrogate', 'NUL in JSON', 'year 0000', 'year 275760']);

let t: TestServer;
let entities: string[];
const tokens = { office: '', admin: '' };
const actorOf = new Map<string, 'office' | 'admin'>();
const ids = new Map<string, string>();
let tables: string[];
let checksum = '';
const counts = { http: 0, ws: 0, subscriptions: 0, checked: 0, wrote: 0 };
const refusals = new Map<string, number>();

async function login(email: string): Promise<string> {
  const answer = await t.gql<{ login: { token: string } }>(
    `mutation($input: LoginInput!) { login(input: $input) { token } }`,
    { input: { email, password } },
  );
  if (!answer.data) throw new Error(`login ${email}: ${JSON.stringify(answer.errors)}`);
  return answer.data.login.token;
}

let emails = 0;
const working: Working = {
  id: (entity, name) => {
    const key = name === 'committeeId' ? 'Committee' : (entity ?? 'Meeting');
    return ids.get(key) ?? ids.get('Meeting')!;
  },
  email: () => `fuzz-${(emails += 1)}@quorum.test`,
  password,
};

/** One statement: a checksum per table (rows in any order), the last-seen times of sessions aside. */
async function tableChecksums(): Promise<string> {
  const select = tables
    .map(
      (table) =>
        `(select md5(coalesce(string_agg(h, '' order by h), '')) from (select md5((to_jsonb(x) - 'last_seen_at')::text) as h from "${table}" x) s) as "${table}"`,
    )
    .join(', ');
  const [row] = await t.db.orm.em.getConnection().execute(`select ${select}`);
  return JSON.stringify(row);
}

function changedTables(before: string, after: string): string[] {
  const [a, b] = [JSON.parse(before) as Record<string, string>, JSON.parse(after) as Record<string, string>];
  return Object.keys(a).filter((table) => a[table] !== b[table]);
}

/** The arguments of a case: working values, the version current now, and the hostile leaf. */
async function argumentsOf(field: AnyField, leaf?: Leaf, value?: unknown): Promise<Record<string, unknown>> {
  let args = workingArguments(field, working, entities, leaf?.path);
  const input = args.input as Record<string, unknown> | undefined;
  if (input && 'expectedVersion' in input && leaf?.path.at(-1) !== 'expectedVersion') {
    const name = typeof input.id === 'string' ? 'id' : Object.keys(input).find((key) => key.endsWith('Id'));
    const entity = name && entityOf(name, `${field.args[0]!.type}`.replace('!', ''), entities);
    const row = entity
      ? ((await t.db.orm.em.fork().findOne(entity, { id: input[name!] } as never)) as {
          version: number;
        } | null)
      : null;
    if (row) args = withLeaf(args, ['input', 'expectedVersion'], row.version);
  }
  return leaf ? withLeaf(args, leaf.path, value) : args;
}

async function overHttp(kind: Kind, field: AnyField, variables: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokens[actorOf.get(field.name)!]}`,
    },
    body: JSON.stringify({ query: operationFor(kind, field), variables }),
  });
  const text = await response.text();
  try {
    return { status: response.status, ...(JSON.parse(text) as Answer) };
  } catch {
    return { status: response.status, errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] };
  }
}

const sockets = new Map<string, Client>();
function socketOf(actor: 'office' | 'admin'): Client {
  let client = sockets.get(actor);
  if (!client) {
    client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${tokens[actor]}` },
      lazy: false,
      retryAttempts: 0,
    });
    sockets.set(actor, client);
  }
  return client;
}

/** Over graphql-ws: the first result or error; a subscription that stays open for 300 ms was accepted. */
function overWebSocket(kind: Kind, field: AnyField, variables: Record<string, unknown>): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: Answer) => {
      if (settled) return;
      settled = true;
      unsubscribe();
      resolve(answer);
    };
    const unsubscribe = socketOf(actorOf.get(field.name)!).subscribe(
      { query: operationFor(kind, field), variables },
      {
        next: (result) => settle({ data: result.data, errors: result.errors }),
        error: (error) =>
          settle({ errors: Array.isArray(error) ? error : [{ message: `socket error: ${String(error)}` }] }),
        complete: () => settle({ errors: [{ message: 'completed without a result' }] }),
      },
    );
    if (kind === 'subscription') setTimeout(() => settle({}), 300);
  });
}

/** Sends until admitted: RATE_LIMITED is waited out as it says (the fuzz is faster than any person). */
async function send(via: 'http' | 'ws', kind: Kind, field: AnyField, variables: Record<string, unknown>) {
  for (;;) {
    const answer = await (via === 'http'
      ? overHttp(kind, field, variables)
      : overWebSocket(kind, field, variables));
    const refusal = answer.errors?.[0]?.extensions;
    if (refusal?.code !== 'RATE_LIMITED' || field.name === 'login') return answer;
    await new Promise((resolve) => setTimeout(resolve, Number(refusal.retryAfterSeconds ?? 1) * 1_000));
  }
}

/** What is wrong with an answer, or null. */
function whatIsWrong(c: Case, answer: Answer): string | null {
  if (answer.status !== undefined && answer.status >= 500) return `HTTP ${answer.status}`;
  for (const error of answer.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR')
      return `${String(code)}: ${error.message.slice(0, 200)}`;
  }
  const name = String(c.leaf.path.at(-1));
  const [first] = answer.errors ?? [];
  const code = first?.extensions?.code;
  const isString = c.leaf.type.name === 'String';
  if (c.kind === 'mutation' && isString && requiredText.test(name) && c.hostile.label === 'only spaces')
    if (code !== 'BAD_USER_INPUT') return `only spaces accepted (${String(code ?? 'success')})`;
  if (
    isString &&
    c.hostile.label === 'bidi override' &&
    /^(name|fileName)$/.test(name) &&
    /Attach|Upload/.test(c.leaf.holder)
  )
    if (code !== 'BAD_USER_INPUT')
      return `bidi control accepted in a file name (${String(code ?? 'success')})`;
  if (unstorable.has(c.hostile.label) && !first && c.kind === 'mutation') return 'stored an unstorable value';
  if (unstorable.has(c.hostile.label) && code === 'BAD_USER_INPUT' && !first?.extensions?.field)
    return 'BAD_USER_INPUT without the field';
  return null;
}

function tally(answer: Answer) {
  const code = answer.errors?.[0]?.extensions?.code;
  const key = typeof code === 'string' ? code : 'success';
  refusals.set(key, (refusals.get(key) ?? 0) + 1);
}

const roots: [Kind, AnyField][] = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ['query', field] as [Kind, AnyField]),
  ...Object.values(schema.getMutationType()!.getFields()).map(
    (field) => ['mutation', field] as [Kind, AnyField],
  ),
  ...Object.values(schema.getSubscriptionType()!.getFields()).map(
    (field) => ['subscription', field] as [Kind, AnyField],
  ),
];
/** Not fuzzed: it ends the session the suite runs in (it has no arguments either). */
const skipped = new Set(['logout']);
/** The directory's commands, the administrator's. */
const administrative = /Unit|User|Membership|SystemRole/;
/** Commands that end what later cases work on: fuzzed last. */
const ending = /^(remove|cancel|close|revoke|setUserActive|resetUserPassword|changePassword)/;

function casesOf(kind: Kind, field: AnyField): Case[] {
  if (skipped.has(field.name)) return [];
  const cases: Case[] = [];
  for (const arg of field.args)
    for (const leaf of leavesOf(arg, field.name)) {
      const name = String(leaf.path.at(-1));
      const values: HostileValue[] = leaf.list
        ? [
            { label: 'empty list', value: [] },
            { label: 'null in list', value: [null] },
            // The element's own hostile values, inside the list (an input object's leaves have their own cases).
            ...(isInputObjectType(leaf.type)
              ? []
              : hostileValues(leaf.type, name).map(({ label, value }) => ({
                  label: `[${label}]`,
                  value: [value],
                }))),
          ]
        : hostileValues(leaf.type, name);
      if (leaf.nonNull) values.push({ label: 'null', value: null });
      for (const hostile of values) cases.push({ kind, field, leaf, hostile });
    }
  return cases;
}

describe('schema-driven fuzz: every argument of every operation, hostile values, HTTP and WebSocket', () => {
  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      await seedIfEmpty(db.orm, password);
    });
    entities = Object.values(t.db.orm.getMetadata().getAll()).map((meta) => meta.className);
    tokens.office = await login('office@quorum.test');
    tokens.admin = await login('admin@quorum.test');
    const em = t.db.orm.em.fork();
    const office = await em.findOneOrFail(User, { email: 'office@quorum.test' });
    // Ids the working values use: what the office works on, and victims for the commands that end access.
    const meeting = await em.findOneOrFail(
      Meeting,
      { status: MeetingStatus.DRAFT, isTemplate: false },
      {
        populate: ['agendaItems', 'participants'],
        orderBy: { startsAt: 'asc' },
      },
    );
    ids.set('Meeting', meeting.id);
    for (const [name, items] of [
      ['AgendaItem', meeting.agendaItems.getItems()],
      ['Participant', meeting.participants.getItems()],
    ] as const)
      if (items[0]) ids.set(name, items[0].id);
    ids.set('Committee', (await em.findOneOrFail(Unit, { kind: UnitKind.COMMITTEE })).id);
    const victim = await em.findOneOrFail(User, {
      email: { $nin: ['office@quorum.test', 'admin@quorum.test'] },
    });
    ids.set('User', victim.id);
    const unit = await em.findOneOrFail(Unit, { kind: UnitKind.DEPARTMENT });
    ids.set('Unit', unit.id);
    for (const name of [
      'Proposal',
      'Task',
      'Attachment',
      'WorkProgramme',
      'Appraisal',
      'AppraisalAssignment',
      'AppraisalComment',
      'DocumentVersion',
    ]) {
      const table = t.db.orm.getMetadata().find(name)?.tableName;
      if (!table) continue;
      const [row]: { id: string }[] = await em.getConnection().execute(`select id from "${table}" limit 1`);
      if (row) ids.set(name, row.id);
    }
    // A spare session and token of the office's, for the commands that end one.
    await login('office@quorum.test');
    const [spare] = await em.find(Session, { user: office.id }, { orderBy: { createdAt: 'desc' }, limit: 1 });
    ids.set('Session', spare!.id);
    const token = await t.gql<{ createApiToken: { apiToken: { id: string } } }>(
      `mutation { createApiToken(input: { name: "fuzz", scopes: [READ] }) { apiToken { id } } }`,
      {},
      tokens.office,
    );
    if (token.data) ids.set('ApiToken', token.data.createApiToken.apiToken.id);
    else ids.set('ApiToken', (await em.findOneOrFail(ApiToken, {})).id);

    // Every table but the migrations' and the failed logins' (a refused login is counted, by design).
    const listed: { table_name: string }[] = await t.db.orm.em.getConnection().execute(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
           and table_name not in ('mikro_orm_migrations', 'login_attempt') order by 1`,
    );
    tables = listed.map((row) => row.table_name);
    checksum = await tableChecksums();

    // Each operation runs as one who may do it: the directory's as the administrator, the rest as the office.
    for (const [, field] of roots)
      actorOf.set(field.name, administrative.test(field.name) ? 'admin' : 'office');
    checksum = await tableChecksums();
  }, 120_000);

  afterAll(async () => {
    await Promise.all([...sockets.values()].map((client) => client.dispose()));
    await t?.close();
  });

  it('answers each case with a success or a coded refusal, and a refused mutation changes no table', async () => {
    const started = performance.now();
    const failures: string[] = [];
    const cases = roots
      .flatMap(([kind, field]) => casesOf(kind, field))
      .sort((a, b) => Number(ending.test(a.field.name)) - Number(ending.test(b.field.name)));
    for (const c of cases) {
      // Subscriptions only over WebSocket; the rest over both, the WebSocket one for each value of each field.
      const vias: ('http' | 'ws')[] = c.kind === 'subscription' ? ['ws'] : ['http', 'ws'];
      for (const via of vias) {
        const variables = await argumentsOf(c.field, c.leaf, c.hostile.value);
        const answer = await send(via, c.kind, c.field, variables);
        counts[via] += 1;
        if (c.kind === 'subscription') counts.subscriptions += 1;
        tally(answer);
        const where = `${via} ${c.kind} ${c.field.name} ${c.leaf.path.join('.')} = ${c.hostile.label}`;
        const wrong = whatIsWrong(c, answer);
        if (wrong) failures.push(`${where}: ${wrong}`);
        if (c.kind !== 'mutation') continue;
        const now = await tableChecksums();
        if (answer.errors?.length) {
          counts.checked += 1;
          if (now !== checksum)
            failures.push(`${where}: refused, yet changed ${changedTables(checksum, now).join(', ')}`);
        }
        // The checksums see writes: a mutation that succeeded changes them (most do).
        if (!answer.errors?.length && now !== checksum) counts.wrote += 1;
        checksum = now;
      }
    }
    const byCode = [...refusals].map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(
      `fuzz: ${cases.length} cases in ${((performance.now() - started) / 1000).toFixed(0)} s, ${counts.http} over HTTP and ${counts.ws} over WebSocket (${counts.subscriptions} subscriptions); ` +
        `answers: ${byCode}; ${counts.checked} refused mutations checked against ${tables.length} table checksums; ` +
        `${counts.wrote} successful mutations changed them`,
    );
    expect(failures).toEqual([]);
    expect(counts.wrote).toBeGreaterThan(0);
  }, 600_000);
});
