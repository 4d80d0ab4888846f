import {
  Classification,
  EventType,
  isTaskOpen,
  isTaskOverdue,
  knownTimeZone,
  localDateIn,
  MembershipRole,
  SubjectType,
  TaskStatus,
  UnitKind,
} from '@quorum/shared';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { askNotifications } from '../commands/notification-outbox.js';
import { runWrite } from '../commands/run-command.js';
import { Organization, Task } from '../entities/index.js';
import type { NotificationHub } from '../realtime/notification-hub.js';
import type { JobQueue } from './queue.js';
import type { ChangeFeed } from '../realtime/change-feed.js';

// Reminders and escalation of tasks (issue 12, item 2). One function does the work, whatever runs it: it finds
// the open tasks due within the reminder schedule or overdue, in their organization's time zone, and for each
// records what it sends in `task_reminder` (task, kind, due date) in the same transaction as the event and
// the notifications. A row already there means already sent: a second run, another instance or a restart
// sends nothing twice, and a run that fails sends nothing. A new due date (an extension) is another key, so
// its reminders go again.

/** `reminder-3` three days before the due day, …; `escalation` once the due day is over. */
export type ReminderKind = `reminder-${number}` | 'escalation';

export interface SentReminder {
  taskId: string;
  kind: ReminderKind;
  dueAt: Date;
  userIds: string[];
}

export interface ReminderRunOptions {
  /** Days before the due day on which reminders go (`Config.taskReminderDays`). */
  days: readonly number[];
  now?: Date;
}

const openStatuses = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];
const dayMs = 86_400_000;

/** Whole calendar days from `from` to `to`, both `YYYY-MM-DD`. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** What is due for a task now: the nearest reminder of the schedule not yet past, or the escalation. */
export function reminderKindAt(
  task: { dueAt: Date; status: TaskStatus },
  now: Date,
  timeZone: string,
  days: readonly number[],
): ReminderKind | undefined {
  if (!isTaskOpen(task.status)) return undefined;
  if (isTaskOverdue(task, now, timeZone)) return 'escalation';
  const left = daysBetween(localDateIn(timeZone, now), localDateIn(timeZone, task.dueAt));
  const day = [...days].sort((a, b) => a - b).find((d) => d >= left);
  return day === undefined ? undefined : `reminder-${day}`;
}

async function rows<T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> {
  return em.getConnection().execute<T[]>(sql, params, 'all', em.getTransactionContext());
}

/**
 * Who hears of it. A reminder: the named assignee, else the heads of the assignee unit. An escalation: the
 * heads of the assignee unit and the office's staff. Active users only; a CONFIDENTIAL task only reaches
 * those on its list (or named on it), as only they may read it.
 */
async function recipients(em: EntityManager, task: Task, kind: ReminderKind): Promise<string[]> {
  const users =
    kind !== 'escalation' && task.assignee
      ? [task.assignee.id]
      : (
          await rows<{ user_id: string }>(
            em,
            `select distinct m.user_id from membership m join unit u on u.id = m.unit_id
             where (m.unit_id = ? and m.role = ?) or (? and u.organization_id = ? and u.kind = ?)`,
            [
              task.assigneeUnit.id,
              MembershipRole.HEAD,
              kind === 'escalation',
              task.organization.id,
              UnitKind.OFFICE,
            ],
          )
        ).map((row) => row.user_id);
  if (users.length === 0) return [];
  const active = await rows<{ id: string }>(
    em,
    `select id from "user" where id in (${users.map(() => '?').join(', ')}) and active`,
    users,
  );
  let ids = active.map((row) => row.id);
  if (task.classification === Classification.CONFIDENTIAL) {
    const listed = new Set(
      (
        await rows<{ user_id: string }>(em, 'select user_id from task_access where task_id = ?', [task.id])
      ).map((row) => row.user_id),
    );
    ids = ids.filter((id) => listed.has(id) || id === task.assignee?.id);
  }
  return ids.sort();
}

/**
 * One run: everything due at `now` is sent, in one transaction (serialized with any other run by an
 * advisory lock), and the feed hears of its events once committed. Returns what it sent.
 */
