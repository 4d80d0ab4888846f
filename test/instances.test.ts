// Two server processes of one deployment on one PostgreSQL, as behind a load balancer: a subscriber on one
// receives what is committed through the other, and when its process is killed outright it resumes on the
// other from its cursor and loses nothing.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchDatabase, createBenchDatabase } from './bench/support.js';
import { graphql } from './support/api.js';
import { launch, type Started, waitForUrl } from './support/process.js';
import { repoRoot } from './support/server.js';

const usingPostgres = Boolean(process.env.DATABASE_URL);

const feedQuery = `subscription($after: String) {
  events(scope: { type: ORGANIZATION }, after: $after) { cursor subject { ... on Meeting { id title } } }
}`;

type Received = { events: { cursor: string; subject: { id: string; title: string } | null } };

describe.skipIf(!usingPostgres)('two server processes on one PostgreSQL', () => {
  let database: BenchDatabase | undefined;
  const instances: Started[] = [];
  const urls: string[] = [];
  let token = '';
  let meetingId = '';
  let version = 0;

  const start = async () => {
    const started = launch(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      { DATABASE_URL: database!.url, PORT: '0', REDIS_URL: '' },
      path.join(repoRoot, 'server'),
    );
    instances.push(started);
    urls.push(await waitForUrl(started));
  };

  const rename = async (via: string, title: string) => {
    const result = await graphql<{ updateMeeting: { meeting: { version: number } } }>(
      via,
      `
        mutation ($input: UpdateMeetingInput!) {
          updateMeeting(input: $input) {
            meeting {
              version
            }
          }
        }
      `,
      token,
      { input: { id: meetingId, expectedVersion: version, title } },
    );
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    version = result.data.updateMeeting.meeting.version;
  };

  beforeAll(async () => {
    database = await createBenchDatabase('quorum_instances');
    await start(); // migrates and seeds the demo data
    await start();
    const login = await graphql<{ login: { token: string } }>(
      urls[0]!,
      `
        mutation ($input: LoginInput!) {
          login(input: $input) {
            token
          }
        }
      `,
      undefined,
      { input: { email: 'office@quorum.test', password: 'quorum-demo' } },
    );
    token = login.data!.login.token;
    const meetings = await graphql<{ meetings: { edges: { node: { id: string; version: number } }[] } }>(
      urls[0]!,
      `
        {
          meetings(first: 1, filter: { status: [DRAFT, SCHEDULED] }) {
            edges {
              node {
                id
                version
              }
            }
          }
        }
      `,
      token,
    );
    ({ id: meetingId, version } = meetings.data!.meetings.edges[0]!.node);
  }, 240_000);

  afterAll(async () => {
    for (const instance of instances) {
      if (instance.child.exitCode === null && instance.child.signalCode === null)
        process.kill(-instance.child.pid!, 'SIGTERM');
      await instance.exited;
    }
    await database?.drop();
  });

  /** A subscriber on `url` from `after`; what it receives is appended to `received`. */
  function follow(url: string, after: string | undefined, received: Received['events'][]) {
    const client = createClient({
      url: `${url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    let closed!: () => void;
    const ended = new Promise<void>((resolve) => (closed = resolve));
    client.on('closed', () => closed());
    client.subscribe<Received>(
      { query: feedQuery, variables: after ? { after } : {} },
      {
        next: (value) => {
          if (value.data) received.push(value.data.events);
        },
        error: () => closed(),
        complete: () => closed(),
      },
    );
    return { client, ended };
  }

  it('delivers a change made through one process to a subscriber of the other', async () => {
    const received: Received['events'][] = [];
    const { client } = follow(urls[1]!, undefined, received);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await rename(urls[0]!, 'Đổi tên qua tiến trình thứ nhất');
    await expect
      .poll(() => received.map((event) => event.subject?.title), { timeout: 5_000 })
      .toContain('Đổi tên qua tiến trình thứ nhất');
    await client.dispose();
  });

  it('resumes on the other process after one is killed with SIGKILL, and loses nothing', async () => {
    const received: Received['events'][] = [];
    const first = follow(urls[0]!, undefined, received);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const titles: string[] = [];
    for (let i = 0; i < 20; i++) {
      titles.push(`Trước khi dừng ${i}`);
      await rename(urls[1]!, titles.at(-1)!);
    }
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(20);
    // The process the subscriber is on dies at once, mid-stream; changes go on through the other.
    process.kill(-instances[0]!.child.pid!, 'SIGKILL');
    await first.ended;
    const writes = (async () => {
      for (let i = 0; i < 20; i++) {
        titles.push(`Sau khi dừng ${i}`);
        await rename(urls[1]!, titles.at(-1)!);
      }
    })();
    const cursor = received.at(-1)!.cursor;
    const second = follow(urls[1]!, cursor, received);
    await writes;
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(40);
    // Exactly the feed's events, in order: the same cursors the polled feed lists. (Subjects are sent as
    // they are at delivery, so a title may already be a later one: the cursors are what identify events.)
    const before = (BigInt(received[0]!.cursor) - 1n).toString();
    const polled = await graphql<{ events: { events: { cursor: string }[] } }>(
      urls[1]!,
      `
        query ($after: String) {
          events(scope: { type: ORGANIZATION }, after: $after, first: 100) {
            events {
              cursor
            }
          }
        }
      `,
      token,
      { after: before },
    );
    expect(received.map((event) => event.cursor)).toEqual(polled.data!.events.events.map((e) => e.cursor));
    expect(received.at(-1)!.subject?.title).toBe(titles.at(-1));
    await second.client.dispose();
  });
});
