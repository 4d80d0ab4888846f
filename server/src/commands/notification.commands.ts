import { defaultNotificationChannels, notificationKinds, type NotificationKind } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { Notification } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { unreadCount } from '../read/notifications.js';
import { channelsOf } from './notification-outbox.js';
import { runCommand } from './run-command.js';

// A user's own notifications and preferences: nobody else's is touched (another's notification is NOT_FOUND).
// They are personal state, like presence: no event is appended for them (the feed would carry every click to
// every subscriber of the organization); the user's own sockets are told through the notification hub.

/** Marks some (or all) of the viewer's notifications read, in one transaction; answers the unread count. */
export async function markNotificationsRead(
  ctx: Context,
  viewer: Viewer,
  input: { ids?: string[] | null; all?: boolean | null },
): Promise<number> {
  const ids = [...new Set(input.ids ?? [])];
  if (!input.all && ids.length === 0)
    throw new BadInputError('ids', 'Give the notifications to mark, or all');
  const count = await runCommand(ctx, async (em) => {
    const now = new Date();
    if (input.all) {
      await em.nativeUpdate(Notification, { user: viewer.userId, readAt: null }, { readAt: now });
    } else {
      const own = await em.find(Notification, { id: { $in: ids }, user: viewer.userId }, { fields: ['id'] });
      const found = new Set(own.map((n) => n.id));
      const missing = ids.find((id) => !found.has(id));
      // Another user's notification is indistinguishable from none.
      if (missing) throw new NotFoundError('Notification', missing);
      await em.nativeUpdate(Notification, { id: { $in: ids }, readAt: null }, { readAt: now });
    }
    return unreadCount(em, viewer);
  });
  ctx.notifications.changed([viewer.userId]);
  return count;
}

/** The viewer's channels for every kind, its choices over the defaults. */
export async function notificationPreferences(ctx: Context, userId: string) {
  const channels = await channelsOf(ctx.em, [userId]);
  return notificationKinds.map((kind) => ({ kind, ...channels(userId, kind) }));
}

/** Sets the viewer's channels for the kinds given (the others keep theirs), in one transaction. */
export async function updateNotificationPreferences(
  ctx: Context,
  viewer: Viewer,
  preferences: readonly { kind: NotificationKind; inApp: boolean; email: boolean }[],
) {
  const kinds = new Set<string>();
  for (const [index, preference] of preferences.entries()) {
    if (kinds.has(preference.kind))
      throw new BadInputError(`preferences.${index}.kind`, `${preference.kind} is given twice`);
    kinds.add(preference.kind);
  }
  await runCommand(ctx, async (em) => {
    for (const { kind, inApp, email } of preferences) {
      const defaults = defaultNotificationChannels(kind);
      const sql =
        defaults.inApp === inApp && defaults.email === email
          ? {
              text: 'delete from notification_preference where user_id = ? and kind = ?',
              params: [viewer.userId, kind],
            }
          : {
              text: `insert into notification_preference (user_id, kind, in_app, email) values (?, ?, ?, ?)
                     on conflict (user_id, kind) do update set in_app = excluded.in_app, email = excluded.email`,
              params: [viewer.userId, kind, inApp, email],
            };
      await em.getConnection().execute(sql.text, sql.params, 'run', em.getTransactionContext());
    }
  });
  return notificationPreferences(ctx, viewer.userId);
}
