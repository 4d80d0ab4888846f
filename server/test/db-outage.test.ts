// A database outage is retryable, never a bug: while the test's own PostgreSQL database refuses connections
// (ALLOW_CONNECTIONS false, its backends terminated, as in a restart), every transport answers
// SERVICE_UNAVAILABLE (over HTTP with 503 and Retry-After), never INTERNAL_SERVER_ERROR; once it is back the
// server recovers by itself and a subscriber that stayed connected receives the next event, with none lost.
import { ErrorCode } from '@quorum/shared';
import type { Client, ExecutionResult } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, type Meeting } from '../src/entities/index.js';
import { retryAfterSeconds } from '../src/security/unavailable.js';
import { usingPostgres } from './support/database.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type GraphQLResponse, type TestServer } from './support/server.js';

// From the first event on: the replay, then live, with no gap and no duplicate.
const feedQuery = `subscription { events(scope: { type: ORGANIZATION }, after: "0") { cursor subject { ... on Meeting { title } } } }`;
type Received = { events: { cursor: string; subject: { title?: string } | null } };

const renameMutation = `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { version } } }`;

describe.skipIf(!usingPostgres)('a database outage', () => {
  let t: TestServer;
  let meeting: Meeting;
  let organizationId: string;
  let officeToken: string;
  let memberToken: string;
  /** The test's own database (quorum_test_…), and a connection to the server's maintenance database. */
  let database: string;
  let admin: pg.Client;
  let version = 1;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      organizationId = tenant.organization.id;
      officeToken = tenant.office.token;
      memberToken = tenant.member.token;
      meeting = await buildMeetingIn(em, tenant.organization, tenant.committee);
    });
    database = new URL(t.db.orm.config.get('clientUrl')!).pathname.slice(1);
    // Only ever the database this file created: never `postgres`, never another file's.
    expect(database).toMatch(/^quorum_test_[0-9a-f]{12}$/);
    admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.query(`alter database ${database} allow_connections true`).catch(() => undefined);
    await admin?.end();
    await t?.close();
  });

  /** POSTs to /graphql and keeps the status and Retry-After. */
  async function post(query: string, variables: Record<string, unknown> = {}, token = officeToken) {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  }

  const rename = (title: string) =>
    post(renameMutation, { input: { id: meeting.id, expectedVersion: version, title } });

  /** Runs one operation over a socket and answers its result, or its errors. */
  function execute(client: Client, query: string): Promise<ExecutionResult> {
    return new Promise((resolve, reject) => {
      let result: ExecutionResult = {};
      client.subscribe(
        { query },
        {
          next: (value) => (result = value as ExecutionResult),
          error: (error) => (Array.isArray(error) ? resolve({ errors: error }) : reject(error as Error)),
          complete: () => resolve(result),
        },
      );
    });
  }

  const codesOf = (errors: readonly { extensions?: { code?: unknown } }[] | undefined) =>
    (errors ?? []).map((error) => error.extensions?.code);

  /** Ends every connection to the test's database (the server's pool, its LISTEN connection), as a restart does. */
  const terminateBackends = () =>
    admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [database]);

  /** The database refuses new connections and loses the ones it had. */
  async function block(): Promise<void> {
    await admin.query(`alter database ${database} allow_connections false`);
    await terminateBackends();
  }

  it('answers SERVICE_UNAVAILABLE (HTTP 503, Retry-After) while the database is away, then recovers by itself with no event lost', async () => {
    // Before: a subscriber, whose subscription keeps its socket open (the test client is lazy).
    const socket = t.ws(officeToken);
    const received: Received[] = [];
    const streamErrors: unknown[] = [];
    socket.subscribe<Received>(
      { query: feedQuery },
      {
        next: (value) =>
          value.data ? received.push(value.data as Received) : streamErrors.push(value.errors),
        error: (error) => streamErrors.push(error),
        complete: () => streamErrors.push('completed'),
      },
    );
    await waitFor(async () => {
      const answer = await rename('Trước khi mất cơ sở dữ liệu');
      if (!answer.body.data) throw new Error(JSON.stringify(answer.body));
      version = (answer.body.data as { updateMeeting: { meeting: { version: number } } }).updateMeeting
        .meeting.version;
      return true;
    });
    await waitFor(async () => received.length === 1);
    expect((await execute(socket, '{ viewer { id } }')).errors).toBeUndefined();

    await block();
    try {
      // HTTP: a query, a mutation (nothing written), a credential that must be checked (the context).
      const answers = [
        await post('{ meetings { totalCount } }'),
        await rename('Trong khi mất cơ sở dữ liệu'),
        await post('{ viewer { id } }', {}, memberToken),
      ];
      for (const answer of answers) {
        expect(codesOf(answer.body.errors)).toEqual([ErrorCode.SERVICE_UNAVAILABLE]);
        expect(answer.body.errors![0]!.extensions!.retryAfterSeconds).toBe(retryAfterSeconds);
        expect({ status: answer.status, retryAfter: answer.retryAfter }).toEqual({
          status: 503,
          retryAfter: String(retryAfterSeconds),
        });
      }

      // Downloads and the health check.
      const agenda = await fetch(`${t.url}/meetings/${meeting.id}/agenda.json`, {
        headers: { authorization: `Bearer ${officeToken}` },
      });
      expect(agenda.status).toBe(503);
      expect(agenda.headers.get('retry-after')).toBe(String(retryAfterSeconds));
      expect(codesOf(((await agenda.json()) as GraphQLResponse).errors)).toEqual([
        ErrorCode.SERVICE_UNAVAILABLE,
      ]);
      expect((await fetch(`${t.url}/health`)).status).toBe(503);

      // WebSocket, on a socket opened before: a query, and one whose viewer must be loaded again.
      expect(codesOf((await execute(socket, '{ meetings { totalCount } }')).errors)).toEqual([
        ErrorCode.SERVICE_UNAVAILABLE,
      ]);
      t.accessChanged(organizationId);
      expect(codesOf((await execute(socket, '{ viewer { id } }')).errors)).toEqual([
        ErrorCode.SERVICE_UNAVAILABLE,
      ]);

      // A new socket whose token cannot be checked: closed with 1013 "try again later", not 4403 (which
      // tells Quorum's client the session is over).
      expect(await closeCodeOfNewSocket(memberToken)).toBe(1013);
    } finally {
      await admin.query(`alter database ${database} allow_connections true`);
    }

    // Recovery, by itself: the next requests succeed on every transport.
    await waitFor(async () => (await post('{ viewer { id } }')).status === 200);
    const after = await post('{ meetings { totalCount } }');
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
    expect((await post('{ viewer { id } }', {}, memberToken)).body.errors).toBeUndefined();
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect((await execute(socket, '{ viewer { id } }')).errors).toBeUndefined();

    // The subscriber that stayed connected receives the next event; nothing committed was lost or doubled.
    const renamed = await rename('Sau khi có lại cơ sở dữ liệu');
    expect(renamed.body.errors).toBeUndefined();
    await waitFor(async () => received.length === 2);
    expect(streamErrors).toEqual([]);
    expect(received.map((r) => r.events.subject?.title)).toEqual([
      'Trước khi mất cơ sở dữ liệu',
      'Sau khi có lại cơ sở dữ liệu',
    ]);
    const committed = await t.db.orm.em
      .fork()
      .find(Event, { organization: organizationId, auditOnly: false }, { orderBy: { seq: 'asc' } });
    expect(received.map((r) => r.events.cursor)).toEqual(committed.map((event) => event.seq));
  });

  it('answers data or SERVICE_UNAVAILABLE, never INTERNAL_SERVER_ERROR, when its connections are cut under running requests', async () => {
    const live = t.ws(officeToken);
    // An open subscription keeps the socket open: the operations below share it.
    const unsubscribe = live.subscribe(
      { query: feedQuery },
      { next: () => {}, error: () => {}, complete: () => {} },
    );
    expect((await execute(live, '{ viewer { id } }')).errors).toBeUndefined();
    // A WebSocket answer has no status: its code says it all. Over HTTP the status must agree with the code.
    type Answer = { errors: GraphQLResponse['errors']; status?: number };
    const answers: Answer[] = [];
    // 4 × 4 operations, with the two above, stay within one socket's burst of operations (flow control), so
    // every answer is the outage's and none RATE_LIMITED however fast the machine runs them.
    for (let round = 0; round < 4; round++) {
      const running = Array.from({ length: 4 }, async () => {
        const [http, ws] = await Promise.all([
          post('{ meetings { totalCount } }'),
          execute(live, '{ meetings { totalCount } }'),
        ]);
        answers.push(
          { status: http.status, errors: http.body.errors },
          { errors: ws.errors as Answer['errors'] },
        );
      });
      await terminateBackends();
      await Promise.all(running);
    }
    for (const answer of answers) {
      expect(codesOf(answer.errors)).toEqual(answer.errors ? [ErrorCode.SERVICE_UNAVAILABLE] : []);
      if (answer.errors) expect(answer.errors[0]!.extensions!.retryAfterSeconds).toBe(retryAfterSeconds);
      if (answer.status !== undefined) expect(answer.status).toBe(answer.errors ? 503 : 200);
    }
    console.log(
      `connections cut under ${answers.length} requests: ${answers.filter((a) => a.errors).length} answered SERVICE_UNAVAILABLE, the rest data`,
    );
    await waitFor(async () => (await post('{ meetings { totalCount } }')).status === 200);
    unsubscribe();
  });

  /** Opens a socket and sends `connection_init` with `token`; answers the code the socket was closed with. */
  function closeCodeOfNewSocket(token: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${t.url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
      socket.on('open', () =>
        socket.send(
          JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }),
        ),
      );
      socket.on('message', (data) => reject(new Error(`unexpected message ${String(data)}`)));
      socket.on('close', (code) => resolve(code));
    });
  }
});

/** Polls `check` until it holds (a failed check counts as not yet). */
async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out${last ? `: ${String(last)}` : ''}`);
}
