import type { EnumDescription } from './enum-descriptions.js';
import { EventType } from './events.js';

// What a notification is about, in one list for the server (which decides it when it notifies), the client
// (which says it in words and offers its preferences) and integrators. Stored with each notification, since
// one event can reach people for different reasons (a comment is a reply to its thread's author and a
// mention to those it names); never renamed, only added.
export const NotificationKind = {
  INVITATION: 'INVITATION',
  MEETING_STATUS: 'MEETING_STATUS',
  APPRAISAL_REQUEST: 'APPRAISAL_REQUEST',
  MENTION: 'MENTION',
  REPLY: 'REPLY',
  ASSIGNMENT: 'ASSIGNMENT',
  DUE_SOON: 'DUE_SOON',
  OVERDUE: 'OVERDUE',
  STATUS_CHANGE: 'STATUS_CHANGE',
  WEBHOOK_DISABLED: 'WEBHOOK_DISABLED',
} as const;

export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

export const notificationKinds: readonly NotificationKind[] = Object.values(NotificationKind);

/** What each kind means, for the schema's descriptions (see enum-descriptions.ts). */
export const notificationKindDescription: EnumDescription<typeof NotificationKind> = {
  description:
    'Why a notification reached its user. Kinds may be added: a client should accept unknown ones.',
  values: {
    INVITATION: 'The user was invited to a meeting.',
    MEETING_STATUS: 'A meeting the user takes part in was scheduled or cancelled.',
    APPRAISAL_REQUEST: "The user's unit is asked to appraise a proposal, or the user is named its reviewer.",
    MENTION: 'The user is named in an appraisal comment.',
    REPLY: "An answer to the user's appraisal comment: a reply in its thread, or the drafters resolving it.",
    ASSIGNMENT: 'A task was assigned to the user (created or reassigned).',
    DUE_SOON: 'A task is due soon: sent to its named assignee, else to the heads of its assignee unit.',
    OVERDUE: "A task is past its due day: sent to the heads of its assignee unit and to the office's staff.",
    STATUS_CHANGE: 'Someone else moved what the user owns: their proposal, a task they assigned.',
    WEBHOOK_DISABLED:
      "The user's webhook was disabled (its deliveries failed for a day, or its token ended).",
  },
};

/** Each kind in words, in Vietnamese and English: the notification centre's and the e-mails'. */
export const notificationKindWords: Record<NotificationKind, { vi: string; en: string }> = {
  INVITATION: { vi: 'Giấy mời họp', en: 'Meeting invitation' },
  MEETING_STATUS: { vi: 'Thay đổi lịch họp', en: 'Meeting schedule changed' },
  APPRAISAL_REQUEST: { vi: 'Đề nghị thẩm định', en: 'Appraisal requested' },
  MENTION: { vi: 'Bạn được nhắc đến', en: 'You were mentioned' },
  REPLY: { vi: 'Trả lời ý kiến của bạn', en: 'Reply to your comment' },
  ASSIGNMENT: { vi: 'Nhiệm vụ được giao', en: 'Task assigned to you' },
  DUE_SOON: { vi: 'Nhiệm vụ sắp đến hạn', en: 'Task due soon' },
  OVERDUE: { vi: 'Nhiệm vụ quá hạn', en: 'Task overdue' },
  STATUS_CHANGE: { vi: 'Thay đổi trạng thái', en: 'Status changed' },
  WEBHOOK_DISABLED: { vi: 'Webhook bị tắt', en: 'Webhook disabled' },
};

/** The kinds' words in one language, as the client's texts take them. */
export function notificationKindsIn(language: 'vi' | 'en'): Record<NotificationKind, string> {
  return Object.fromEntries(
    notificationKinds.map((kind) => [kind, notificationKindWords[kind][language]]),
  ) as Record<NotificationKind, string>;
}

const byEventType: Partial<Record<EventType, NotificationKind>> = {
  [EventType.PARTICIPANT_ADDED]: NotificationKind.INVITATION,
  [EventType.MEETING_STATUS_CHANGED]: NotificationKind.MEETING_STATUS,
  [EventType.APPRAISAL_REQUESTED]: NotificationKind.APPRAISAL_REQUEST,
  [EventType.APPRAISAL_REVIEWER_ASSIGNED]: NotificationKind.APPRAISAL_REQUEST,
  [EventType.APPRAISAL_COMMENT_ADDED]: NotificationKind.REPLY,
  [EventType.APPRAISAL_COMMENT_RESOLVED]: NotificationKind.REPLY,
  [EventType.TASK_CREATED]: NotificationKind.ASSIGNMENT,
  [EventType.TASK_UPDATED]: NotificationKind.ASSIGNMENT,
  [EventType.TASK_REASSIGNED]: NotificationKind.ASSIGNMENT,
  [EventType.TASK_REMINDED]: NotificationKind.DUE_SOON,
  [EventType.TASK_ESCALATED]: NotificationKind.OVERDUE,
  [EventType.PROPOSAL_STATUS_CHANGED]: NotificationKind.STATUS_CHANGE,
  [EventType.TASK_STATUS_CHANGED]: NotificationKind.STATUS_CHANGE,
  [EventType.WEBHOOK_DISABLED]: NotificationKind.WEBHOOK_DISABLED,
};

/**
 * The kind a notification of this event has unless its writer says otherwise (a comment that mentions
 * someone is a MENTION for them). An event type that never notifies has none.
 */
export function notificationKindOf(type: string): NotificationKind | undefined {
  return byEventType[type as EventType];
}

export interface NotificationChannels {
  inApp: boolean;
  email: boolean;
}

/**
 * What a user gets of each kind before choosing: everything in the application; by e-mail (when the server
 * sends any) what asks something of them, not the news of what moved.
 */
export function defaultNotificationChannels(kind: NotificationKind): NotificationChannels {
  return {
    inApp: true,
    email: kind !== NotificationKind.STATUS_CHANGE && kind !== NotificationKind.MEETING_STATUS,
  };
}
