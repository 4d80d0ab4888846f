import { randomUUID } from 'node:crypto';
import { Repeater } from '@repeaterjs/repeater';
import type { SubjectType } from '@quorum/shared';
import { AppError } from '../errors.js';
import type { Wakeups } from './wakeups.js';

/** An entry lives this long after its last heartbeat; clients beat every 15 s, so two may be lost. */
export const presenceTtlMs = 40_000;

export interface PresenceScope {
  type: SubjectType;
  id: string;
}

/** One person in a scope, as the API shows it: several tabs or instances of theirs merged into one. */
export interface PresenceEntry {
  userId: string;
  fullName: string;
  /** The agenda item they are editing, if any. */
  editing: string | null;
  since: Date;
}

/** What a presence subscription receives: the whole list, or why its stream ends. */
export type PresenceDelivery = { presence: PresenceEntry[] } | { error: AppError };

/**
 * Who announced from where: `client` is the WebSocket connection (so that its close removes the entry) or
 * `http`; `instance` is the server process that holds the connection.
 */
interface Held {
  instance: string;
  client: string;
  userId: string;
  fullName: string;
  editing: string | null;
  since: number;
  expiresAt: number;
}

/** Messages between instances, on the wake-ups' message channel. Small: a NOTIFY payload is under 8000 bytes. */
type PresenceMessage =
  | {
      kind: 'presence.announce';
      instance: string;
      scope: string;
      client: string;
      userId: string;
      fullName: string;
      editing: string | null;
      since: number;
      ttlMs: number;
    }
  | { kind: 'presence.leave'; instance: string; scope: string; client: string; userId: string }
  | { kind: 'presence.drop'; instance: string; client: string }
  | { kind: 'presence.hello'; instance: string };

const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Another instance's message, checked field by field: the channel is shared with whatever else listens. */
function parseMessage(value: unknown): PresenceMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  if (!isString(m.instance)) return null;
  switch (m.kind) {
    case 'presence.announce':
      return isString(m.scope) &&
        isString(m.client) &&
        isString(m.userId) &&
        isString(m.fullName) &&
        (m.editing === null || isString(m.editing)) &&
        isNumber(m.since) &&
        isNumber(m.ttlMs)
        ? (m as PresenceMessage)
        : null;
    case 'presence.leave':
      return isString(m.scope) && isString(m.client) && isString(m.userId) ? (m as PresenceMessage) : null;
    case 'presence.drop':
      return isString(m.client) ? (m as PresenceMessage) : null;
    case 'presence.hello':
      return m as PresenceMessage;
    default:
      return null;
  }
}

const scopeKey = (scope: PresenceScope) => `${scope.type}:${scope.id}`;
const heldKey = (held: Pick<Held, 'instance' | 'client' | 'userId'>) =>
  `${held.instance}/${held.client}/${held.userId}`;

/**
 * Who is viewing or editing a meeting or a proposal now. Held in memory per instance, never stored: each
 * instance keeps the entries of its own clients and merges the others' from their broadcasts, so a list is
 * complete wherever the subscriber is connected. An entry expires after its TTL without a heartbeat; one
 * announced over a WebSocket also goes when that socket closes.
 */
