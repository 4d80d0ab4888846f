// Webhooks (issue 15 item 3) against a real receiving HTTP server started here: signed deliveries that verify
// (Standard Webhooks, checked with its own library), retries in order with exactly one success per event, an
// endpoint disabled after the retry window with its owner notified, loopback and private endpoints refused
// unless allowed, redirects not followed, and nothing sent that the registering token may not see.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiTokenScope, Classification, NotificationKind } from '@quorum/shared';
import { Webhook as Verifier } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiToken, Notification, Webhook, WebhookDelivery } from '../src/entities/index.js';
import { until } from './support/collab.js';
import { buildApiToken } from './support/factories.js';
import { buildMeetingTenant } from './support/meeting-factories.js';
import { startTestServer, type TestServer } from './support/server.js';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A receiver: every request logged with the status it was answered; `answer` decides it by path and count. */
async function startReceiver(answer: (path: string, nth: number) => number) {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '/';
      const nth = (counts.get(path) ?? 0) + 1;
      counts.set(path, nth);
      const status = answer(path, nth);
      received.push({ path, headers: request.headers, body, status });
      response.writeHead(status, status === 302 ? { location: '/elsewhere' } : {});
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { received, url: (path: string) => `http://127.0.0.1:${port}${path}`, close: () => server.close() };
}

const createWebhook = `mutation($input: CreateWebhookInput!) {
  createWebhook(input: $input) { secret webhook { id url eventTypes scopeType disabledAt } }
}`;
const createMeeting = `mutation($input: CreateMeetingInput!) { createMeeting(input: $input) { meeting { id } } }`;

let toggleUp = false;

