// The owner's view of their webhooks on /account, in a real browser against the real server: the office makes
// an API token with its session and registers, with that token, a webhook to a receiver this file runs (on
// 127.0.0.1, allowed for this file's server), which refuses at first; a meeting is created. On /account the
// office sees the webhook and its delivery not delivered, retried; once the receiver accepts, "Gửi lại" sends
// it and the page shows it delivered; "Xóa webhook", confirmed, removes it from the page and from `webhooks`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoMeeting, graphqlData, signInOverApi } from '../support/api.js';
import {
  browserAvailable,
  openPerson,
  PASSWORD,
  type Person,
  screenshot,
  signIn,
} from '../support/browser.js';
import { PAGE_TIMEOUT, useStage } from '../support/stage.js';

// Read by the server this file starts; put back for the next file in this process. The receiver is on the
// loopback address, refused unless allowed; retries start 50 ms apart so that attempts pile up at once.
const before = {
  WEBHOOK_ALLOWED_HOSTS: process.env.WEBHOOK_ALLOWED_HOSTS,
  WEBHOOK_FIRST_RETRY_MS: process.env.WEBHOOK_FIRST_RETRY_MS,
};
process.env.WEBHOOK_ALLOWED_HOSTS = '127.0.0.1';
process.env.WEBHOOK_FIRST_RETRY_MS = '50';

const OFFICE = 'office@quorum.test';
const MEETING_TITLE = 'Họp thử webhook trên trang tài khoản';

describe.skipIf(!browserAvailable)('webhooks on the account page', () => {
  const stage = useStage();
  let office: Person;
  let receiver: Server;
  let receiverUrl = '';
  /** What the receiver answers; the bodies it accepted (with 2xx). */
  let answer = 503;
  const accepted: { type: string; meetingId?: string }[] = [];
  let session = '';
  let webhookId = '';
  let meetingId = '';

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        if (answer < 300) {
          const event = JSON.parse(body) as { type: string; data: { subject?: { id?: string } } };
          accepted.push({ type: event.type, meetingId: event.data.subject?.id });
        }
        response.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

    session = await signInOverApi(stage.server.url, OFFICE, PASSWORD);
    const { createApiToken } = await graphqlData<{ createApiToken: { token: string } }>(
      stage.server.url,
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      session,
      { input: { name: 'Webhook thử', scopes: ['READ', 'WRITE'] } },
    );
    const { createWebhook } = await graphqlData<{ createWebhook: { webhook: { id: string } } }>(
      stage.server.url,
      `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } } }`,
      createApiToken.token,
      { input: { url: receiverUrl, scope: { type: 'ORGANIZATION' }, eventTypes: ['meeting.created'] } },
    );
    webhookId = createWebhook.webhook.id;
    meetingId = await createDemoMeeting(stage.server.url, session, MEETING_TITLE);
    office = await openPerson(stage.browser, { width: 1280, height: 1000 }, PAGE_TIMEOUT);
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => receiver?.close(resolve));
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('shows the webhook and its failing delivery, sends it again, and deletes the webhook', async () => {
    const { page } = office;
    await signIn(office, stage.server, OFFICE, { path: '/account' });
    const webhook = page.locator(`[data-testid="webhook"][data-webhook-id="${webhookId}"]`);
    await webhook.waitFor();
    await expect(webhook.getByRole('heading', { level: 3 }).textContent()).resolves.toBe(receiverUrl);
    await expect(webhook.getByTestId('webhook-state').textContent()).resolves.toBe('Đang hoạt động');
    expect(await webhook.getByText('meeting.created', { exact: true }).count()).toBeGreaterThan(0);

    // Refused by the receiver, retried: not delivered, with attempts and their answer.
    const delivery: Locator = webhook.getByTestId('webhook-delivery');
    await expect(delivery.count()).resolves.toBe(1);
    await delivery
      .getByTestId('delivery-status')
      .filter({ hasText: /^Chưa gửi được/ })
      .waitFor();
    await expect(delivery.getAttribute('data-status')).resolves.toBe('PENDING');
    expect(Number(await delivery.getByTestId('delivery-attempts').textContent())).toBeGreaterThan(0);
    await expect(delivery.getByText('HTTP 503').count()).resolves.toBe(1);
    expect(accepted).toEqual([]);
    await webhook.scrollIntoViewIfNeeded();
    await screenshot(page, 'account-webhooks');

    // The receiver accepts now; "Gửi lại" (reached with the keyboard) sends the delivery at once.
    answer = 200;
    await delivery.getByRole('button', { name: /^Gửi lại sự kiện meeting\.created/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Đã gửi lại sự kiện meeting.created.').waitFor();
    await page
      .locator(`[data-webhook-id="${webhookId}"] [data-testid="webhook-delivery"][data-status="DELIVERED"]`)
      .waitFor();
    await expect(delivery.getByTestId('delivery-status').textContent()).resolves.toBe('Đã gửi');
    expect(accepted).toContainEqual({ type: 'meeting.created', meetingId });

    // Deleted after a confirmation: gone from the page and from `webhooks`.
    await webhook.getByRole('button', { name: `Xóa webhook tới ${receiverUrl}` }).click();
    await page.getByTestId('delete-webhook-dialog-confirm').click();
    await page.getByText(`Đã xóa webhook tới ${receiverUrl}.`).waitFor();
    await webhook.waitFor({ state: 'detached' });
    await page.getByTestId('webhooks-empty').waitFor();
    const { webhooks } = await graphqlData<{ webhooks: { edges: { node: { id: string } }[] } }>(
      stage.server.url,
      `{ webhooks { edges { node { id } } } }`,
      session,
    );
    expect(webhooks.edges.map((edge) => edge.node.id)).not.toContain(webhookId);
    expect(office.pageErrors).toEqual([]);
  });
});
