import { type ApiTokenScope, EventType, WebhookDeliveryStatus } from '@quorum/shared';
import { type EntityManager, LockMode, type MikroORM } from '@mikro-orm/core';
import { Webhook as Signer } from 'standardwebhooks';
import { loadViewer, type Viewer } from '../auth/viewer.js';
import { created } from '../commands/changes.js';
import { appendDirectoryEvent } from '../commands/directory-support.js';
import { askNotifications } from '../commands/notification-outbox.js';
import { type CommitListeners, runWrite } from '../commands/run-command.js';
import type { Config } from '../config/config.js';
import { ApiToken, Event, User, Webhook, WebhookAttempt, WebhookDelivery } from '../entities/index.js';
import type { JobQueue } from '../jobs/queue.js';
import { visibleChanges } from '../policies/event.policy.js';
import { loadSubject, mayReadSubject } from '../policies/subject.policy.js';
import { inScope } from '../realtime/change-feed.js';
import { postOnce } from './endpoint.js';

export const webhookQueue = 'webhook-drain';

/** How long a drain holds a webhook: one at a time delivers its events, in order. */
const leaseMs = 60_000;
/** How often every webhook's due deliveries are looked for (a job lost, a restart on the embedded database). */
const sweepMs = 30_000;
/** Events turned into deliveries per webhook and pass. */
const dispatchBatch = 500;
const longestRetryMs = 3_600_000;

/** The delay before the attempt after `attempts` failed ones: doubling from the first retry's, up to an hour. */
export function retryDelayMs(attempts: number, firstRetryMs: number): number {
  return Math.min(firstRetryMs * 2 ** Math.max(0, attempts - 1), longestRetryMs);
}

/** The JSON body of a delivery (Standard Webhooks' shape: type, timestamp, data). */
export function deliveryBody(event: Event, changes: unknown): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: {
      cursor: event.seq,
      subject: { type: event.subjectType, id: event.subjectId },
      scope: { type: event.scopeType, id: event.scopeId },
      actorId: event.actor?.id ?? null,
      changes: changes ?? null,
    },
  });
}

/**
 * Webhooks (DESIGN, "Webhooks"): the change feed as signed HTTP POSTs to integrators' endpoints.
 *
 * - **Dispatch.** Whenever the feed's tailer has read new events (here or from another instance's commit), each
 *   active webhook's new events after its `cursor` that are in its scope and of its types become deliveries,
 *   and the cursor moves, in one transaction per pass with the webhooks locked (`skip locked`: instances share
 *   the work, never twice: a delivery is unique per webhook and event).
 * - **Delivery.** Each webhook's deliveries go one at a time in event order, by whoever holds its lease: a
 *   delivery the registering API token may not see (decided now, as for a subscriber) is dropped unsent;
 *   otherwise it is POSTed, signed (Standard Webhooks: `webhook-id`, `webhook-timestamp`, `webhook-signature`
 *   HMAC-SHA256 over id, timestamp and body), and every attempt is logged. A failure holds the webhook's later
 *   deliveries back and is retried after a doubling delay, through the durable job queue on PostgreSQL (a
 *   delayed job) or a timer on the embedded database; after the retry window the delivery is FAILED, the
 *   webhook disabled and its owner notified. A revoked or expired token, or its owner deactivated, disables it.
 */
