// English texts of notifications; the same keys as notifications.vi.ts.
import { notificationKindsIn } from '@quorum/shared';
import type { NotificationMessages } from './notifications.vi';

type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export const notificationsEn: Messages<NotificationMessages> = {
  notifications: {
    bell: 'Notifications',
    bellUnread_one: 'Notifications: {{count}} unread',
    bellUnread_other: 'Notifications: {{count}} unread',
    live_one: 'You have {{count}} unread notification',
    live_other: 'You have {{count}} unread notifications',
    liveNone: 'No unread notifications left',
    heading: 'Notifications',
    close: 'Close',
    markAll: 'Mark all as read',
    empty: 'No notifications yet.',
    loadError: 'The notifications could not be loaded.',
    markError: 'The notifications could not be marked as read.',
    retry: 'Try again',
    unread: 'Unread',
    by: 'by {{name}}',
    noLink: 'No page of its own',
    more: 'Show more',
    kinds: notificationKindsIn('en'),
    preferences: {
      heading: 'Notifications',
      intro:
        'Choose which notifications you receive in the application and by e-mail. E-mail is sent only when the server is configured for it, and only for kinds you keep in the application.',
      kind: 'Kind',
      inApp: 'In the application',
      email: 'E-mail',
      saved: 'Saved.',
      saveError: 'Your choice could not be saved.',
      loadError: 'The notification preferences could not be loaded.',
    },
  },
};
