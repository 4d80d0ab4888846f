import { ErrorCode } from '@quorum/shared';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { requestLimits } from '../src/config/limits.js';
import type { Meeting } from '../src/entities/index.js';
import { FlowCloseCode } from '../src/security/flow-control.js';
import { buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

/** A graphql-transport-ws message: `next` carries a result, `error` a list of errors. */
interface Message {
  type: string;
  id?: string;
  payload?: unknown;
}

type Refusal = { message: string; extensions?: { code?: string; retryAfterSeconds?: number } }[];

/**
 * A graphql-transport-ws client on a plain `ws` socket: it can send a flood in one go, stop reading, and see
 * exactly how the server closes it.
 */
async function protocolClient(url: string, token: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/graphql`, 'graphql-transport-ws');
  const messages: Message[] = [];
  const sizes: number[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data: Buffer) => {
    sizes.push(data.length);
    messages.push(JSON.parse(data.toString()) as Message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await vi.waitFor(() => expect(messages[0]?.type).toBe('connection_ack'));
  let next = 0;
  const subscribe = (query: string, variables: Record<string, unknown> = {}) => {
    next += 1;
    const id = String(next);
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
    return id;
  };
  /** The `next` or `error` answering one operation. */
  const answer = (id: string) =>
    vi.waitFor(
      () => {
        const found = messages.find((m) => m.id === id && (m.type === 'next' || m.type === 'error'));
        expect(found).toBeDefined();
        return found!;
      },
      { timeout: 30_000, interval: 20 },
    );
  return { socket, messages, sizes, closed, subscribe, answer };
}

const refusals = (messages: Message[]) =>
  messages.filter((m) => m.type === 'error').map((m) => m.payload as Refusal);

describe('flow control on WebSocket', () => {
  let t: TestServer;
  const tokens: string[] = [];
  let officeToken: string;
  let otherToken: string;
  let bigMeeting: Meeting;
  let smallMeeting: Meeting;

  beforeAll(async () => {
    t = await startTestServer(
      async (db) => {
        const em = db.orm.em.fork();
        const tenant = await buildMeetingTenant(em);
        officeToken = tenant.office.token;
        otherToken = tenant.member.token;
        // One user per test, so that the per-user rate of one test does not spend another's.
        for (let i = 0; i < 4; i += 1)
          tokens.push((await buildUser(em, tenant.organization, { unit: tenant.department })).token);
        smallMeeting = await buildMeetingIn(em, tenant.organization, tenant.committee, { title: 'Giao ban' });
        bigMeeting = await buildMeetingIn(em, tenant.organization, tenant.committee, {
          title: 'Hội nghị lần thứ 1',
        });
        // Every event of this meeting carries its whole agenda: about 2 MB per event.
        const items = await buildAgendaItems(
          em,
          bigMeeting,
          Array.from({ length: 100 }, (_, i) => ({ title: `Nội dung ${i + 1}` })),
        );
        const description = 'Thực hiện Nghị quyết số 26 của Ban Chấp hành. '.repeat(500).slice(0, 20_000);
        for (const item of items) item.description = description;
        await em.flush();
        // The operation rate at its defaults: it is what these tests are about.
      },
      {
        WS_RATE_LIMIT_BURST: String(requestLimits.operationBurstPerSocket),
        WS_RATE_LIMIT_PER_SECOND: String(requestLimits.operationsPerSecondPerSocket),
      },
    );
  });
  afterAll(() => t.close());

  it(`refuses operations past a burst of ${requestLimits.operationBurstPerSocket} on one socket with RATE_LIMITED and a retry hint; the socket stays usable`, async () => {
    const client = await protocolClient(t.url, tokens[0]!);
    const burst = requestLimits.operationBurstPerSocket;
    const ids = Array.from({ length: burst + 20 }, () => client.subscribe('{ __typename }'));
    const answers = await Promise.all(ids.map((id) => client.answer(id)));
    const refused = refusals(answers);
    // Tokens come back at 10 a second: a slow machine may earn one or two while the burst is sent.
    expect(refused.length).toBeGreaterThanOrEqual(5);
    expect(answers.filter((m) => m.type === 'next').length).toBeGreaterThanOrEqual(burst);
    for (const errors of refused) {
      expect(errors).toEqual([
        {
          message: 'Too many operations started; try again in 1 s',
          extensions: { code: ErrorCode.RATE_LIMITED, retryAfterSeconds: 1 },
        },
      ]);
    }

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const after = await client.answer(client.subscribe('{ __typename }'));
    expect(after).toMatchObject({ type: 'next', payload: { data: { __typename: 'Query' } } });
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close(1000);
  });

  it(`limits one user across sockets to a burst of ${requestLimits.operationBurstPerUser}`, async () => {
    const perSocket = requestLimits.operationBurstPerSocket - 2;
    const sockets = Math.ceil(requestLimits.operationBurstPerUser / perSocket) + 1;
    const clients = await Promise.all(
      Array.from({ length: sockets }, () => protocolClient(t.url, tokens[1]!)),
    );
    // Documents that fail to parse: admitted ones cost nothing, so the burst is not spread over time by the
    // work it causes (on the embedded database queries run on this thread) and refilled meanwhile.
    const answers = await Promise.all(
      clients.flatMap((client) =>
        Array.from({ length: perSocket }, () => client.answer(client.subscribe('{'))),
      ),
    );
    const codes = refusals(answers).map((errors) => errors[0]?.extensions?.code);
    expect(codes.filter((code) => code === ErrorCode.RATE_LIMITED).length).toBeGreaterThan(0);
    expect(codes.filter((code) => code === 'GRAPHQL_PARSE_FAILED').length).toBeGreaterThanOrEqual(
      requestLimits.operationBurstPerUser,
    );
    for (const client of clients) client.socket.close(1000);
  });

  it(`closes a socket that floods far past its rate with ${FlowCloseCode.TooManyOperations}, and answers another user meanwhile`, async () => {
    const other = await protocolClient(t.url, otherToken);
    const flood = await protocolClient(t.url, tokens[2]!);
    // What a runaway client does: 1,000 subscribe/complete pairs in one go.
    for (let i = 0; i < 1_000; i += 1) {
      const id = flood.subscribe('subscription { events(scope: { type: ORGANIZATION }) { cursor } }');
      flood.socket.send(JSON.stringify({ id, type: 'complete' }));
    }
    const answer = await other.answer(other.subscribe('{ viewer { id } }'));
    expect(answer.type).toBe('next');
    expect(await flood.closed).toEqual({
      code: FlowCloseCode.TooManyOperations,
      reason: 'Too many operations',
    });
    // The refusals themselves are not sent: each operation was completed by the client before its answer.
    expect(flood.messages.filter((m) => m.type === 'next')).toEqual([]);
    other.socket.close(1000);
  });

  it(`closes a client that stops reading with ${FlowCloseCode.SlowConsumer} once ${requestLimits.maxSendBufferBytes / 1024 / 1024} MiB wait for it, holding no more than that`, async () => {
    const serverSockets: Socket[] = [];
    const capture = (_request: unknown, socket: Socket) => serverSockets.push(socket);
    t.server.httpServer.on('upgrade', capture);
    const reader = await protocolClient(t.url, officeToken);
    t.server.httpServer.off('upgrade', capture);
    const serverSocket = serverSockets[0]!;

    const subscription = `subscription { events(scope: { type: ORGANIZATION }) {
      cursor subject { ... on Meeting { title agenda { id description } } } } }`;
    // graphql-ws sends one subscription's events one at a time, waiting for each to be written out: what
    // piles up for a client that does not read is one event per subscription it holds, so it holds many.
    const subscriptions = 6;
    const ids = Array.from({ length: subscriptions }, () => reader.subscribe(subscription));
    const versions = new Map([bigMeeting, smallMeeting].map((m) => [m.id, m.version]));
    const rename = async (meeting: Meeting) => {
      const version = versions.get(meeting.id)!;
      const answer = await t.gql<{ updateMeeting: { meeting: { version: number } } }>(
        'mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { version } } }',
        { input: { id: meeting.id, expectedVersion: version, title: `${meeting.title} (${version})` } },
        officeToken,
      );
      expect(answer.errors).toBeUndefined();
      versions.set(meeting.id, answer.data!.updateMeeting.meeting.version);
    };
    // The small meeting is renamed until every subscription has an event: then they are all live. (A burst of
    // big events would itself pass the limit before a reading client could take it in.)
    await vi.waitFor(
      async () => {
        await rename(smallMeeting);
        const live = new Set(reader.messages.filter((m) => m.type === 'next').map((m) => m.id));
        expect(ids.every((id) => live.has(id))).toBe(true);
      },
      { timeout: 30_000, interval: 200 },
    );

    // The client stops reading; the kernel's buffers fill, then the server's.
    reader.socket.pause();
    let heldMax = 0;
    const sampler = setInterval(() => (heldMax = Math.max(heldMax, serverSocket.writableLength)), 5);
    for (let i = 0; i < 10 && heldMax <= requestLimits.maxSendBufferBytes; i += 1) {
      await rename(bigMeeting);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(heldMax).toBeGreaterThan(requestLimits.maxSendBufferBytes);
    // The next events find the buffer full: the socket is closed, and nothing more is queued for it.
    await rename(bigMeeting);
    await rename(bigMeeting);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const heldAtClose = serverSocket.writableLength;
    await rename(bigMeeting);
    await new Promise((resolve) => setTimeout(resolve, 300));
    clearInterval(sampler);
    expect(serverSocket.writableLength).toBeLessThanOrEqual(heldAtClose);

    // Read again: everything queued arrives, then the close frame with the code.
    reader.socket.resume();
    expect(await reader.closed).toEqual({
      code: FlowCloseCode.SlowConsumer,
      reason: 'Send buffer full: the client does not read',
    });
    // One message may land past the limit, never more (plus the close frame).
    const eventBytes = Math.max(...reader.sizes);
    expect(eventBytes).toBeGreaterThan(1_000_000);
    expect(heldMax).toBeLessThanOrEqual(requestLimits.maxSendBufferBytes + eventBytes + 1_024);
    await vi.waitFor(() => expect(serverSocket.destroyed).toBe(true));
  }, 120_000);
});
