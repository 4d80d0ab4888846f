import { ErrorCode, MembershipRole } from '@quorum/shared';
import { getIntrospectionQuery, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { requestLimits } from '../src/config/limits.js';
import type { Database } from '../src/config/orm.js';
import { Meeting } from '../src/entities/index.js';
import { formatError } from '../src/format-error.js';
import { createTestDatabase } from './support/database.js';
import { buildOrganization, buildUser } from './support/factories.js';
import { startTestServer, type TestServer } from './support/server.js';

interface Answer {
  data?: unknown;
  errors?: readonly GraphQLFormattedError[];
}

const wsUrl = (httpUrl: string) => `${httpUrl.replace('http', 'ws')}/graphql`;

/** A graphql-ws client that connects at once and keeps its one socket (so a close is seen). */
function eagerClient(url: string, token?: string) {
  const closes: { code: number; reason: string }[] = [];
  const client = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
  });
  client.on('closed', (event) => closes.push(event as { code: number; reason: string }));
  return { client, closes };
}

/**
 * The result (or the errors) of one query or mutation over graphql-ws. It completes by itself: unsubscribing
 * after `next` would race the server's `complete` and release the socket twice (graphql-ws 6 client).
 */
function once(client: Client, query: string, variables: Record<string, unknown> = {}) {
  return new Promise<Answer>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result: FormattedExecutionResult) => resolve({ data: result.data, errors: result.errors }),
        error: (error: unknown) =>
          resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
        complete: () => resolve({ errors: [{ message: 'completed without a result' }] }),
      },
    );
  });
}

/** A raw graphql-transport-ws socket, to see exactly how the server closes it. */
function rawSocket(url: string) {
  const socket = new WebSocket(wsUrl(url), 'graphql-transport-ws');
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const messages: { type: string; id?: string; payload?: unknown }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as (typeof messages)[number]));
  return { socket, opened, closed, messages };
}

const meetingFields = `fragment MeetingFields on Meeting {
  id version title kind status startsAt endsAt location classification updatedAt
  committee { id name shortName kind }
}`;

