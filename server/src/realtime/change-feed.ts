import { EventEmitter } from 'node:events';
import { Repeater } from '@repeaterjs/repeater';
import { type Classification, type EventType, SubjectType } from '@quorum/shared';
import type { EntityManager, FilterQuery, MikroORM } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { AppError } from '../errors.js';
import { Event, type FieldChanges } from '../entities/index.js';
import { readableSubject, type Subject } from '../policies/subject.policy.js';

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
}

/** A stream ends with this when the subscriber's credential stops being valid (logout, expiry, deactivation). */
export interface StreamEnded {
  error: AppError;
}

const batchSize = 200;

/**
 * The resumable change feed. Writers append Events inside their transaction and call `committed()`
 * after it; readers always read from the table, so a lost wake-up never loses an event.
 */
export class ChangeFeed {
  private readonly wakeups = new EventEmitter().setMaxListeners(0);

  constructor(private readonly orm: MikroORM) {}

  /**
   * Appends an event in the caller's transaction. The per-organization advisory lock makes commit order
   * equal `seq` order, so a reader that has seen seq N never later finds a smaller one appear.
   */
  async append(em: EntityManager, input: AppendInput): Promise<Event> {
    await em
      .getConnection()
      .execute(
        'select pg_advisory_xact_lock(hashtext(?))',
        [input.organizationId],
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
    return event;
  }

  /** Wakes the subscribers of this process; they read what is new from the table. */
  committed(): void {
    this.wakeups.emit('wake');
  }

  /** Events of a scope after a cursor (or from now on), each checked against the viewer at delivery. */
  stream(
    scope: EventScope,
    after: string | undefined,
    currentViewer: () => Promise<Viewer>,
  ): AsyncIterableIterator<DeliveredEvent | StreamEnded> {
    return new Repeater<DeliveredEvent | StreamEnded>(async (push, stop) => {
      let generation = 0;
      let wake = () => {};
      const onWake = () => {
        generation += 1;
        wake();
      };
      this.wakeups.on('wake', onWake);
      try {
        let viewer = await currentViewer();
        let last = after ?? (await this.latestSeq(viewer.organizationId));
        let stopped = false;
        void stop.then(() => (stopped = true));
        while (!stopped) {
          const seen = generation;
          const em = this.orm.em.fork();
          const events = await em.find(
            Event,
            { ...this.scopeFilter(viewer, scope), seq: { $gt: last } },
            { orderBy: { seq: 'asc' }, limit: batchSize, populate: ['actor'] },
          );
          if (events.length > 0) viewer = await currentViewer();
          for (const event of events) {
            last = event.seq;
            const subject = await readableSubject(em, viewer, event.subjectType, event.subjectId);
            if (subject && !stopped) await push({ event, subject });
          }
          if (events.length === batchSize || generation !== seen) continue;
          await Promise.race([new Promise<void>((resolve) => (wake = resolve)), stop]);
        }
      } catch (error) {
        // A coded refusal reaches the client as a GraphQL error, then the stream completes.
        if (error instanceof AppError) await push({ error });
        stop(error instanceof AppError ? undefined : error);
      } finally {
        this.wakeups.off('wake', onWake);
      }
    });
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

  private async latestSeq(organizationId: string): Promise<string> {
    const latest = await this.orm.em
      .fork()
      .findOne(Event, { organization: organizationId }, { orderBy: { seq: 'desc' }, fields: ['seq'] });
    return latest?.seq ?? '0';
  }
}
