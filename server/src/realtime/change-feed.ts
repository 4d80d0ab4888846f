import { Repeater } from '@repeaterjs/repeater';
import { accessEventTypes, Classification, EventType, SubjectType } from '@quorum/shared';
import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Credential, ViewerCache } from '../auth/viewer-cache.js';
import { AppError, ServiceUnavailableError } from '../errors.js';
import { Event, type FieldChanges } from '../entities/index.js';
import { loadSubject, mayReadSubject, readableSubject, type Subject } from '../policies/subject.policy.js';
import type { LiveConnections } from './connections.js';
import type { Wakeups } from './wakeups.js';

export interface EventScope {
  type: SubjectType;
  id?: string | undefined;
}

export interface AppendInput {
  organizationId: string;
  actorId: string | undefined;
  type: EventType;
  subject: { type: SubjectType; id: string };
  /** Defaults to the subject itself. */
  scope?: { type: SubjectType; id: string };
  classification: Classification;
  changes?: FieldChanges;
}

/** What a subscriber receives: the stored event with its subject as the viewer may see it now. */
export interface DeliveredEvent {
  event: Event;
  subject: Subject;
  /**
   * The viewer as it was when access to the event was decided: the event is executed for this viewer, so
   * that the fields nested in it answer for what the subscriber may read now, not when it subscribed.
   */
  viewer?: Viewer;
}

/**
 * A subscriber's way straight to its socket, past its stream: the subscribers that share a rendering (the
 * same document, variables and viewer) receive one serialization of each event, written in one loop.
 */
export interface DirectSink {
  /** The event as the subscriber's payload, the same promise for all who share it; null when it must go through the stream (a result with errors). */
  render(delivered: DeliveredEvent): Promise<string | null>;
  send(payload: string): void;
}

/** A stream ends with this when the subscriber's credential stops being valid (logout, expiry, deactivation). */
export interface StreamEnded {
  error: AppError;
}

const batchSize = 200;
/**
 * Events waiting for one subscriber: a client that stops reading falls this far behind, then its stream
 * ends (SERVICE_UNAVAILABLE, retryable) and it resumes from its cursor, rather than grow the server's memory.
 */
const maxBehind = 1_000;

/**
 * Whether viewers of the event's organization may see or do something else after it. Of the frequent changes
 * during preparation and a session, a new meeting changes access only when it is CONFIDENTIAL (its author goes
 * on the access list), a meeting's edit only with its classification, an agenda item's only with its proposal;
 * a proposal's or a task's only with its access list; the rest leave every viewer as it was.
 */
function changesAccess(event: {
  type: string;
  changes?: FieldChanges | undefined;
  classification: Classification;
}): boolean {
  const { type, changes } = event;
  if (!accessEventTypes.has(type as EventType)) return false;
  if (type === EventType.MEETING_CREATED) return event.classification === Classification.CONFIDENTIAL;
  if (type === EventType.MEETING_UPDATED) return !!changes && 'classification' in changes;
  if (type === EventType.AGENDA_ITEM_UPDATED) return !!changes && 'proposalId' in changes;
  if (type === EventType.PROPOSAL_UPDATED) return !!changes && 'accessUserIds' in changes;
  if (type === EventType.TASK_CREATED || type === EventType.TASK_UPDATED)
    return !!changes && 'accessUserIds' in changes;
  return true;
}

/**
 * Whether an event is in a scope followed in an organization (a subscription's, a webhook's): everything of
 * the organization, or what is scoped to the object or is about it.
 */
export function inScope(
  event: Pick<Event, 'organization' | 'scopeType' | 'scopeId' | 'subjectType' | 'subjectId'>,
  organizationId: string,
  scope: { type: SubjectType; id?: string | null | undefined },
): boolean {
  if (event.organization.id !== organizationId) return false;
  if (scope.type === SubjectType.ORGANIZATION) return true;
  return (
    (event.scopeType === scope.type && event.scopeId === scope.id) ||
    (event.subjectType === scope.type && event.subjectId === scope.id)
  );
}