describe('HTTP transport', () => {
  let t: TestServer;
  let office: { token: string };
  let committeeId: string;
  const createMeeting =
    'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }';
  const meetingInput = () => ({
    input: { committeeId, title: 'Phải bị từ chối', kind: 'REGULAR', startsAt: '2027-02-01T01:00:00Z' },
  });

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em);
      office = await buildUser(em, org.organization, { unit: org.office, role: MembershipRole.STAFF });
      committeeId = org.committee.id;
    });
  });
  afterAll(() => t.close());

  const meetingCount = () => t.db.orm.em.fork().count(Meeting, {});
  const post = (body: string | ReadableStream, headers: Record<string, string>) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers, body, duplex: 'half' } as RequestInit);

  it('answers a body over 100 kB with 413 and a JSON error carrying PAYLOAD_TOO_LARGE', async () => {
    const body = JSON.stringify({
      query: '{ __typename }',
      variables: { pad: 'x'.repeat(requestLimits.maxBodyBytes) },
    });
    const response = await post(body, { 'content-type': 'application/json' });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      errors: [
        { message: 'The request body is larger than 100 kB', extensions: { code: 'PAYLOAD_TOO_LARGE' } },
      ],
    });
  });

  it('counts the bytes of a chunked body that declares no length', async () => {
    const chunk = new TextEncoder().encode(
      `{"query":"{ __typename }","variables":{"pad":"${'x'.repeat(64 * 1024)}`,
    );
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.enqueue(new TextEncoder().encode('"}}'));
        controller.close();
      },
    });
    const response = await post(stream, { 'content-type': 'application/json' });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Answer).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400 BAD_REQUEST as JSON', async () => {
    const response = await post('{"query": "{ __typename }"', { 'content-type': 'application/json' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Answer).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });

  it('refuses a text/plain or form POST without a preflight header (CSRF), and writes nothing', async () => {
    const before = await meetingCount();
    const body = JSON.stringify({ query: createMeeting, variables: meetingInput() });
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const response = await post(body, {
        'content-type': contentType,
        authorization: `Bearer ${office.token}`,
      });
      expect(response.status).toBe(400);
      const answer = (await response.json()) as Answer;
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
      expect(answer.errors?.[0]?.message).toMatch(/CSRF/);
    }
    expect(await meetingCount()).toBe(before);
  });

  it('refuses a GET query without a preflight header, and accepts it with one', async () => {
    const url = `${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Answer).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const accepted = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await accepted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a batch (an array body) with BAD_REQUEST, and writes nothing', async () => {
    const before = await meetingCount();
    const one = { query: createMeeting, variables: meetingInput() };
    const response = await post(JSON.stringify([one, one]), {
      'content-type': 'application/json',
      authorization: `Bearer ${office.token}`,
    });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as Answer;
    expect(answer.errors?.[0]).toMatchObject({
      message: 'Operation batching disabled.',
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(await meetingCount()).toBe(before);
  });

  it('sends security headers on every answer, with a CSP the built client runs under', async () => {
    for (const path of ['/', '/health', '/assets/missing.js']) {
      const response = await fetch(`${t.url}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("script-src-attr 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(
        `connect-src 'self' ws://localhost:${t.server.port} wss://localhost:${t.server.port}`,
      );
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
    const api = await post(JSON.stringify({ query: '{ __typename }' }), {
      'content-type': 'application/json',
    });
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it("answers with an X-Request-Id: the caller's when sane, a fresh one otherwise", async () => {
    const given = await fetch(`${t.url}/health`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const replaced = await fetch(`${t.url}/health`, {
      headers: { 'x-request-id': '<script>alert(1)</script>' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts what the client sends: a full page of meetings, the live feed, and introspection in development', async () => {
    const page = await t.gql(
      `query Meetings($first: Int) { meetings(first: $first) { edges { cursor node { ...MeetingFields } }
         pageInfo { hasNextPage endCursor } totalCount } } ${meetingFields}`,
      { first: requestLimits.pageSizeMax },
      office.token,
    );
    expect(page.errors).toBeUndefined();
    const literal = await t.gql(
      `{ meetings(first: ${requestLimits.pageSizeMax}) { edges { node { ...MeetingFields } } totalCount } } ${meetingFields}`,
      {},
      office.token,
    );
    expect(literal.errors).toBeUndefined();
    const introspection = await t.gql(
      getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }),
    );
    expect(introspection.errors).toBeUndefined();
    // The live feed is refused at once or runs: give it a second to be refused.
    const { client } = eagerClient(t.url, office.token);
    const errors: unknown[] = [];
    const stop = client.subscribe(
      {
        query: `subscription { events(scope: { type: ORGANIZATION }, after: "0") { cursor type subject { __typename
          ... on Meeting { ...MeetingFields } ... on Unit { id name } } } } ${meetingFields}`,
      },
      {
        next: (result) => errors.push(...(result.errors ?? [])),
        error: (error) => errors.push(error),
        complete: () => {},
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(errors).toEqual([]);
    stop();
    await client.dispose();
  });

  it('suggests field names in development (they are hidden in production)', async () => {
    const answer = await t.gql('{ meetingz { totalCount } }', {}, office.token);
    expect(answer.errors?.[0]?.message).toMatch(/Did you mean "meeting/);
  });
});

describe('WebSocket transport', () => {
  let t: TestServer;
  let office: { token: string };
  let committeeId: string;

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const org = await buildOrganization(em);
      office = await buildUser(em, org.organization, { unit: org.office, role: MembershipRole.STAFF });
      committeeId = org.committee.id;
    });
  });
  afterAll(() => t.close());

  it('closes with 4403 when connection_init carries an invalid or malformed token', async () => {
    for (const authorization of ['Bearer qs_not-a-real-token', 'Token abc', `Bearer ${office.token}x`]) {
      const raw = rawSocket(t.url);
      await raw.opened;
      raw.socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization } }));
      expect(await raw.closed).toEqual({ code: 4403, reason: 'Forbidden' });
      expect(raw.messages).toEqual([]);
    }
  });

  it('acknowledges a valid token, and an anonymous connection (which may only read public fields)', async () => {
    for (const payload of [{ authorization: `Bearer ${office.token}` }, {}]) {
      const raw = rawSocket(t.url);
      await raw.opened;
      raw.socket.send(JSON.stringify({ type: 'connection_init', payload }));
      await vi.waitFor(() => expect(raw.messages).toEqual([{ type: 'connection_ack' }]));
      raw.socket.close(1000);
      await raw.closed;
    }
  });

  it(`closes a socket that sends no connection_init within ${requestLimits.connectionInitTimeoutMs} ms with 4408`, async () => {
    const raw = rawSocket(t.url);
    await raw.opened;
    expect(await raw.closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  });

  it(`refuses operation ${requestLimits.maxSubscriptionsPerConnection + 1} on one socket with TOO_MANY_SUBSCRIPTIONS; the socket stays open and the others keep delivering`, async () => {
    // From the current cursor, so that a subscription still starting when the meeting is created replays it.
    const start = await t.gql<{ events: { pageInfo: { endCursor: string | null } } }>(
      '{ events(scope: { type: ORGANIZATION }, first: 100) { pageInfo { endCursor } } }',
      {},
      office.token,
    );
    const after = start.data?.events.pageInfo.endCursor ?? '0';
    const { client, closes } = eagerClient(t.url, office.token);
    const cap = requestLimits.maxSubscriptionsPerConnection;
    const received = new Array<number>(cap).fill(0);
    const stops: (() => void)[] = [];
    const errors: unknown[] = [];
    for (let i = 0; i < cap; i += 1) {
      stops.push(
        client.subscribe(
          {
            query:
              'subscription($after: String) { events(scope: { type: ORGANIZATION }, after: $after) { type } }',
            variables: { after },
          },
          { next: () => (received[i] += 1), error: (error) => errors.push(error), complete: () => {} },
        ),
      );
    }
    // Every subscription has started on the server before the one too many is sent.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await once(client, '{ viewer { id } }');
    expect(refused.errors).toEqual([
      {
        message: `At most ${cap} operations may run at once on one connection`,
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      },
    ]);

    // The 50 still deliver: a meeting created over HTTP reaches every one of them.
    const created = await t.gql(
      'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }',
      { input: { committeeId, title: 'Giao ban', kind: 'BRIEFING', startsAt: '2027-03-01T01:00:00Z' } },
      office.token,
    );
    expect(created.errors).toBeUndefined();
    // Each of the 50 re-checks the viewer and reads the event: slow on a busy machine, hence the long wait.
    await vi.waitFor(() => expect(received.every((n) => n >= 1)).toBe(true), {
      timeout: 60_000,
      interval: 200,
    });
    expect(errors).toEqual([]);

    // One ends, so one more may start, on the same socket.
    stops[0]!();
    await vi.waitFor(async () => expect((await once(client, '{ viewer { id } }')).errors).toBeUndefined());
    expect(closes).toEqual([]);
    for (const stop of stops) stop();
    await client.dispose();
  }, 120_000);

  it('closes a socket that sends a frame over the frame cap with 1009, unparsed', async () => {
    const raw = rawSocket(t.url);
    await raw.opened;
    raw.socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
    await vi.waitFor(() => expect(raw.messages).toEqual([{ type: 'connection_ack' }]));
    const query = `{ __typename }${' '.repeat(requestLimits.maxWebSocketFrameBytes)}`;
    raw.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
    expect((await raw.closed).code).toBe(1009);
    const health = await fetch(`${t.url}/health`);
    expect(health.status).toBe(200);
  });
});

