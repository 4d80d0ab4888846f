import { SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import {
  AgendaItem,
  Appraisal,
  Meeting,
  Notification,
  Organization,
  ProgrammeItem,
  Proposal,
  Task,
  Unit,
  User,
  WorkProgramme,
  type Event,
} from '../entities/index.js';
import { visibleChanges } from '../policies/event.policy.js';
import { mayReadSubject, type Subject } from '../policies/subject.policy.js';

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

const entities = {
  [SubjectType.ORGANIZATION]: { entity: Organization, populate: [] },
  [SubjectType.UNIT]: { entity: Unit, populate: [] },
  [SubjectType.USER]: { entity: User, populate: [] },
  [SubjectType.MEETING]: { entity: Meeting, populate: [] },
  [SubjectType.AGENDA_ITEM]: { entity: AgendaItem, populate: ['meeting'] },
  [SubjectType.PROPOSAL]: { entity: Proposal, populate: [] },
  [SubjectType.TASK]: { entity: Task, populate: [] },
  [SubjectType.APPRAISAL]: { entity: Appraisal, populate: ['proposal'] },
  [SubjectType.PROGRAMME]: { entity: WorkProgramme, populate: [] },
  [SubjectType.PROGRAMME_ITEM]: { entity: ProgrammeItem, populate: ['programme'] },
} as const;

/** The events' subjects as they are now, one read per subject type (as `loadSubject` loads one). */
async function loadSubjects(em: EntityManager, events: readonly Event[]): Promise<Map<string, Subject>> {
  const idsByType = new Map<SubjectType, Set<string>>();
  for (const event of events) {
    const ids = idsByType.get(event.subjectType) ?? new Set<string>();
    ids.add(event.subjectId);
    idsByType.set(event.subjectType, ids);
  }
  const subjects = new Map<string, Subject>();
  for (const [type, ids] of idsByType) {
    const { entity, populate } = entities[type];
    const found = (await em.find(
      entity as typeof Task,
      { id: { $in: [...ids] } },
      {
        populate: populate as never,
      },
    )) as unknown as Subject[];
    for (const subject of found) subjects.set(`${type}:${subject.id}`, subject);
  }
  return subjects;
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