export class PresenceRegistry {
  private readonly instance = randomUUID();
  private readonly scopes = new Map<string, Map<string, Held>>();
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly wakeups: Wakeups,
    private readonly ttlMs = presenceTtlMs,
  ) {
    wakeups.onMessage((message) => this.receive(message));
    // Often enough that an entry outlives its TTL by a quarter of it at most.
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(ttlMs / 4, 5_000)));
    this.sweeper.unref();
  }

  /**
   * Once the channel listens: an instance that starts asks the others for their entries rather than wait for
   * their next heartbeats (up to 15 s of an empty room).
   */
  start(): void {
    this.wakeups.broadcast({ kind: 'presence.hello', instance: this.instance } satisfies PresenceMessage);
  }

  /** The people in a scope now, one entry per person, earliest arrival first. */
  list(scope: PresenceScope): PresenceEntry[] {
    const byUser = new Map<string, { entry: PresenceEntry; editingAt: number }>();
    const now = Date.now();
    for (const held of this.scopes.get(scopeKey(scope))?.values() ?? []) {
      // Expired and not yet swept: gone already.
      if (held.expiresAt <= now) continue;
      const seen = byUser.get(held.userId);
      if (!seen) {
        byUser.set(held.userId, {
          entry: {
            userId: held.userId,
            fullName: held.fullName,
            editing: held.editing,
            since: new Date(held.since),
          },
          editingAt: held.editing ? held.expiresAt : 0,
        });
        continue;
      }
      if (held.since < seen.entry.since.getTime()) seen.entry.since = new Date(held.since);
      // One tab edits while another only views: the person is editing (the latest announced item).
      if (held.editing && held.expiresAt > seen.editingAt) {
        seen.entry.editing = held.editing;
        seen.editingAt = held.expiresAt;
      }
    }
    return [...byUser.values()]
      .map(({ entry }) => entry)
      .sort((a, b) => a.since.getTime() - b.since.getTime() || a.userId.localeCompare(b.userId));
  }

  /** A heartbeat, or a change of what is being edited, from one of this instance's clients. */
  announce(
    scope: PresenceScope,
    client: string,
    user: { id: string; fullName: string },
    editing: string | null,
  ): void {
    const key = scopeKey(scope);
    const previous = this.scopes.get(key)?.get(heldKey({ instance: this.instance, client, userId: user.id }));
    const since = previous?.since ?? Date.now();
    const message: PresenceMessage = {
      kind: 'presence.announce',
      instance: this.instance,
      scope: key,
      client,
      userId: user.id,
      fullName: user.fullName,
      editing,
      since,
      ttlMs: this.ttlMs,
    };
    this.apply(message);
    this.wakeups.broadcast(message);
  }

  leave(scope: PresenceScope, client: string, userId: string): void {
    const message: PresenceMessage = {
      kind: 'presence.leave',
      instance: this.instance,
      scope: scopeKey(scope),
      client,
      userId,
    };
    this.apply(message);
    this.wakeups.broadcast(message);
  }

  /** A WebSocket closed: whatever it announced, in every scope, goes at once. */
  dropClient(client: string): void {
    const message: PresenceMessage = { kind: 'presence.drop', instance: this.instance, client };
    if (this.apply(message)) this.wakeups.broadcast(message);
  }

  /**
   * The whole list whenever it changes, starting with the current one. `mayStay` is asked before each
   * delivery: the viewer's access is decided again, and a refusal ends the stream.
   */
  watch(
    scope: PresenceScope,
    mayStay: () => Promise<AppError | null>,
  ): AsyncIterableIterator<PresenceDelivery> {
    const key = scopeKey(scope);
    return new Repeater<PresenceDelivery>(async (push, stop) => {
      let last = '';
      let sending: Promise<void> = Promise.resolve();
      // Sends one after another; a heartbeat that changes nothing visible sends nothing.
      const changed = () => {
        sending = sending.then(async () => {
          const presence = this.list(scope);
          const text = JSON.stringify(presence);
          if (text === last) return;
          last = text;
          const refusal = await mayStay().catch((error: unknown) => {
            if (error instanceof AppError) return error;
            throw error;
          });
          if (refusal) {
            await push({ error: refusal });
            stop();
            return;
          }
          await push({ presence });
        });
        sending.catch((error: unknown) => stop(error));
      };
      let set = this.watchers.get(key);
      if (!set) this.watchers.set(key, (set = new Set()));
      set.add(changed);
      changed();
      try {
        await stop;
      } finally {
        set.delete(changed);
        if (set.size === 0) this.watchers.delete(key);
      }
    });
  }

  /** On shutdown: the others forget this instance's clients now rather than after the TTL. */
  stop(): void {
    clearInterval(this.sweeper);
    const clients = new Set<string>();
    for (const entries of this.scopes.values())
      for (const held of entries.values()) if (held.instance === this.instance) clients.add(held.client);
    for (const client of clients) this.dropClient(client);
  }

  private receive(value: unknown): void {
    const message = parseMessage(value);
    if (!message || message.instance === this.instance) return;
    if (message.kind === 'presence.hello') {
      this.reannounce();
      return;
    }
    this.apply(message);
  }

  /** Tells a newcomer about this instance's own entries. */
  private reannounce(): void {
    const now = Date.now();
    for (const [scope, entries] of this.scopes)
      for (const held of entries.values())
        if (held.instance === this.instance && held.expiresAt > now)
          this.wakeups.broadcast({
            kind: 'presence.announce',
            instance: this.instance,
            scope,
            client: held.client,
            userId: held.userId,
            fullName: held.fullName,
            editing: held.editing,
            since: held.since,
            ttlMs: held.expiresAt - now,
          } satisfies PresenceMessage);
  }

  /** Applies a change from here or from another instance; says whether anything was there to change. */
  private apply(message: Exclude<PresenceMessage, { kind: 'presence.hello' }>): boolean {
    if (message.kind === 'presence.drop') {
      let found = false;
      for (const [scope, entries] of this.scopes) {
        let changed = false;
        for (const [key, held] of entries)
          if (held.instance === message.instance && held.client === message.client) {
            entries.delete(key);
            changed = true;
          }
        if (changed) {
          found = true;
          this.changed(scope, entries);
        }
      }
      return found;
    }
    let entries = this.scopes.get(message.scope);
    if (message.kind === 'presence.leave') {
      if (!entries?.delete(heldKey(message))) return false;
      this.changed(message.scope, entries);
      return true;
    }
    if (!entries) this.scopes.set(message.scope, (entries = new Map()));
    entries.set(heldKey(message), {
      instance: message.instance,
      client: message.client,
      userId: message.userId,
      fullName: message.fullName,
      editing: message.editing,
      since: message.since,
      // The announcer's TTL, so that instances configured alike or not agree on when it goes.
      expiresAt: Date.now() + message.ttlMs,
    });
    this.changed(message.scope, entries);
    return true;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [scope, entries] of this.scopes) {
      let changed = false;
      for (const [key, held] of entries)
        if (held.expiresAt <= now) {
          entries.delete(key);
          changed = true;
        }
      if (changed) this.changed(scope, entries);
    }
  }

  private changed(scope: string, entries: Map<string, Held>): void {
    if (entries.size === 0) this.scopes.delete(scope);
    for (const notify of this.watchers.get(scope) ?? []) notify();
  }
}
