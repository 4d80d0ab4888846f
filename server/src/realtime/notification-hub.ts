import { Repeater } from '@repeaterjs/repeater';
import type { MikroORM } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { ViewerCache } from '../auth/viewer-cache.js';
import type { SettledNotifications } from '../commands/notification-outbox.js';
import { AppError } from '../errors.js';
import { viewerNotifications, type NotificationView } from '../read/notifications.js';
import type { Wakeups } from './wakeups.js';

/** What a `notifications` subscriber receives: the unread count and the notification that just came, if any. */
export interface NotificationUpdate {
  unreadCount: number;
  notification: NotificationView | null;
  /** The viewer it was decided for, now: what is nested in it is executed for this one (shared-execution.ts). */
  viewer: Viewer;
}

export type NotificationDelivery = NotificationUpdate | { error: AppError };

/** The message between instances: these users' notifications changed (created, or marked read). */
interface ChangedMessage {
  kind: 'notifications.changed';
  userIds: string[];
  /** The commit may have changed what these users may read (an invitation to a RESTRICTED meeting). */
  access?: boolean;
}

/** How long a user told of a commit that changed access waits for this instance's viewers to catch up. */
const accessCatchUpMs = 10_000;

/** Ids per message: a NOTIFY payload stays under 8000 bytes (a uuid is 39 with its quotes and comma). */
const idsPerMessage = 150;

function parseMessage(value: unknown): ChangedMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  return m.kind === 'notifications.changed' &&
    Array.isArray(m.userIds) &&
    m.userIds.every((id) => typeof id === 'string') &&
    (m.access === undefined || typeof m.access === 'boolean')
    ? (m as unknown as ChangedMessage)
    : null;
}

/** Where the e-mail of new notifications goes once they are committed (the mail job), when it is on. */
export interface NotificationMailer {
  enqueue(notificationIds: readonly string[]): void;
}

/**
 * Tells each user's open `notifications` subscriptions that their notifications changed. The writer knows whom
 * it notified (a command's commit path, the reminder job): after its commit it calls `committed`, which wakes
 * this instance's subscriptions of those users at once and the other instances' through the wake-ups' message
 * channel. Nothing here runs per event of the change feed, and nothing per subscriber but for the users told.
 * Each delivery reads the user's count afresh, with the viewer as the cache holds it now (a revoked session
 * ends the stream), so a lost message costs only until the next.
 */
export class NotificationHub {
  private readonly watchers = new Map<string, Set<() => void>>();
  /**
   * Users told by another instance of a commit that changed access, until when: this instance's viewers are
   * refreshed when its tailer reads that commit's events, which may come after the message; they are told
   * again then, so that what they may now read is counted.
   */
  private readonly catchingUp = new Map<string, number>();
  private mailer: NotificationMailer | undefined;
  private stopInvalidations: (() => void) | undefined;

  constructor(
    private readonly orm: MikroORM,
    private readonly viewers: ViewerCache,
    private readonly wakeups: Wakeups,
  ) {}

  /** Listens to the other instances; before the feed starts listening to the channel. */
  start(mailer?: NotificationMailer): void {
    this.mailer = mailer;
    this.wakeups.onMessage((message) => {
      const changed = parseMessage(message);
      if (!changed) return;
      if (changed.access) {
        const until = Date.now() + accessCatchUpMs;
        for (const userId of changed.userIds)
          if (this.watchers.has(userId)) this.catchingUp.set(userId, until);
      }
      this.touch(changed.userIds);
    });
    this.stopInvalidations = this.viewers.onInvalidate(() => {
      if (this.catchingUp.size === 0) return;
      const now = Date.now();
      const due = [...this.catchingUp].filter(([, until]) => until >= now).map(([userId]) => userId);
      this.catchingUp.clear();
      this.touch(due);
    });
  }

  /**
   * After a commit (never inside its transaction): tells the users' sockets here and elsewhere, mails.
   * `access`: the commit may have changed what viewers may read (its events are of `accessEventTypes`).
   */
  committed(settled: SettledNotifications, access = false): void {
    if (settled.mailIds.length > 0) this.mailer?.enqueue(settled.mailIds);
    this.changed(settled.userIds, access);
  }

  /** These users' notifications changed (created or read), committed. */
  changed(userIds: readonly string[], access = false): void {
    if (userIds.length === 0) return;
    this.touch(userIds);
    for (let i = 0; i < userIds.length; i += idsPerMessage)
      this.wakeups.broadcast({
        kind: 'notifications.changed',
        userIds: userIds.slice(i, i + idsPerMessage),
        ...(access ? { access } : {}),
      } satisfies ChangedMessage);
  }

  private touch(userIds: readonly string[]): void {
    for (const userId of userIds) for (const wake of this.watchers.get(userId) ?? []) wake();
  }

  /**
   * The viewer's count now, then again (with the newest notification that came since the last delivery) each
   * time their notifications change, until the credential ends.
   */
  watch(authorization: string | undefined): AsyncIterableIterator<NotificationDelivery> {
    return new Repeater<NotificationDelivery>(async (push, stop) => {
      const credential = this.viewers.credential(authorization);
      const first = await credential.current();
      const userId = first.userId;
      let since = new Date();
      let running: Promise<void> | null = null;
      let again = false;
      const deliver = async () => {
        try {
          const viewer = await credential.current();
          const em = this.orm.em.fork();
          const unread = await viewerNotifications(em, viewer, { unreadOnly: true });
          const fresh = unread.find((view) => view.createdAt > since) ?? null;
          if (fresh) since = fresh.createdAt;
          await push({ unreadCount: unread.length, notification: fresh, viewer });
        } catch (error) {
          if (error instanceof AppError) {
            await push({ error });
            stop();
          } else
            console.error('notifications: a delivery failed', error instanceof Error ? error.name : error);
        }
      };
      // One delivery at a time; changes during one make one more, not one each.
      const wake = () => {
        if (running) {
          again = true;
          return;
        }
        running = (async () => {
          do {
            again = false;
            await deliver();
          } while (again);
        })().finally(() => (running = null));
      };
      const set = this.watchers.get(userId) ?? new Set();
      set.add(wake);
      this.watchers.set(userId, set);
      try {
        wake();
        await stop;
      } finally {
        set.delete(wake);
        if (set.size === 0) this.watchers.delete(userId);
      }
    });
  }

  stop(): void {
    this.stopInvalidations?.();
    this.watchers.clear();
    this.catchingUp.clear();
  }
}
