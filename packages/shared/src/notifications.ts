import { EventType } from './events.js';

// What a notification is about, in one list for the server (which decides it when it notifies), the client
// (which says it in words and offers its preferences) and integrators. Stored with each notification, since
// one event can reach people for different reasons (a comment is a reply to its thread's author and a
// mention to those it names); never renamed, only added.
export const NotificationKind = {
  /** Invited to a meeting. */
  INVITATION: 'INVITATION',
  /** A meeting one takes part in was scheduled or cancelled. */
  MEETING_STATUS: 'MEETING_STATUS',
  /** One's unit is asked to appraise a proposal, or one is named its reviewer. */
  APPRAISAL_REQUEST: 'APPRAISAL_REQUEST',
  /** Named in an appraisal comment. */
  MENTION: 'MENTION',
  /** An answer to one's appraisal comment: a reply in its thread, or the drafters resolving it. */
  REPLY: 'REPLY',
  /** A task assigned to one (created, reassigned). */
  ASSIGNMENT: 'ASSIGNMENT',
  /** A task of one's is due soon (the reminder job). */
  DUE_SOON: 'DUE_SOON',
  /** A task is past its due day (the reminder job's escalation). */
  OVERDUE: 'OVERDUE',
  /** Someone else moved what one owns: one's proposal, a task one assigned. */
  STATUS_CHANGE: 'STATUS_CHANGE',
  /** One's webhook was disabled (its deliveries failed for a day, or its token ended). */
  WEBHOOK_DISABLED: 'WEBHOOK_DISABLED',
} as const;

export type NotificationKind = (typeof NotificationKind)[keyof typeof NotificationKind];

export const notificationKinds: readonly NotificationKind[] = Object.values(NotificationKind);

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