export class WebhookService {
  private queued = false;
  private dispatching: Promise<void> | null = null;
  private dispatchAgain = false;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly draining = new Set<Promise<void>>();
  private sweep: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Whether some webhook is active: null when to be looked up (see `wake`). */
  private anyActive: boolean | null = null;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: Config['webhooks'],
    private readonly queue: JobQueue,
    private readonly commits: CommitListeners,
  ) {}

  async start(): Promise<void> {
    this.queued = await this.queue.work<{ webhookId: string }>(
      webhookQueue,
      { policy: 'standard', retryLimit: 3, retryDelay: 5, expireInSeconds: 300 },
      { pollingIntervalSeconds: 0.5, batchSize: 5 },
      async (jobs) => {
        for (const job of jobs) await this.drain(job.data.webhookId);
      },
    );
    this.sweep = setInterval(() => {
      this.anyActive = null;
      void this.scheduleDue();
    }, sweepMs);
    this.sweep.unref();
    this.wake();
    void this.scheduleDue();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweep) clearInterval(this.sweep);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.dispatching;
    await Promise.all([...this.draining]);
  }

  /**
   * New events were read (of `types`; unknown: look anyway): dispatch them now, or right after the pass under
   * way. Whether any webhook is active is remembered, so that without webhooks a commit costs nothing here; it is
   * looked up again after a webhook event (created, deleted or disabled here or on another instance) and at each
   * sweep.
   */
  wake(types?: ReadonlySet<string>): void {
    if (this.stopped) return;
    if (!types || [...types].some((type) => type.startsWith('webhook.'))) this.anyActive = null;
    if (this.anyActive === false) return;
    if (this.dispatching) {
      this.dispatchAgain = true;
      return;
    }
    this.dispatching = (async () => {
      try {
        do {
          this.dispatchAgain = false;
          const touched = await this.dispatch();
          for (const id of touched) this.schedule(id, new Date());
        } while (this.dispatchAgain && !this.stopped);
      } catch (error) {
        console.error('webhooks: dispatching events failed', error instanceof Error ? error.message : error);
      } finally {
        this.dispatching = null;
      }
    })();
  }

  /** One pass: the active webhooks' new events as deliveries; the ids of webhooks that got some. */
  private async dispatch(): Promise<string[]> {
    const touched: string[] = [];
    if (this.anyActive === null)
      this.anyActive = (await this.orm.em.fork().count(Webhook, { disabledAt: null })) > 0;
    if (!this.anyActive) return touched;
    await this.orm.em.fork().transactional(async (em) => {
      const hooks = await em.find(
        Webhook,
        { disabledAt: null },
        // Another instance's pass has some locked: it dispatches them.
        { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      for (const hook of hooks) {
        const events = await em.find(
          Event,
          { organization: hook.organization.id, seq: { $gt: hook.cursor }, auditOnly: false },
          {
            orderBy: { seq: 'asc' },
            limit: dispatchBatch,
            fields: ['seq', 'type', 'organization', 'scopeType', 'scopeId', 'subjectType', 'subjectId'],
          },
        );
        if (events.length === 0) continue;
        const wanted = events.filter(
          (event) =>
            (hook.eventTypes.length === 0 || hook.eventTypes.includes(event.type)) &&
            inScope(event, hook.organization.id, { type: hook.scopeType, id: hook.scopeId }),
        );
        for (const event of wanted)
          em.create(WebhookDelivery, { webhook: hook, eventSeq: event.seq, eventType: event.type });
        hook.cursor = events.at(-1)!.seq;
        if (wanted.length > 0) touched.push(hook.id);
        if (events.length === dispatchBatch) this.dispatchAgain = true;
      }
    });
    return touched;
  }

  /** The webhook's deliveries are drained at `at`: a delayed job, or a timer without the queue. */
  schedule(webhookId: string, at: Date): void {
    if (this.stopped) return;
    if (this.queued) {
      this.queue.send(webhookQueue, { webhookId }, at > new Date() ? { startAfter: at } : {});
      return;
    }
    const existing = this.timers.get(webhookId);
    if (existing) clearTimeout(existing);
    const timer = setTimeout(
      () => {
        this.timers.delete(webhookId);
        const running = this.drain(webhookId).catch((error: unknown) =>
          console.error('webhooks: a drain failed', error instanceof Error ? error.message : error),
        );
        this.draining.add(running);
        void running.finally(() => this.draining.delete(running));
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
    this.timers.set(webhookId, timer);
  }

  /** Every webhook with a delivery due is drained (at start, then every `sweepMs`). */
  private async scheduleDue(): Promise<void> {
    try {
      const due = (await this.orm.em
        .fork()
        .getConnection()
        .execute(
          `select w.id, min(d.next_attempt_at) as at from webhook w join webhook_delivery d on d.webhook_id = w.id
            where w.disabled_at is null and d.status = 'PENDING' group by w.id`,
        )) as { id: string; at: Date | string }[];
      for (const row of due) this.schedule(row.id, new Date(row.at));
    } catch (error) {
      console.error(
        'webhooks: looking for due deliveries failed',
        error instanceof Error ? error.message : error,
      );
    }
  }

  /**
   * Takes the webhook's lease (false: another drain holds it, or it is disabled or gone); with `renew`, the
   * holder extends its own.
   */
  private async lease(webhookId: string, renew = false): Promise<boolean> {
    const free = renew ? '' : 'and (lease_until is null or lease_until < now())';
    const taken = (await this.orm.em
      .fork()
      .getConnection()
      .execute(
        `update webhook set lease_until = now() + interval '${leaseMs} milliseconds'
          where id = ? and disabled_at is null ${free} returning id`,
        [webhookId],
      )) as unknown[];
    return taken.length > 0;
  }

  private release(webhookId: string): Promise<unknown> {
    return this.orm.em
      .fork()
      .getConnection()
      .execute('update webhook set lease_until = null where id = ?', [webhookId]);
  }

  /** Delivers the webhook's due deliveries in order, until one fails or none is due. */
  async drain(webhookId: string): Promise<void> {
    if (this.stopped || !(await this.lease(webhookId))) return;
    let next: Date | null = null;
    try {
      // The registering token's viewer, loaded at the first delivery of this drain.
      let viewer: Viewer | string | undefined;
      for (;;) {
        if (this.stopped) return;
        const em = this.orm.em.fork();
        const hook = await em.findOne(Webhook, { id: webhookId, disabledAt: null });
        if (!hook) return;
        const delivery = await em.findOne(
          WebhookDelivery,
          { webhook: webhookId, status: WebhookDeliveryStatus.PENDING },
          { orderBy: { eventSeq: 'asc' } },
        );
        if (!delivery) return;
        if (delivery.nextAttemptAt > new Date()) {
          next = delivery.nextAttemptAt;
          return;
        }
        viewer ??= await this.viewerOf(em, hook);
        if (typeof viewer === 'string') {
          await this.disable(hook, viewer, null);
          return;
        }
        const outcome = await this.attempt(em, hook, delivery, viewer);
        if (outcome === 'retry') {
          next = delivery.nextAttemptAt;
          return;
        }
        if (outcome === 'disabled') return;
        await this.lease(webhookId, true);
      }
    } finally {
      await this.release(webhookId);
      if (next) this.schedule(webhookId, next);
      // A delivery made while this drain was ending found the lease taken: it is due now.
      else if (!this.stopped && (await this.hasDue(webhookId))) this.schedule(webhookId, new Date());
    }
  }

  private async hasDue(webhookId: string): Promise<boolean> {
    const due = await this.orm.em.fork().count(WebhookDelivery, {
      webhook: { id: webhookId, disabledAt: null },
      status: WebhookDeliveryStatus.PENDING,
      nextAttemptAt: { $lte: new Date() },
    });
    return due > 0;
  }

  /** The registering token's viewer now, or why the webhook may no longer act with it. */
  private async viewerOf(em: EntityManager, hook: Webhook): Promise<Viewer | string> {
    const token = await em.findOne(ApiToken, hook.apiToken.id, { populate: ['owner'] });
    const owner = token?.owner.getEntity();
    if (!token || token.revokedAt) return 'Its API token was revoked';
    if (token.expiresAt && token.expiresAt <= new Date()) return 'Its API token has expired';
    if (!owner?.active) return "Its API token's owner is deactivated";
    return loadViewer(em, owner, { kind: 'apiToken', id: token.id }, token.scopes as ApiTokenScope[]);
  }

  /** One delivery's attempt: sent (or dropped, not visible), to retry, or failed for good (the webhook disabled). */
  private async attempt(
    em: EntityManager,
    hook: Webhook,
    delivery: WebhookDelivery,
    viewer: Viewer,
  ): Promise<'done' | 'retry' | 'disabled'> {
    const event = await em.findOne(Event, { seq: delivery.eventSeq }, { populate: ['actor'] });
    const subject = event ? await loadSubject(em, event.subjectType, event.subjectId) : null;
    // Access decided at delivery, as for a subscriber: what the token may not see now is never sent, nor kept
    // in its log.
    if (!event || !subject || !mayReadSubject(viewer, subject)) {
      await em.nativeDelete(WebhookDelivery, { id: delivery.id });
      return 'done';
    }
    const body = deliveryBody(event, visibleChanges(event, subject));
    const at = new Date();
    const signature = new Signer(hook.secret).sign(delivery.id, at, body);
    const result = await postOnce(
      new URL(hook.url),
      body,
      {
        'webhook-id': delivery.id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      },
      this.settings.allowedHosts,
    );
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const attempts = delivery.attemptCount + 1;
    const expired = !ok && Date.now() - delivery.createdAt.getTime() >= this.settings.retryWindowMs;
    const nextAttemptAt = new Date(Date.now() + retryDelayMs(attempts, this.settings.firstRetryMs));
    await em.transactional(async (tx) => {
      tx.create(WebhookAttempt, {
        delivery: delivery.id,
        responseStatus: result.status,
        error: result.error ?? (ok ? null : `HTTP ${result.status}`),
        durationMs: result.durationMs,
      });
      await tx.nativeUpdate(
        WebhookDelivery,
        { id: delivery.id },
        ok
          ? { status: WebhookDeliveryStatus.DELIVERED, attemptCount: attempts, deliveredAt: new Date() }
          : expired
            ? { status: WebhookDeliveryStatus.FAILED, attemptCount: attempts }
            : { attemptCount: attempts, nextAttemptAt },
      );
    });
    if (ok) return 'done';
    if (expired) {
      await this.disable(hook, 'Its deliveries failed for the whole retry window', delivery.id);
      return 'disabled';
    }
    delivery.nextAttemptAt = nextAttemptAt;
    return 'retry';
  }

  /** Stops the webhook, records why (audit), and tells its owner. */
  private async disable(hook: Webhook, reason: string, deliveryId: string | null): Promise<void> {
    await runWrite(this.orm.em.fork(), this.commits, async (em) => {
      const updated = await em.nativeUpdate(
        Webhook,
        { id: hook.id, disabledAt: null },
        { disabledAt: new Date(), disabledReason: reason },
      );
      if (updated === 0) return;
      const event = await appendDirectoryEvent(
        this.commits,
        em,
        { organizationId: hook.organization.id },
        {
          type: EventType.WEBHOOK_DISABLED,
          subject: em.getReference(User, hook.owner.id),
          changes: created({
            webhookId: hook.id,
            url: hook.url,
            reason,
            ...(deliveryId ? { deliveryId } : {}),
          }),
          auditOnly: true,
        },
      );
      askNotifications(em, event, [hook.owner.id]);
    });
  }
}
