import {
  defaultNotificationChannels,
  notificationKindOf,
  type NotificationChannels,
  type NotificationKind,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { Notification, type Event } from '../entities/index.js';

// Notifications are asked for while a command runs (`notify`) and written once, at its end, in its
// transaction: then each user is notified of an event once, for one reason, as their preferences say, and the
// command's commit path knows whom to tell (NotificationHub) without the change feed reading anything for them.

interface Asked {
  event: Event;
  userId: string;
  kind: NotificationKind;
}

/** What one transaction settled: the users notified (to tell their sockets) and the notifications to e-mail. */
export interface SettledNotifications {
  userIds: string[];
  mailIds: string[];
}

export const nothingSettled: SettledNotifications = { userIds: [], mailIds: [] };

const asked = new WeakMap<EntityManager, Asked[]>();

/**
 * Asks, in `em`'s transaction, that users hear of an event; written by `settleNotifications`. The first reason
 * given for a user and an event is the one kept (a comment that mentions its thread's author is a MENTION).
 * `kind` defaults to the event type's.
 */
export function askNotifications(
  em: EntityManager,
  event: Event,
  userIds: Iterable<string>,
  kind: NotificationKind | undefined = notificationKindOf(event.type),
): void {
  if (!kind) throw new Error(`Event type ${event.type} has no notification kind`);
  const list = asked.get(em) ?? [];
  for (const userId of userIds) list.push({ event, userId, kind });
  asked.set(em, list);
}

/** Each user's channels for the kinds given, their choices over the defaults. */
export async function channelsOf(
  em: EntityManager,
  userIds: readonly string[],
): Promise<(userId: string, kind: NotificationKind) => NotificationChannels> {
  const chosen = new Map<string, NotificationChannels>();
  if (userIds.length > 0) {
    const rows = await em
      .getConnection()
      .execute<
        { user_id: string; kind: string; in_app: boolean; email: boolean }[]
      >(`select user_id, kind, in_app, email from notification_preference where user_id in (${userIds.map(() => '?').join(', ')})`, [...userIds], 'all', em.getTransactionContext());
    for (const row of rows) chosen.set(`${row.user_id}:${row.kind}`, { inApp: row.in_app, email: row.email });
  }
  return (userId, kind) => chosen.get(`${userId}:${kind}`) ?? defaultNotificationChannels(kind);
}

/**
 * Writes what the transaction asked for (once per user and event; a kind the user switched off in the
 * application is not written) and says what it wrote. Called by the command's commit path, inside the
 * transaction, after the command's work.
 */
export async function settleNotifications(em: EntityManager): Promise<SettledNotifications> {
  const list = asked.get(em);
  asked.delete(em);
  if (!list || list.length === 0) return nothingSettled;
  // The events' seq is given at flush: one object per event is what identifies it until then.
  const byEvent = new Map<Event, Set<string>>();
  const kept = list.filter(({ event, userId }) => {
    const users = byEvent.get(event) ?? new Set<string>();
    byEvent.set(event, users);
    if (users.has(userId)) return false;
    users.add(userId);
    return true;
  });
  const channels = await channelsOf(em, [...new Set(kept.map((a) => a.userId))]);
  const userIds = new Set<string>();
  const mailIds: string[] = [];
  for (const { event, userId, kind } of kept) {
    const wanted = channels(userId, kind);
    if (!wanted.inApp) continue;
    const notification = em.create(Notification, { user: userId, event, kind });
    userIds.add(userId);
    if (wanted.email) mailIds.push(notification.id);
  }
  return { userIds: [...userIds], mailIds };
}
