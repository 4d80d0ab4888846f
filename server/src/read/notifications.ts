import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { Notification, type User } from '../entities/index.js';
import { visibleChanges } from '../policies/event.policy.js';
import { loadSubjects, mayReadSubject, type Subject } from '../policies/subject.policy.js';

/**
 * How far back the notification centre looks: a user's newest notifications, this many at most. Older ones
 * are neither listed nor counted (they are kept, and a read of them marks them as ever).
 */
export const notificationWindow = 500;

/** A notification as the API shows it: its event with the subject as the viewer may read it now. */
export interface NotificationView {
  id: string;
  kind: Notification['kind'];
  createdAt: Date;
  readAt: Date | null;
  event: {
    cursor: string;
    type: string;
    occurredAt: Date;
    actor: User | null;
    changes: ReturnType<typeof visibleChanges>;
    subject: Subject;
  };
}

/**
 * The viewer's notifications, newest first, each with its subject, leaving out those whose subject the viewer
 * may not read now (nor is it counted anywhere): what `notifications` lists and `unreadCount` counts.
 */
export async function viewerNotifications(
  em: EntityManager,
  viewer: Viewer,
  options: { unreadOnly?: boolean; createdAfter?: Date } = {},
): Promise<NotificationView[]> {
  const notifications = await em.find(
    Notification,
    {
      user: viewer.userId,
      ...(options.unreadOnly ? { readAt: null } : {}),
      ...(options.createdAfter ? { createdAt: { $gt: options.createdAfter } } : {}),
    },
    {
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: notificationWindow,
      populate: ['event', 'event.actor'],
    },
  );
  const events = notifications.map((n) => n.event.getEntity());
  const subjects = await loadSubjects(em, events);
  const views: NotificationView[] = [];
  for (const notification of notifications) {
    const event = notification.event.getEntity();
    if (event.organization.id !== viewer.organizationId) continue;
    const subject = subjects.get(`${event.subjectType}:${event.subjectId}`);
    if (!subject || !mayReadSubject(viewer, subject)) continue;
    views.push({
      id: notification.id,
      kind: notification.kind,
      createdAt: notification.createdAt,
      readAt: notification.readAt ?? null,
      event: {
        cursor: event.seq,
        type: event.type,
        occurredAt: event.occurredAt,
        actor: event.actor?.getEntity() ?? null,
        changes: visibleChanges(event, subject),
        subject,
      },
    });
  }
  return views;
}

/** How many of the viewer's notifications are unread, of those it may read. */
export async function unreadCount(em: EntityManager, viewer: Viewer): Promise<number> {
  return (await viewerNotifications(em, viewer, { unreadOnly: true })).length;
}