export async function runTaskReminders(
  orm: MikroORM,
  feed: ChangeFeed,
  options: ReminderRunOptions,
  notifications: Pick<NotificationHub, 'committed'>,
): Promise<SentReminder[]> {
  const now = options.now ?? new Date();
  const furthest = Math.max(0, ...options.days);
  return runWrite(orm.em.fork(), { feed, notifications }, async (em) => {
    await rows(em, "select pg_advisory_xact_lock(hashtext('quorum.task-reminders'))", []);
    // A due day `furthest` days ahead in any time zone ends within furthest + 2 days of now.
    const tasks = await em.find(
      Task,
      { status: { $in: openStatuses }, dueAt: { $lt: new Date(now.getTime() + (furthest + 2) * dayMs) } },
      { orderBy: { dueAt: 'asc', id: 'asc' }, refresh: true },
    );
    const zones = new Map<string, string>();
    for (const org of await em.find(Organization, {
      id: { $in: [...new Set(tasks.map((t) => t.organization.id))] },
    }))
      zones.set(org.id, knownTimeZone(org.timeZone));
    const done: SentReminder[] = [];
    for (const task of tasks) {
      const kind = reminderKindAt(task, now, zones.get(task.organization.id)!, options.days);
      if (!kind) continue;
      const inserted = await rows<{ task_id: string }>(
        em,
        `insert into task_reminder (task_id, kind, due_at, sent_at) values (?, ?, ?, ?)
         on conflict do nothing returning task_id`,
        [task.id, kind, task.dueAt, now],
      );
      if (inserted.length === 0) continue;
      const userIds = await recipients(em, task, kind);
      const event = await feed.append(em, {
        organizationId: task.organization.id,
        actorId: undefined,
        type: kind === 'escalation' ? EventType.TASK_ESCALATED : EventType.TASK_REMINDED,
        subject: { type: SubjectType.TASK, id: task.id },
        ...(task.sourceMeeting ? { scope: { type: SubjectType.MEETING, id: task.sourceMeeting.id } } : {}),
        classification: task.classification,
        changes: {
          reminder: { before: null, after: kind },
          dueAt: { before: null, after: task.dueAt.toISOString() },
        },
      });
      askNotifications(em, event, userIds);
      done.push({ taskId: task.id, kind, dueAt: task.dueAt, userIds });
    }
    return done;
  });
}

/** pg-boss's queue of reminder runs (PostgreSQL only), in its own schema. */
export const reminderQueue = 'task-reminders';

/**
 * Runs the reminders every `intervalMs` (and once at start); the state is all in the database, so a restart
 * resumes where the last committed run left off. On PostgreSQL each instance's timer enqueues a run in
 * pg-boss's `stately` queue (one waiting, one running at most, whoever asks) and one instance's worker runs
 * it, retried when it fails; on the embedded database (one process) the timer runs it here. Either way, runs
 * at once take turns on the run's lock and skip what was sent.
 */
export class TaskReminderJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private queued = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly feed: ChangeFeed,
    private readonly days: readonly number[],
    private readonly intervalMs: number,
    /** The runs go through it on PostgreSQL; without it (PGlite), in this process. */
    private readonly queue: JobQueue,
    /** Told whom each run notified, after its commit. */
    private readonly notifications: Pick<NotificationHub, 'committed'>,
  ) {}

  /** How the runs are made: `queue` (pg-boss), `timer` (in process), or `off`. */
  get mode(): 'queue' | 'timer' | 'off' {
    return this.timer ? (this.queued ? 'queue' : 'timer') : 'off';
  }

  async start(): Promise<void> {
    if (this.intervalMs <= 0 || this.timer) return;
    this.queued = await this.queue.work(
      reminderQueue,
      { policy: 'stately', retryLimit: 3, retryDelay: 5, expireInSeconds: 300 },
      { pollingIntervalSeconds: Math.min(2, Math.max(0.5, this.intervalMs / 1000)) },
      // A failure is thrown to pg-boss, which tries the run again.
      async () => {
        await this.run();
      },
    );
    const due = this.queued ? () => this.queue.send(reminderQueue, {}) : () => void this.tick();
    this.timer = setInterval(due, this.intervalMs);
    this.timer.unref();
    due();
  }

  /** One run now, after the one under way in this process (if any). */
  private run(now?: Date): Promise<SentReminder[]> {
    const run = this.running
      .catch(() => undefined)
      .then(() =>
        runTaskReminders(
          this.orm,
          this.feed,
          { days: this.days, ...(now ? { now } : {}) },
          this.notifications,
        ),
      );
    this.running = run.catch(() => undefined);
    return run;
  }

  /** One run now, here (the timer's, and the tests'); its failure is logged, never thrown. */
  tick(now?: Date): Promise<SentReminder[]> {
    return this.run(now).catch((error: unknown) => {
      console.error('Task reminders failed (they will be tried again):', error);
      return [] as SentReminder[];
    });
  }

  /** Stops the timer and waits for a run under way here (the queue's stop waits for the queue's). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
