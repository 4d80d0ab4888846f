// The change feed as one engine per instance: an event costs the same statements however many subscribe,
// a subscriber that comes and goes with its cursor receives every event exactly once and in order, and
// instances on one PostgreSQL (woken by NOTIFY, or by Redis) deliver each other's changes.
import { MembershipRole } from '@quorum/shared';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Event, type Meeting, type Organization, type Unit } from '../src/entities/index.js';
import { usingPostgres } from './support/database.js';
import { type Instance, redisReachable, redisUrl, startInstance, wakeVias } from './support/instances.js';
import { buildUser } from './support/factories.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { noFeedPoll, startTestServer, type TestServer } from './support/server.js';

// The room's kind of selection: fields that read the database for each execution (quorum, participants).
const feedQuery = `subscription($after: String) {
  events(scope: { type: ORGANIZATION }, after: $after) {
    cursor type
    subject { __typename ... on Meeting { id title quorum { present } participants(first: 5) { totalCount } } }
  }
}`;

type Received = { events: { cursor: string; type: string; subject: { id: string; title: string } | null } };

/** Subscriptions on one socket: the server allows 50 operations per socket, so many share a few sockets. */
const perSocket = 40;

describe('the change feed engine', () => {
  let t: TestServer;
  let organization: Organization;
  let committee: Unit;
  let meeting: Meeting;
  let officeToken: string;
  const tokens: string[] = [];

  beforeAll(async () => {
    t = await startTestServer(async (db) => {
      const em = db.orm.em.fork();
      const tenant = await buildMeetingTenant(em);
      ({ organization, committee } = tenant);
      officeToken = tenant.office.token;
      tokens.push(tenant.office.token, tenant.member.token);
      for (let i = 0; i < 3; i++)
        tokens.push(
          (await buildUser(em, organization, { unit: committee, role: MembershipRole.MEMBER })).token,
        );
      meeting = await buildMeetingIn(em, organization, committee);
      // The safety poll would read the event table in the middle of a count: only wake-ups here.
    }, noFeedPoll);
  });
  afterAll(() => t.close());

  let version = 1;
  const rename = async (title: string, server: { url: string } = t) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${officeToken}` },
      body: JSON.stringify({
        query: `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { version } } }`,
        variables: { input: { id: meeting.id, expectedVersion: version, title } },
      }),
    });
    const body = (await response.json()) as { data?: { updateMeeting: { meeting: { version: number } } } };
    if (!body.data) throw new Error(JSON.stringify(body));
    version = body.data.updateMeeting.meeting.version;
  };

  /** `count` subscriptions spread over the users, each remembering the titles it has seen. */
  function subscribeMany(count: number) {
    const clients: Client[] = [];
    const seen: Set<string>[] = [];
    for (let i = 0; i < count; i++) {
      if (i % perSocket === 0) clients.push(t.ws(tokens[(i / perSocket) % tokens.length]));
      const titles = new Set<string>();
      seen.push(titles);
      const client = clients.at(-1)!;
      // Opening hundreds at once passes the rate for starting operations: retried as a client does.
      const open = () =>
        client.subscribe<Received>(
          { query: feedQuery, variables: {} },
          {
            next: (value) => {
              const title = value.data?.events.subject?.title;
              if (title) titles.add(title);
            },
            error: () => setTimeout(open, 1_000),
            complete: () => {},
          },
        );
      open();
    }
    /** Resolves once every subscription has seen `title`. */
    const allSaw = (title: string, timeout = 20_000) =>
      expect.poll(() => seen.every((titles) => titles.has(title)), { timeout, interval: 20 }).toBe(true);
    return { clients, allSaw };
  }

  async function statementsFor(subscribers: number): Promise<number> {
    const title = `Đổi tên cho ${subscribers} người theo dõi`;
    const many = subscribeMany(subscribers);
    // Warm-up: until an event reaches every subscription, all are registered, their viewers cached.
    for (let round = 0; ; round++) {
      const warm = `${title}: chuẩn bị ${round}`;
      await rename(warm);
      try {
        await many.allSaw(warm, 5_000);
        break;
      } catch (error) {
        if (round === 5) throw error;
      }
    }
    const statements: string[] = [];
    const knex = (t.db.orm.em as SqlEntityManager).getConnection().getKnex();
    const listen = (query: { sql: string }) => statements.push(query.sql);
    knex.on('query', listen);
    await rename(title);
    await many.allSaw(title);
    knex.off('query', listen);
    for (const client of many.clients) await client.dispose();
    return statements.length;
  }

  it('issues the same statements per committed event for 10 and for 400 subscribers', async () => {
    const few = await statementsFor(10);
    const many = await statementsFor(400);
    console.log(
      `change feed (${t.db.kind}): ${few} SQL statements per event at 10 subscribers, ${many} at 400`,
    );
    expect(many).toBe(few);
  }, 60_000);

  it('delivers every event exactly once and in order to a subscriber that keeps dropping and resuming', async () => {
    const first =
      (await t.db.orm.em.fork().find(Event, {}, { orderBy: { seq: 'desc' }, limit: 1 }))[0]?.seq ?? '0';
    const total = 300;
    const received: string[] = [];
    let cursor = first;
    let stopped = false;
    let deadline = Infinity;
    // The subscriber: connects with its cursor, reads for a random while, drops the socket, and again;
    // once the changes are made, until it has them all or a minute has passed.
    const subscriber = (async () => {
      while ((!stopped || received.length < total) && Date.now() < deadline) {
        const client = t.ws(officeToken);
        // Once dropped, what the old socket still had in hand is not this subscriber's any more.
        let current = true;
        await new Promise<void>((resolve) => {
          // Dropped a random while after its first event (however slowly the machine connects), or after
          // 2 s without one (nothing new to read).
          let timer = setTimeout(resolve, 2_000);
          let reading = false;
          client.subscribe<Received>(
            { query: feedQuery, variables: { after: cursor } },
            {
              next: (value) => {
                const event = value.data?.events;
                if (!event || !current) return;
                received.push(event.cursor);
                cursor = event.cursor;
                if (!reading) {
                  reading = true;
                  clearTimeout(timer);
                  timer = setTimeout(resolve, Math.random() * 150);
                }
                if (received.length >= total && stopped) {
                  clearTimeout(timer);
                  resolve();
                }
              },
              // Refused (the operation rate): wait a little before the next try, as a client does.
              error: () => setTimeout(resolve, 200),
              complete: () => resolve(),
            },
          );
        });
        current = false;
        await client.dispose();
        if (stopped && received.length >= total) return;
      }
    })();
    for (let i = 0; i < total; i++) await rename(`Lần ${i}`);
    stopped = true;
    deadline = Date.now() + 60_000;
    await subscriber;
    const stored = await t.db.orm.em
      .fork()
      .find(Event, { seq: { $gt: first }, auditOnly: false, organization }, { orderBy: { seq: 'asc' } });
    const expected = stored.map((event) => event.seq);
    expect(expected).toHaveLength(total);
    const seen = new Set<string>();
    const duplicates = received.filter((seq) => seen.size === seen.add(seq).size);
    const missing = expected.filter((seq) => !seen.has(seq));
    const outOfOrder = received.filter((seq, i) => i > 0 && BigInt(seq) <= BigInt(received[i - 1]!));
    expect({ missing: missing.length, duplicates: duplicates.length, outOfOrder: outOfOrder.length }).toEqual(
      {
        missing: 0,
        duplicates: 0,
        outOfOrder: 0,
      },
    );
  }, 120_000);

  describe.skipIf(!usingPostgres)('two instances on one PostgreSQL', () => {
    for (const via of wakeVias) {
      it(`delivers a change made through one instance to a subscriber of the other (woken by ${via})`, async (test) => {
        if (via === 'Redis' && !(await redisReachable())) test.skip(`no Redis at ${redisUrl}`);
        const instances: Instance[] = [];
        try {
          for (let i = 0; i < 2; i++) instances.push(await startInstance(t.db, via));
          const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
          const title = `Đổi tên qua máy chủ thứ hai (${via})`;
          const client = createClient({
            url: `${b.server.url.replace('http', 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { authorization: `Bearer ${officeToken}` },
            retryAttempts: 0,
          });
          const arrived = new Promise<number>((resolve) => {
            client.subscribe<Received>(
              { query: feedQuery, variables: {} },
              {
                next: (value) => {
                  if (value.data?.events.subject?.title === title) resolve(Date.now());
                },
                error: () => {},
                complete: () => {},
              },
            );
          });
          await new Promise((resolve) => setTimeout(resolve, 300));
          const sent = Date.now();
          await rename(title, a.server);
          const took = (await arrived) - sent;
          console.log(
            `a change through one instance reached the other's subscriber after ${took} ms (${via})`,
          );
          // Sooner than the poll would have found it: the wake-up crossed between the instances.
          expect(took).toBeLessThan(a.config.feedPollMs);
          await client.dispose();
        } finally {
          for (const instance of instances) await instance.close();
        }
      });
    }
  });
});