describe('webhooks', () => {
  let t: TestServer;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let officeToken: string;
  let memberToken: string;
  let officeSession: string;
  let committeeId: string;
  let ownerId: string;

  beforeAll(async () => {
    receiver = await startReceiver((path, nth) => {
      if (path.startsWith('/flaky')) return nth <= 3 ? 500 : 200;
      if (path.startsWith('/down')) return 503;
      if (path.startsWith('/redirect')) return 302;
      if (path.startsWith('/toggle')) return toggleUp ? 200 : 503;
      return 204;
    });
    t = await startTestServer(
      async (db) => {
        const em = db.orm.em.fork();
        const tenant = await buildMeetingTenant(em);
        committeeId = tenant.committee.id;
        ownerId = tenant.office.user.id;
        officeSession = tenant.office.token;
        officeToken = (await buildApiToken(em, tenant.office.user, [ApiTokenScope.READ, ApiTokenScope.WRITE]))
          .token;
        memberToken = (await buildApiToken(em, tenant.member.user, [ApiTokenScope.READ, ApiTokenScope.WRITE]))
          .token;
      },
      { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_FIRST_RETRY_MS: '40', WEBHOOK_RETRY_WINDOW_MS: '1500' },
    );
  });

  afterAll(async () => {
    await t?.close();
    receiver?.close();
  });

  const register = async (token: string, path: string, eventTypes: string[] = ['meeting.created']) => {
    const result = await t.gql<{ createWebhook: { secret: string; webhook: { id: string } } }>(
      createWebhook,
      { input: { url: receiver.url(path), eventTypes, scope: { type: 'ORGANIZATION' } } },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createWebhook;
  };

  const meeting = async (title: string, classification = Classification.INTERNAL) => {
    const result = await t.gql<{ createMeeting: { meeting: { id: string } } }>(
      createMeeting,
      { input: { committeeId, title, kind: 'BRIEFING', startsAt: '2026-12-20T01:00:00Z', classification } },
      officeSession,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.createMeeting.meeting.id;
  };

  const at = (path: string) => receiver.received.filter((r) => r.path === path);
  const bodyOf = (r: Received) =>
    JSON.parse(r.body) as { type: string; data: { cursor: string; subject: { id: string } } };

  it('signs each delivery so that it verifies, and sends only the types asked for', async () => {
    const { secret } = await register(officeToken, '/signed');
    const id = await meeting('Họp giao ban tháng 12');
    await until(() => at('/signed').length === 1, 'the delivery');
    const [delivery] = at('/signed');
    const verified = new Verifier(secret).verify(delivery!.body, delivery!.headers as Record<string, string>);
    expect(verified).toMatchObject({ type: 'meeting.created', data: { subject: { type: 'MEETING', id } } });
    // A tampered body does not verify.
    expect(() =>
      new Verifier(secret).verify(
        delivery!.body.replace('meeting.created', 'meeting.removed'),
        delivery!.headers as Record<string, string>,
      ),
    ).toThrow();
    // meeting.updated is not of its types: nothing more arrives.
    await t.gql(
      `mutation($input: UpdateMeetingInput!) { updateMeeting(input: $input) { meeting { id } } }`,
      {
        input: { id, expectedVersion: 1, title: 'Họp giao ban (sửa)' },
      },
      officeSession,
    );
    await meeting('Một cuộc họp nữa');
    await until(() => at('/signed').length === 2, 'the second delivery');
    expect(at('/signed').map((r) => bodyOf(r).type)).toEqual(['meeting.created', 'meeting.created']);
  });

  it('retries a failing receiver; once it answers, each event arrives once, in order', async () => {
    const { webhook } = await register(officeToken, '/flaky');
    const ids = [await meeting('Một'), await meeting('Hai'), await meeting('Ba')];
    await until(() => at('/flaky').filter((r) => r.status === 200).length === 3, 'three successes');
    const delivered = at('/flaky')
      .filter((r) => r.status === 200)
      .map(bodyOf);
    expect(delivered.map((b) => b.data.subject.id)).toEqual(ids);
    const cursors = delivered.map((b) => BigInt(b.data.cursor));
    expect([...cursors].sort((a, b) => (a < b ? -1 : 1))).toEqual(cursors);
    // The first was attempted four times under one webhook-id; nothing else was tried before it succeeded.
    const first = at('/flaky').slice(0, 4);
    expect(first.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(new Set(first.map((r) => r.headers['webhook-id'])).size).toBe(1);

    const log = await t.gql<{
      webhooks: {
        edges: {
          node: {
            id: string;
            owner: { id: string };
            deliveries: {
              edges: {
                node: { status: string; attemptCount: number; attempts: { responseStatus: number }[] };
              }[];
            };
          };
        }[];
      };
    }>(
      `{ webhooks { edges { node { id owner { id } deliveries { edges { node { status attemptCount attempts { responseStatus } } } } } } } }`,
      {},
      officeToken,
    );
    const mine = log
      .data!.webhooks.edges.find((e) => e.node.id === webhook.id)!
      .node.deliveries.edges.map((e) => e.node);
    expect(mine.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED', 'DELIVERED']);
    expect(mine.at(-1)!.attempts.map((a) => a.responseStatus)).toEqual([500, 500, 500, 200]);
  });

  it('disables an endpoint that keeps failing, and notifies its owner; a redirect is not followed', async () => {
    const down = await register(officeToken, '/down');
    await register(officeToken, '/redirect');
    await meeting('Cuộc họp không tới được');
    const em = t.db.orm.em.fork();
    await until(() => at('/down').length > 2, 'a few attempts');
    // The retry window is 1.5 s here.
    let hook: Webhook | null = null;
    for (let i = 0; i < 50 && !hook?.disabledAt; i++) {
      hook = await em.fork().findOne(Webhook, down.webhook.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(hook?.disabledAt).toBeInstanceOf(Date);
    expect(hook?.disabledReason).toMatch(/retry window/);
    expect(at('/elsewhere')).toEqual([]);
    expect(at('/redirect').length).toBeGreaterThan(0);
    expect(at('/redirect').every((r) => r.status === 302)).toBe(true);
    const notified = await em
      .fork()
      .find(Notification, { user: ownerId, kind: NotificationKind.WEBHOOK_DISABLED });
    expect(notified.length).toBeGreaterThanOrEqual(1);
    // No more attempts once disabled.
    const attempts = at('/down').length;
    await meeting('Sau khi tắt');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(at('/down').length).toBe(attempts);
  });

  it('sends a failed delivery again on request, and enables its webhook again; a revoked token disables it', async () => {
    const { webhook } = await register(officeToken, '/toggle');
    await meeting('Gửi lại sau khi sửa máy nhận');
    const em = t.db.orm.em.fork();
    let hook: Webhook | null = null;
    for (let i = 0; i < 50 && !hook?.disabledAt; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      hook = await em.fork().findOne(Webhook, webhook.id);
    }
    expect(hook?.disabledAt).toBeInstanceOf(Date);
    const [failed] = await em.fork().find(WebhookDelivery, { webhook: webhook.id });
    expect(failed?.status).toBe('FAILED');

    toggleUp = true;
    const again = await t.gql<{ redeliverWebhook: { delivery: { status: string } } }>(
      `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { status } } }`,
      { input: { deliveryId: failed!.id } },
      officeToken,
    );
    expect(again.data?.redeliverWebhook.delivery.status).toBe('PENDING');
    await until(() => at('/toggle').some((r) => r.status === 200), 'the delivery sent again');
    await until(() => at('/toggle').filter((r) => r.status === 200).length === 1, 'one success');
    expect((await em.fork().findOneOrFail(Webhook, webhook.id)).disabledAt).toBeNull();
    // Another user's delivery is not found for a token of someone else.
    const foreign = await t.gql(
      `mutation($input: RedeliverWebhookInput!) { redeliverWebhook(input: $input) { delivery { status } } }`,
      { input: { deliveryId: failed!.id } },
      memberToken,
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Its token revoked: the next delivery disables the webhook instead of being sent.
    const tokenId = (await em.fork().findOneOrFail(Webhook, webhook.id)).apiToken.id;
    await em.fork().nativeUpdate(ApiToken, { id: tokenId }, { revokedAt: new Date() });
    const sent = at('/toggle').length;
    await meeting('Sau khi thu hồi khóa');
    for (let i = 0; i < 50 && !hook?.disabledReason?.includes('revoked'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      hook = await em.fork().findOne(Webhook, webhook.id);
    }
    expect(hook?.disabledReason).toMatch(/revoked/);
    expect(at('/toggle').length).toBe(sent);
  });

  it('refuses loopback, private and link-local endpoints unless allowed, and a session', async () => {
    for (const url of [
      'http://localhost:9/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
      'ftp://example.org/x',
    ]) {
      const result = await t.gql(
        createWebhook,
        { input: { url, scope: { type: 'ORGANIZATION' } } },
        officeToken,
      );
      expect(result.errors?.[0]?.extensions?.code, url).toBe('BAD_USER_INPUT');
    }
    const bySession = await t.gql(
      createWebhook,
      { input: { url: receiver.url('/s'), scope: { type: 'ORGANIZATION' } } },
      officeSession,
    );
    expect(bySession.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badType = await t.gql(
      createWebhook,
      { input: { url: receiver.url('/s'), eventTypes: ['nope'], scope: { type: 'ORGANIZATION' } } },
      officeToken,
    );
    expect(badType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const count = await t.db.orm.em.fork().count(Webhook, { url: { $like: '%/s' } });
    expect(count).toBe(0);
  });

  it('sends a token nothing of a meeting it may not read', async () => {
    await register(memberToken, '/member');
    const hidden = await meeting('Họp mật', Classification.CONFIDENTIAL);
    const open = await meeting('Họp thường kỳ');
    await until(() => at('/member').some((r) => bodyOf(r).data.subject.id === open), 'the open meeting');
    expect(at('/member').map((r) => bodyOf(r).data.subject.id)).not.toContain(hidden);
  });
});