/**
 * The resumable change feed.
 *
 * Writers append Events inside their transaction; after it commits, `committed()` wakes this process's one
 * tailer and, through `Wakeups`, every other instance's. The tailer reads what is new from the table once,
 * in `seq` order, and hands each event, with its subject loaded once, to the subscriptions of this process
 * whose scope it is in; each decides from its viewer's cached facts whether it may see it. So an event costs
 * the same few statements however many subscribe, and a lost wake-up loses nothing: the next read finds it.
 */
export class ChangeFeed {
  /** The highest `seq` the tailer has read; null before `start()`. */
  private last: string | null = null;
  private reading: Promise<void> | null = null;
  private readAgain = false;
  private readonly subscriptions = new Set<Subscription>();
  /** What each open transaction appended, so that its commit can say what changed. */
  private readonly appended = new WeakMap<EntityManager, AppendInput[]>();
  /** Told when the tailer has read new events (committed here or on another instance): the webhooks. */
  private readonly readers = new Set<(types: ReadonlySet<string>) => void>();

  constructor(
    private readonly orm: MikroORM,
    private readonly viewers: ViewerCache,
    private readonly wakeups: Wakeups,
    private readonly connections: LiveConnections,
  ) {}

  /** Starts following the table from its end, and listening to the other instances. */
  async start(): Promise<void> {
    this.last = await this.latestSeq();
    await this.wakeups.listen(() => this.wake());
  }

  async stop(): Promise<void> {
    await this.wakeups.close();
    for (const subscription of this.subscriptions) subscription.end();
    await this.reading;
  }

  /**
   * Appends an event in the caller's transaction. One advisory lock for all appends makes commit order equal
   * `seq` order, so the tailer, having read seq N, never later finds a smaller one appear.
   */
  async append(em: EntityManager, input: AppendInput): Promise<Event> {
    await em
      .getConnection()
      .execute(
        "select pg_advisory_xact_lock(hashtext('quorum.events'))",
        [],
        'all',
        em.getTransactionContext(),
      );
    const scope = input.scope ?? input.subject;
    const event = em.create(Event, {
      organization: input.organizationId,
      actor: input.actorId ?? null,
      type: input.type,
      subjectType: input.subject.type,
      subjectId: input.subject.id,
      scopeType: scope.type,
      scopeId: scope.id,
      classification: input.classification,
      changes: input.changes ?? {},
    });
    const appended = this.appended.get(em) ?? [];
    appended.push(input);
    this.appended.set(em, appended);
    return event;
  }

  /** What `em`'s transaction appended; taken once, by the command that commits it. */
  takeAppended(em: EntityManager): AppendInput[] {
    const appended = this.appended.get(em) ?? [];
    this.appended.delete(em);
    return appended;
  }

  /**
   * After a commit: the viewers whose access it may have changed are forgotten before the command answers
   * (the next request of theirs sees the change), then every instance is woken.
   */
  committed(appended: readonly AppendInput[] = []): void {
    for (const input of appended)
      if (changesAccess(input)) this.viewers.invalidateOrganization(input.organizationId);
    this.wake();
    this.wakeups.publish();
  }

  /** Calls `listener` with the types of the events whenever the tailer has read new ones; returns how to stop. */
  onNewEvents(listener: (types: ReadonlySet<string>) => void): () => void {
    this.readers.add(listener);
    return () => this.readers.delete(listener);
  }

  /** Reads what is new, now or right after the read under way. */
  wake(): void {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = (async () => {
      try {
        do {
          this.readAgain = false;
          await this.readNew();
        } while (this.readAgain);
      } catch (error) {
        // The database is unreachable for a moment: the next wake-up (or the poll) reads again.
        console.error('change feed: reading new events failed', error instanceof Error ? error.name : error);
      } finally {
        this.reading = null;
      }
    })();
  }

  private async readNew(): Promise<void> {
    if (this.last === null) return;
    for (;;) {
      const em = this.orm.em.fork();
      const events: Event[] = await em.find(
        Event,
        { seq: { $gt: this.last } },
        { orderBy: { seq: 'asc' }, limit: batchSize, populate: ['actor'] },
      );
      for (const event of events) {
        this.last = event.seq;
        // Another instance's commit: its viewers are forgotten here as there, a deactivated user's sockets closed.
        if (changesAccess(event)) this.viewers.invalidateOrganization(event.organization.id);
        if (event.type === EventType.USER_DEACTIVATED) this.connections.closeUser(event.subjectId);
        if (!event.auditOnly) await this.dispatch(em, event);
      }
      if (events.length > 0) {
        const types = new Set(events.map((event) => event.type));
        for (const listener of this.readers) listener(types);
      }
      if (events.length < batchSize) return;
    }
  }

