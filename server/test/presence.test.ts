// Presence: who is in a meeting now, announced by heartbeats, gone on leave, on the socket's close or after
// the TTL, and the same list on every instance of one PostgreSQL (NOTIFY or Redis). Never stored.
import { Classification, MembershipRole } from '@quorum/shared';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { Event, type AgendaItem, type Meeting } from '../src/entities/index.js';
import { createTestDatabase, usingPostgres } from './support/database.js';
import { type Instance, redisReachable, redisUrl, startInstance, wakeVias } from './support/instances.js';
import { buildOrganization, buildUser } from './support/factories.js';
import { buildAgendaItems, buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { machineSpeed } from './support/server.js';

/** Short enough for a test to wait out; the heartbeat it stands for is 15 s against 40 s. */
const ttlMs = 800;

type PresenceList = { user: { id: string; fullName: string }; editing: string | null; since: string }[];

const presenceSubscription = `subscription($scope: PresenceScopeInput!) {
  presence(scope: $scope) { user { id fullName } editing since }
}`;
const announce = `mutation($input: AnnouncePresenceInput!) {
  announcePresence(input: $input) { presence { user { id } editing } }
}`;
const leave = `mutation($input: LeavePresenceInput!) { leavePresence(input: $input) { presence { user { id } } } }`;

function wsClient(server: RunningServer, token: string): Client {
  return createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    // Kept open between operations, as the room's socket is: its close is what removes an announcement.
    lazy: false,
    // An instance that stops closes its sockets (1001): expected when a test ends.
    onNonLazyError: () => {},
  });
}

/** One operation over the socket (a mutation, as the room's client sends its heartbeats). */
function runOver(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] }> {
  return new Promise((resolve, reject) => {
    let result: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] } = {};
    client.subscribe(
      { query, variables },
      {
        next: (value) => (result = value as typeof result),
        error: (error: unknown) =>
          Array.isArray(error) ? resolve({ errors: error as typeof result.errors }) : reject(error),
        complete: () => resolve(result),
      },
    );
  });
}

async function overHttp(
  server: RunningServer,
  token: string,
  query: string,
  variables: Record<string, unknown>,
) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { extensions?: { code?: string } }[];
  };
}

