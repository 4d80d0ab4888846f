// The SDK (@quorum/sdk, issue 15 item 2) against a real server: a typed query and a mutation through its
// generated documents, a refusal as a QuorumError with its code, a change feed that survives a server restart
// with nothing lost and nothing twice, and one of its runnable examples run as a user would.
import { execFile } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApiTokenScope } from '@quorum/shared';
import {
  type ChangeEventFieldsFragment,
  CreateTaskDocument,
  MeetingsDocument,
  QuorumClient,
  QuorumError,
  ViewerDocument,
} from '@quorum/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningServer, startServer } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/config/orm.js';
import { until } from './support/collab.js';
import { createTestDatabase } from './support/database.js';
import { buildApiToken } from './support/factories.js';
import { buildMeetingIn, buildMeetingTenant } from './support/meeting-factories.js';
import { machineSpeed } from './support/server.js';

const sdkDir = path.resolve(import.meta.dirname, '../../packages/sdk');

describe('@quorum/sdk against a real server', () => {
  let db: Database;
  let server: RunningServer;
  let port = 0;
  let token: string;
  let committeeId: string;
  let departmentId: string;

  const start = async () => {
    server = await startServer(
      loadConfig({ ...process.env, PORT: String(port), NODE_ENV: 'test', ...machineSpeed }),
      db,
    );
    port = server.port;
  };
  const client = (options: Partial<ConstructorParameters<typeof QuorumClient>[0]> = {}) =>
    new QuorumClient({
      url: `http://localhost:${port}/graphql`,
      token,
      webSocketImpl: WebSocket,
      retryDelayMs: 20,
      maxRetryDelayMs: 200,
      ...options,
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    const em = db.orm.em.fork();
    const tenant = await buildMeetingTenant(em);
    committeeId = tenant.committee.id;
    departmentId = tenant.department.id;
    await buildMeetingIn(em, tenant.organization, tenant.committee, {
      title: 'Hội nghị Ban Thường vụ tháng 12',
    });
    await em.flush();
    token = (await buildApiToken(em, tenant.office.user, [ApiTokenScope.READ, ApiTokenScope.WRITE])).token;
    await start();
  });

  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it('answers typed queries and mutations, and refusals with their code', async () => {
    const quorum = client();
    const { viewer } = await quorum.request(ViewerDocument);
    expect(viewer?.id).toBeTruthy();
    const { meetings } = await quorum.request(MeetingsDocument, { first: 10 });
    expect(meetings.totalCount).toBe(1);
    expect(meetings.edges[0]!.node.title).toBe('Hội nghị Ban Thường vụ tháng 12');
    expect(meetings.edges[0]!.node.committee.id).toBe(committeeId);

    const { createTask } = await quorum.request(CreateTaskDocument, {
      input: {
        title: 'Báo cáo tiến độ chuyển đổi số',
        assigneeUnitId: departmentId,
        dueAt: '2026-12-31T00:00:00Z',
      },
    });
    expect(createTask.task).toMatchObject({ title: 'Báo cáo tiến độ chuyển đổi số', status: 'TODO' });

    const refused = await quorum
      .request(CreateTaskDocument, {
        input: { title: '', assigneeUnitId: departmentId, dueAt: '2026-12-31T00:00:00Z' },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(QuorumError);
    expect((refused as QuorumError).code).toBe('BAD_USER_INPUT');
  });

  it('follows the feed through a server restart: every event once, in order', async () => {
    // It reconnects only after the two meetings below are made: they are replayed from its cursor.
    const quorum = client({ retryDelayMs: 400, maxRetryDelayMs: 800 });
    const received: ChangeEventFieldsFragment[] = [];
    const reconnects: number[] = [];
    const errors: QuorumError[] = [];
    const feed = quorum.follow({
      scope: { type: 'ORGANIZATION' },
      onEvent: (event) => void received.push(event),
      onReconnect: (attempt) => void reconnects.push(attempt),
      onError: (error) => void errors.push(error),
    });
    try {
      // A connection of its own each time: one kept alive from before the restart would be closed under it.
      const made = (title: string) =>
        new Promise<void>((resolve, reject) => {
          const body = JSON.stringify({
            query:
              'mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }',
            variables: { input: { committeeId, title, kind: 'BRIEFING', startsAt: '2026-12-20T01:00:00Z' } },
          });
          const request = http.request(
            `http://localhost:${port}/graphql`,
            {
              method: 'POST',
              agent: false,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            },
            (response) => {
              response.resume();
              response.on('end', () =>
                response.statusCode === 200 ? resolve() : reject(new Error(`HTTP ${response.statusCode}`)),
              );
            },
          );
          request.on('error', reject);
          request.end(body);
        });
      // Without `after` the feed starts when its subscription is in place: until an event arrives, make some.
      for (let i = 0; i < 50 && received.length === 0 && errors.length === 0; i++) {
        await made('Khởi đầu');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(errors).toEqual([]);
      const firstKept = received.length;
      await made('Trước khi khởi động lại');
      await until(
        () =>
          received.some(
            (e) => e.subject && 'title' in e.subject && e.subject.title === 'Trước khi khởi động lại',
          ),
        'the first meeting',
      );
      await server.stop();
      await start();
      // Made right after the restart: the feed may not have reconnected yet; it must replay them.
      await made('Sau khi khởi động lại 1');
      await made('Sau khi khởi động lại 2');
      await until(
        () => received.slice(firstKept).filter((e) => e.type === 'meeting.created').length >= 3,
        'the meetings after the restart',
        10_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const titles = received
        .slice(firstKept)
        .filter((e) => e.type === 'meeting.created')
        .map((e) => (e.subject && 'title' in e.subject ? e.subject.title : null));
      expect(titles).toEqual([
        'Trước khi khởi động lại',
        'Sau khi khởi động lại 1',
        'Sau khi khởi động lại 2',
      ]);
      const cursors = received.map((e) => BigInt(e.cursor));
      expect(new Set(cursors).size).toBe(cursors.length);
      expect([...cursors].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(cursors);
      expect(reconnects.length).toBeGreaterThan(0);
      expect(feed.cursor).toBe(received.at(-1)!.cursor);
    } finally {
      await feed.stop();
    }
  });

  it('runs its example that lists meetings', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'examples/list-meetings.ts'],
      {
        cwd: sdkDir,
        env: { ...process.env, QUORUM_URL: `http://localhost:${port}/graphql`, QUORUM_TOKEN: token },
      },
    );
    expect(stdout).toContain('Hội nghị Ban Thường vụ tháng 12');
  });
});