  private async dispatch(em: EntityManager, event: Event): Promise<void> {
    const interested = [...this.subscriptions].filter((subscription) => subscription.wants(event));
    if (interested.length === 0) return;
    const subject = await loadSubject(em, event.subjectType, event.subjectId);
    if (!subject) return;
    // Who can take the event at once gets it now: one rendering per shared execution, then one loop of writes.
    // The others (replaying, behind, their viewer to be loaded) queue it. The next event is dispatched after
    // these writes, so a subscriber's events stay in order whichever way each goes.
    const renderings = new Map<Promise<string | null>, [Subscription, DeliveredEvent][]>();
    for (const subscription of interested) {
      const taken = subscription.takeAtOnce(event, subject);
      if (taken === undefined) subscription.offer(event, subject);
      else if (taken !== null)
        renderings.set(taken.rendering, [
          ...(renderings.get(taken.rendering) ?? []),
          [subscription, taken.delivered],
        ]);
    }
    await Promise.all(
      [...renderings].map(async ([rendering, takers]) => {
        const payload = await rendering.catch(() => null);
        for (const [subscription, delivered] of takers) subscription.sendRendered(payload, delivered);
      }),
    );
  }

  /**
   * Events of a scope after a cursor (or from now on), each checked against the viewer at delivery. With a
   * cursor, what is in the table after it is replayed first while live events wait, then the stream goes live:
   * no gap, no duplicate.
   */
  stream(
    scope: EventScope,
    after: string | undefined,
    authorization: string | undefined,
    sink?: DirectSink,
  ): AsyncIterableIterator<DeliveredEvent | StreamEnded> {
    return new Repeater<DeliveredEvent | StreamEnded>(async (push, stop) => {
      const credential = this.viewers.credential(authorization);
      const viewer = await credential.current();
      const subscription = new Subscription(
        viewer.organizationId,
        scope,
        after ?? this.last ?? '0',
        credential,
        push,
        stop,
        sink,
      );
      this.subscriptions.add(subscription);
      try {
        if (after !== undefined) await this.replay(subscription, viewer, scope);
        subscription.goLive();
        await stop;
      } finally {
        this.subscriptions.delete(subscription);
      }
    });
  }

  private async replay(subscription: Subscription, viewer: Viewer, scope: EventScope): Promise<void> {
    for (;;) {
      const em = this.orm.em.fork();
      const events = await em.find(
        Event,
        { ...this.scopeFilter(viewer, scope), seq: { $gt: subscription.cursor } },
        { orderBy: { seq: 'asc' }, limit: batchSize, populate: ['actor'] },
      );
      for (const event of events) {
        const subject = await loadSubject(em, event.subjectType, event.subjectId);
        await subscription.deliver(event, subject);
      }
      if (events.length < batchSize || subscription.ended) return;
    }
  }

  /** The events of a scope as a page, for integrators who poll. */
  async page(em: EntityManager, viewer: Viewer, scope: EventScope, after: string | undefined, first: number) {
    const events = await em.find(
      Event,
      { ...this.scopeFilter(viewer, scope), ...(after ? { seq: { $gt: after } } : {}) },
      { orderBy: { seq: 'asc' }, limit: first + 1, populate: ['actor'] },
    );
    const delivered: DeliveredEvent[] = [];
    for (const event of events.slice(0, first)) {
      const subject = await readableSubject(em, viewer, event.subjectType, event.subjectId);
      if (subject) delivered.push({ event, subject });
    }
    return {
      delivered,
      hasNextPage: events.length > first,
      endCursor: events.slice(0, first).at(-1)?.seq ?? after,
    };
  }

  private scopeFilter(viewer: Viewer, scope: EventScope): FilterQuery<Event> {
    const tenant = { organization: viewer.organizationId, auditOnly: false };
    if (scope.type === SubjectType.ORGANIZATION) return tenant;
    return {
      ...tenant,
      $or: [
        { scopeType: scope.type, scopeId: scope.id },
        { subjectType: scope.type, subjectId: scope.id },
      ],
    };
  }