/** Follows a scope's presence; `ids()` is who the latest list names. */
function watch(client: Client, scope: { type: string; id: string }) {
  const lists: PresenceList[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<{ presence: PresenceList }>(
    { query: presenceSubscription, variables: { scope } },
    {
      next: (value) => {
        if (value.errors) errors.push(...value.errors);
        if (value.data) lists.push(value.data.presence);
      },
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  const latest = () => lists.at(-1);
  return {
    lists,
    errors,
    latest,
    ids: () => latest()?.map((entry) => entry.user.id),
    until: (check: () => boolean, timeout = 5_000) =>
      expect.poll(check, { timeout, interval: 20 }).toBe(true),
    stop,
  };
}

describe('presence', () => {
  let db: Database;
  let server: RunningServer;
  let meeting: Meeting;
  let secret: Meeting;
  let item: AgendaItem;
  let office: { id: string; token: string };
  let member: { id: string; token: string };
  let stranger: { token: string };
  const clients: Client[] = [];
  const connect = (token: string, on: RunningServer = server) => {
    const client = wsClient(on, token);
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    office = { id: tenant.office.user.id, token: tenant.office.token };
    member = { id: tenant.member.user.id, token: tenant.member.token };
    meeting = await buildMeetingIn(em, tenant.organization, tenant.committee);
    [item] = (await buildAgendaItems(em, meeting, [{ title: 'Báo cáo tình hình' }])) as [AgendaItem];
    secret = await buildMeetingIn(em, tenant.organization, tenant.committee, {
      classification: Classification.CONFIDENTIAL,
    });
    secret.accessList.add(tenant.office.user);
    await em.flush();
    const other = await buildOrganization(em, 'Another organization');
    stranger = await buildUser(em, other.organization, { unit: other.office, role: MembershipRole.STAFF });
    const config = loadConfig({ ...process.env, PORT: '0', NODE_ENV: 'test', ...machineSpeed });
    server = await startServer(config, db, { presenceTtlMs: ttlMs });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await server?.stop();
    await db?.close();
  });

  const scope = () => ({ type: 'MEETING', id: meeting.id });

  it('shows who announced, what they edit, and forgets them when they leave or their socket closes', async () => {
    const events = await db.orm.em.fork().count(Event, {});
    const watcher = watch(connect(office.token), scope());
    await watcher.until(() => watcher.ids()?.length === 0);

    const memberSocket = connect(member.token);
    await runOver(memberSocket, announce, { input: { scope: scope(), editingId: null } });
    await watcher.until(() => watcher.ids()?.join() === member.id);
    expect(watcher.latest()![0]!.user.fullName).toMatch(/^Người dùng /);

    await runOver(memberSocket, announce, { input: { scope: scope(), editingId: item.id } });
    await watcher.until(() => watcher.latest()?.[0]?.editing === item.id);
    const now = await overHttp(
      server,
      office.token,
      `query($scope: PresenceScopeInput!) {
      presence(scope: $scope) { user { id } editing }
    }`,
      { scope: scope() },
    );
    expect(now.data).toEqual({ presence: [{ user: { id: member.id }, editing: item.id }] });

    // A heartbeat that changes nothing sends nothing.
    const sent = watcher.lists.length;
    await runOver(memberSocket, announce, { input: { scope: scope(), editingId: item.id } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(watcher.lists).toHaveLength(sent);

    await runOver(memberSocket, leave, { input: { scope: scope() } });
    await watcher.until(() => watcher.ids()?.length === 0);

    await runOver(memberSocket, announce, { input: { scope: scope(), editingId: null } });
    await watcher.until(() => watcher.ids()?.join() === member.id);
    const closedAt = Date.now();
    await memberSocket.dispose();
    await watcher.until(() => watcher.ids()?.length === 0);
    // The close, not the TTL.
    expect(Date.now() - closedAt).toBeLessThan(ttlMs);

    // Nothing of it in the event table or the audit trail.
    expect(await db.orm.em.fork().count(Event, {})).toBe(events);
    expect(watcher.errors).toEqual([]);
    watcher.stop();
  });

  it('forgets an announcement without a heartbeat after the TTL', async () => {
    const watcher = watch(connect(office.token), scope());
    const body = await overHttp(server, member.token, announce, {
      input: { scope: scope(), editingId: null },
    });
    expect(body.errors).toBeUndefined();
    await watcher.until(() => watcher.ids()?.join() === member.id);
    const seenAt = Date.now();
    await watcher.until(() => watcher.ids()?.length === 0);
    expect(Date.now() - seenAt).toBeGreaterThan(ttlMs / 2);
    watcher.stop();
  });

  it('refuses viewers who may not read the scope, and edits of items outside it', async () => {
    const secretScope = { type: 'MEETING', id: secret.id };
    for (const token of [member.token, stranger.token]) {
      const refused = watch(connect(token), secretScope);
      await refused.until(() => refused.errors.length > 0);
      expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');
      expect(refused.lists).toEqual([]);
      const announced = await overHttp(server, token, announce, {
        input: { scope: secretScope, editingId: null },
      });
      expect(announced.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const listed = await overHttp(
        server,
        token,
        `query($scope: PresenceScopeInput!) {
        presence(scope: $scope) { user { id } }
      }`,
        { scope: secretScope },
      );
      expect(listed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // The one on the access list is let in.
    const allowed = await overHttp(server, office.token, announce, {
      input: { scope: secretScope, editingId: null },
    });
    expect(allowed.errors).toBeUndefined();
    const elsewhere = await overHttp(server, office.token, announce, {
      input: { scope: secretScope, editingId: item.id },
    });
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe.skipIf(!usingPostgres)('two instances on one PostgreSQL', () => {
    for (const via of wakeVias) {
      it(`shares announcements, leaves and expiries between the instances (${via})`, async (test) => {
        if (via === 'Redis' && !(await redisReachable())) test.skip(`no Redis at ${redisUrl}`);
        const instances: Instance[] = [];
        try {
          for (let i = 0; i < 2; i++) instances.push(await startInstance(db, via, { presenceTtlMs: ttlMs }));
          const [a, b] = instances.map((instance) => instance.server) as [RunningServer, RunningServer];
          const watcher = watch(connect(office.token, b), scope());
          await watcher.until(() => watcher.ids()?.length === 0);

          // Over a socket of the other instance: there when announced, gone when the socket closes.
          const memberSocket = connect(member.token, a);
          await runOver(memberSocket, announce, { input: { scope: scope(), editingId: item.id } });
          await watcher.until(() => watcher.latest()?.[0]?.editing === item.id, 2_000);
          await runOver(memberSocket, leave, { input: { scope: scope() } });
          await watcher.until(() => watcher.ids()?.length === 0, 2_000);
          await runOver(memberSocket, announce, { input: { scope: scope(), editingId: null } });
          await watcher.until(() => watcher.ids()?.join() === member.id, 2_000);
          await memberSocket.dispose();
          await watcher.until(() => watcher.ids()?.length === 0, ttlMs / 2);

          // Over HTTP on the other instance: gone after the TTL.
          await overHttp(a, member.token, announce, { input: { scope: scope(), editingId: null } });
          await watcher.until(() => watcher.ids()?.join() === member.id, 2_000);
          await watcher.until(() => watcher.ids()?.length === 0, ttlMs * 3);

          // Someone announced elsewhere before an instance starts: the newcomer asks, and lists them at once
          // (not after the next heartbeat). With the real TTL, so that the entry outlives the start.
          const start = async (presenceTtlMs?: number) => {
            const instance = await startInstance(db, via, presenceTtlMs ? { presenceTtlMs } : {});
            instances.push(instance);
            return instance.server;
          };
          const early = await start();
          await runOver(connect(office.token, early), announce, {
            input: { scope: scope(), editingId: null },
          });
          const late = await start();
          await expect
            .poll(
              async () =>
                (
                  await overHttp(
                    late,
                    member.token,
                    `query($scope: PresenceScopeInput!) {
              presence(scope: $scope) { user { id } }
            }`,
                    { scope: scope() },
                  )
                ).data,
              { timeout: 2_000, interval: 50 },
            )
            .toEqual({ presence: [{ user: { id: office.id } }] });
          expect(watcher.errors).toEqual([]);
          watcher.stop();
        } finally {
          for (const instance of instances) await instance.close();
        }
      });
    }
  });
});
