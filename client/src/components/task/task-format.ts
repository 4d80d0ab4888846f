import { TaskStatus } from '@quorum/shared';
import type { Locale } from '../../i18n';
import { formatDate, zonedLocalToIso } from '../../i18n/format';

/** The board's columns, in the workflow's order. */
export const TASK_COLUMNS: readonly TaskStatus[] = [
  TaskStatus.TODO,
  TaskStatus.IN_PROGRESS,
  TaskStatus.BLOCKED,
  TaskStatus.DONE,
  TaskStatus.CANCELLED,
];

/** Tasks seeded and entered are due at 17:00 of their day, the end of the office's working day. */
const DUE_TIME = '17:00';

/** A date input's `YYYY-MM-DD` as the instant the server takes: that day, in the organization's zone. */
export function dueDateToIso(day: string, timeZone: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? zonedLocalToIso(`${day}T${DUE_TIME}`, timeZone) : null;
}

/** A due day (`YYYY-MM-DD`, already in the organization's zone) as `26/11/2026` or `26 Nov 2026`. */
export function formatDueDate(day: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  if (locale === 'vi') return `${match[3]}/${match[2]}/${match[1]}`;
  // Noon UTC falls on the same day in every zone.
  return formatDate(`${day}T12:00:00Z`, locale, 'UTC');
}

/** The words on the control that moves a task from `from` to `to`: "reopen" is not "start". */
export function moveKey(from: TaskStatus, to: TaskStatus): string {
  if (from === TaskStatus.DONE && to === TaskStatus.IN_PROGRESS) return 'reopen';
  if (from === TaskStatus.BLOCKED && to === TaskStatus.IN_PROGRESS) return 'resume';
  if (from === TaskStatus.CANCELLED && to === TaskStatus.TODO) return 'restore';
  return to;
}