  private async latestSeq(): Promise<string> {
    const [latest] = await this.orm.em
      .fork()
      .find(Event, {}, { orderBy: { seq: 'desc' }, fields: ['seq'], limit: 1 });
    return latest?.seq ?? '0';
  }
}

/**
 * One subscriber of this process: its scope, its cursor and a way to its current viewer. Events reach it in
 * `seq` order, one at a time; while it replays from the table, live ones wait in `pending`.
 */
class Subscription {
  ended = false;
  private live = false;
  private pending: Array<{ event: Event; subject: Subject }> = [];
  /** Deliveries run one after another, so a slow viewer load never reorders them. */
  private queue: Promise<void> = Promise.resolve();
  private queued = 0;

  constructor(
    private readonly organizationId: string,
    private readonly scope: EventScope,
    public cursor: string,
    private readonly credential: Credential,
    private readonly push: (value: DeliveredEvent | StreamEnded) => Promise<unknown>,
    private readonly stop: (error?: unknown) => void,
    private readonly sink: DirectSink | undefined,
  ) {}

  wants(event: Event): boolean {
    return inScope(event, this.organizationId, this.scope);
  }

  /** From the tailer: delivered now, or after the replay when it is still under way. */
  offer(event: Event, subject: Subject): void {
    if (this.live) this.enqueue(event, subject);
    else this.pending.push({ event, subject });
  }

  /**
   * Takes a live event at once when nothing is ahead of it and the viewer is at hand: its rendering to send,
   * null when this subscriber is not to receive it, undefined when it must queue (`offer`).
   */
  takeAtOnce(
    event: Event,
    subject: Subject,
  ): { rendering: Promise<string | null>; delivered: DeliveredEvent } | null | undefined {
    if (!this.sink || !this.live || this.queued > 0 || this.ended) return undefined;
    const viewer = this.credential.cached();
    if (!viewer) return undefined;
    if (BigInt(event.seq) <= BigInt(this.cursor)) return null;
    this.cursor = event.seq;
    // Access is decided again for every event, as in `deliver`.
    if (!mayReadSubject(viewer, subject)) return null;
    const delivered = { event, subject, viewer };
    return { rendering: this.sink.render(delivered), delivered };
  }

  /** The rendering `takeAtOnce` asked for: written to the socket, or, when it could not be shared, streamed. */
  sendRendered(payload: string | null, delivered: DeliveredEvent): void {
    if (this.ended) return;
    if (payload !== null) this.sink!.send(payload);
    // Through the stream, counted as queued: a later event waits for it rather than overtake it directly.
    else this.later(() => this.push(delivered));
  }

  goLive(): void {
    const pending = this.pending;
    this.pending = [];
    this.live = true;
    for (const { event, subject } of pending) this.enqueue(event, subject);
  }

  private enqueue(event: Event, subject: Subject): void {
    if (this.ended) return;
    if (++this.queued > maxBehind) {
      this.ended = true;
      void this.push({
        error: new ServiceUnavailableError('This subscriber fell behind; resume from its cursor'),
      });
      this.stop();
      return;
    }
    this.later(() => this.deliver(event, subject), false);
  }

  /** Runs `work` after what is queued; `count` unless the caller has counted it already. */
  private later(work: () => Promise<unknown>, count = true): void {
    if (count) this.queued += 1;
    // `deliver` settles its own failures; a push fails only once the stream has ended, and the queue goes on.
    this.queue = this.queue
      .then(async () => void (await work()))
      .catch(() => undefined)
      .finally(() => (this.queued -= 1));
  }

  async deliver(event: Event, subject: Subject | null): Promise<void> {
    if (this.ended || BigInt(event.seq) <= BigInt(this.cursor)) return;
    this.cursor = event.seq;
    try {
      // Access is decided again for every event: a revoked session or membership stops delivery at once.
      const viewer = await this.credential.current();
      if (subject && mayReadSubject(viewer, subject)) await this.push({ event, subject, viewer });
    } catch (error) {
      // A coded refusal reaches the client as a GraphQL error, then the stream completes.
      this.ended = true;
      if (error instanceof AppError) await this.push({ error });
      this.stop(error instanceof AppError ? undefined : error);
    }
  }

  end(): void {
    this.ended = true;
    this.stop();
  }
}