describe('production mode', () => {
  let db: Database;
  let server: RunningServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startServer(loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'production' }), db);
  });
  afterAll(async () => {
    await server.stop();
    await db.close();
  });

  const gql = async (query: string) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as Answer;
  };

  it('refuses introspection on both transports', async () => {
    const query = '{ __schema { types { name } } }';
    const overHttp = await gql(query);
    expect(overHttp.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(overHttp.errors?.[0]?.message).toMatch(/introspection/i);
    const { client } = eagerClient(server.url);
    const overWs = await once(client, query);
    expect(overWs.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(overWs.errors?.[0]?.message).toMatch(/introspection/i);
    await client.dispose();
  });

  it('hides field suggestions on both transports', async () => {
    const query = '{ meetingz { totalCount } }';
    const overHttp = await gql(query);
    expect(overHttp.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(overHttp.errors?.[0]?.message).not.toMatch(/Did you mean/);
    const { client } = eagerClient(server.url);
    const overWs = await once(client, query);
    expect(overWs.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(overWs.errors?.[0]?.message).not.toMatch(/Did you mean/);
    await client.dispose();
  });

  it('serves no landing page, and gives JSON answers a CSP that loads nothing', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/<html/i);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
  });
});

describe('masking', () => {
  it('masks an unexpected error (no message, stack or SQL) and logs only its class with the request id', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const error = new Error(
        'insert into "meeting" … violates foreign key constraint "meeting_committee_id_foreign"',
      );
      const masked = formatError(
        { message: error.message, extensions: { stacktrace: ['at x'] } },
        error,
        'req-42',
      );
      expect(masked).toEqual({
        message: 'Internal server error',
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: 'req-42' },
      });
      expect(log).toHaveBeenCalledWith('[req-42] unexpected error: Error');
    } finally {
      log.mockRestore();
    }
  });
});
