import { TaskStatus } from './enums.js';

/**
 * Tasks ("nhiệm vụ"): the rules the server enforces and the client shows, in one place.
 *
 * Who moves a task: its assignee unit (every member of the unit the task is assigned to, the named assignee
 * among them) starts it, reports it blocked or done; the office, which follows tasks up ("theo dõi, đôn
 * đốc"), may record the same on the unit's behalf, and alone cancels a task, reopens a done one and restores
 * a cancelled one.
 */
export type TaskActor = 'assignee' | 'office';

const { TODO, IN_PROGRESS, BLOCKED, DONE, CANCELLED } = TaskStatus;
const both: readonly TaskActor[] = ['assignee', 'office'];
const office: readonly TaskActor[] = ['office'];

/** The task's workflow: from each status, where it may go and who may take it there. */
export const taskTransitions: Readonly<
  Record<TaskStatus, Partial<Record<TaskStatus, readonly TaskActor[]>>>
> = {
  [TODO]: { [IN_PROGRESS]: both, [BLOCKED]: both, [CANCELLED]: office },
  [IN_PROGRESS]: { [BLOCKED]: both, [DONE]: both, [CANCELLED]: office },
  [BLOCKED]: { [IN_PROGRESS]: both, [CANCELLED]: office },
  [DONE]: { [IN_PROGRESS]: office },
  [CANCELLED]: { [TODO]: office },
};

/** Where someone acting as `actors` may take a task in `status`, in the enum's order. */
export function allowedTaskTransitions(status: TaskStatus, actors: ReadonlySet<TaskActor>): TaskStatus[] {
  return Object.values(TaskStatus).filter((to) =>
    (taskTransitions[status][to] ?? []).some((actor) => actors.has(actor)),
  );
}

/** The statuses of a task still to be done: it takes progress reports and new due dates, and may be overdue. */
export const openTaskStatuses: readonly TaskStatus[] = [TODO, IN_PROGRESS, BLOCKED];

export function isTaskOpen(status: TaskStatus): boolean {
  return openTaskStatuses.includes(status);
}

/**
 * Reporting a task blocked, cancelling it and reopening a done one say why: the office acts on the obstacle,
 * the unit learns why its work is stopped or not accepted.
 */
export function taskTransitionNeedsReason(from: TaskStatus, to: TaskStatus): boolean {
  return to === BLOCKED || to === CANCELLED || from === DONE;
}

/** Progress is a percentage. */
export const taskProgressMax = 100;

/** Tasks one call creates (from one conclusion), reassigns or extends at once. */
export const tasksPerCallMax = 100;

/** Units named to coordinate one task. */
export const coordinatingUnitsMax = 50;

// Time zones. A task's `dueAt` is an instant; what counts is the day it falls on in the organization's time
// zone: the task is due by the end of that day there, and overdue from the next midnight on.

/** The organization's time zone when it has none that the runtime knows (the demo office is in Vietnam). */
export const defaultTimeZone = 'Asia/Ho_Chi_Minh';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** `timeZone` if the runtime knows it (an IANA name), else `defaultTimeZone`. */
export function knownTimeZone(timeZone: string | null | undefined): string {
  if (!timeZone) return defaultTimeZone;
  try {
    formatterOf(timeZone);
    return timeZone;
  } catch {
    return defaultTimeZone;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(timeZone: string, instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function offsetAt(timeZone: string, instant: number): number {
  const c = wallClock(timeZone, new Date(instant));
  const whole = instant - (((instant % 1000) + 1000) % 1000);
  return Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second) - whole;
}

const isoDay = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A calendar day in a time zone: its date and the instants it spans, [start, end). */
interface ZoneDay {
  date: string;
  start: number;
  end: number;
}

// The day last asked for in each time zone: "today" is asked for once per task in a list (overdue), and
// each answer would otherwise cost five calendar conversions.
const lastDays = new Map<string, ZoneDay>();

function cachedDay(zone: string, instant: Date): ZoneDay | undefined {
  const day = lastDays.get(zone);
  const time = instant.getTime();
  return day && time >= day.start && time < day.end ? day : undefined;
}

/** The calendar day an instant falls on in a time zone, as `YYYY-MM-DD`. */
export function localDateIn(timeZone: string, instant: Date): string {
  const zone = knownTimeZone(timeZone);
  const cached = cachedDay(zone, instant);
  if (cached) return cached.date;
  const c = wallClock(zone, instant);
  return isoDay(c.year, c.month, c.day);
}

/** The first instant of the day `instant` falls on, in a time zone (its midnight there). */
export function startOfDayIn(timeZone: string, instant: Date): Date {
  const zone = knownTimeZone(timeZone);
  const cached = cachedDay(zone, instant);
  if (cached) return new Date(cached.start);
  const c = wallClock(zone, instant);
  const date = isoDay(c.year, c.month, c.day);
  const next = new Date(Date.UTC(c.year, c.month - 1, c.day + 1));
  const day = {
    date,
    start: startOfLocalDate(zone, date).getTime(),
    end: startOfLocalDate(
      zone,
      isoDay(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()),
    ).getTime(),
  };
  lastDays.set(zone, day);
  return new Date(day.start);
}

/** The first instant of a calendar day (`YYYY-MM-DD`) in a time zone: its midnight there. */
export function startOfLocalDate(timeZone: string, date: string): Date {
  const zone = knownTimeZone(timeZone);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const midnight = Date.UTC(year, month - 1, day);
  // The offset at midnight may differ from the one at UTC midnight (a daylight-saving change that day):
  // settle it twice.
  let start = midnight - offsetAt(zone, midnight);
  start = midnight - offsetAt(zone, start);
  return new Date(start);
}

/**
 * Overdue: still open, and its due day (in the organization's time zone) is over. Equivalently, its `dueAt`
 * is before today's midnight there, which is how the task list filters it.
 */
export function isTaskOverdue(
  task: { dueAt: Date; status: TaskStatus },
  now: Date,
  timeZone: string,
): boolean {
  return isTaskOpen(task.status) && task.dueAt.getTime() < startOfDayIn(timeZone, now).getTime();
}

/** Where a task stands in the follow-up report ("báo cáo theo dõi, đôn đốc"); a cancelled task is in none. */
export type FollowUpOutcome = 'doneOnTime' | 'doneLate' | 'overdue' | 'inProgress';

/**
 * Done on time: completed on or before its due day in the organization's time zone; done late: after it.
 * Open tasks are overdue (`isTaskOverdue`) or in progress. A cancelled task counts nowhere.
 */
export function followUpOutcome(
  task: { dueAt: Date; status: TaskStatus; completedAt?: Date | null },
  now: Date,
  timeZone: string,
): FollowUpOutcome | null {
  if (task.status === TaskStatus.CANCELLED) return null;
  if (task.status === TaskStatus.DONE) {
    const done = task.completedAt ?? now;
    return localDateIn(timeZone, done) <= localDateIn(timeZone, task.dueAt) ? 'doneOnTime' : 'doneLate';
  }
  return isTaskOverdue(task, now, timeZone) ? 'overdue' : 'inProgress';
}
