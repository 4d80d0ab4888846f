import {
  AppraisalStatus,
  localDateIn,
  openTaskStatuses,
  type ProgrammeItemStatus,
  startOfDayIn,
  TaskStatus,
  upcomingMeetingStatuses,
  Verdict,
} from '@quorum/shared';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/viewer.js';
import {
  progressByMonth,
  type MonthProgress,
  type ProgrammeItemFacts,
} from '../domain/programme-progress.js';
import {
  AppraisalAssignment,
  Meeting,
  Organization,
  ProgrammeItem,
  Task,
  WorkProgramme,
} from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { programmePolicy } from '../policies/programme.policy.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import type { Row, Rows } from './rows.js';
import { taskWhere } from './task-filter.js';

// The leaders' dashboard (issue 13, item 1): figures over what the viewer may read, each one the total of a
// list query with the filter named beside it, so that an integrator (and the client's links) can get the
// list behind a figure. Counted in SQL, a fixed number of statements whatever the data's size.

/** Weeks of the overdue trend, the last one ending now. */
export const overdueTrendWeeks = 8;
/** Upcoming meetings shown, and the viewer's own tasks and waiting appraisals listed. */
export const upcomingMeetingsShown = 5;
export const ownTasksShown = 10;
export const waitingAppraisalsShown = 20;

export interface UnitTaskCounts {
  unitId: string;
  open: number;
  overdue: number;
  done: number;
}

export interface OverduePoint {
  /** The moment counted: now, and the same time of day one to seven weeks before. */
  at: Date;
  /** Its day in the organization's time zone. */
  date: string;
  overdue: number;
}

export interface DashboardFigures {
  year: number;
  asOf: Date;
  timeZone: string;
  programmes: Row<WorkProgramme>[];
  programmeProgress: MonthProgress[];
  plannedCount: number;
  adoptedCount: number;
  tasksByStatus: { status: TaskStatus; count: number }[];
  tasksByUnit: UnitTaskCounts[];
  overdueTrend: OverduePoint[];
  upcomingFrom: Date;
  upcomingMeetingCount: number;
  upcomingMeetings: Row<Meeting>[];
  appraisalsWaiting: number;
  appraisalsOverdue: number;
  waitingForViewerUnits: Row<AppraisalAssignment>[];
  ownOpenTaskCount: number;
  ownTasks: Row<Task>[];
}

/** This year in the organization's time zone. */
export function currentYear(timeZone: string, now = new Date()): number {
  return Number(localDateIn(timeZone, now).slice(0, 4));
}

const day = 86_400_000;
const int = (value: unknown) => Number(value ?? 0);

/**
 * The dashboard's figures for the viewer, for `year` (the programme's; the other figures are as of now).
 * Statements: the organization (cached per operation), programmes, their items by month and status, tasks by
 * status, tasks by unit, the overdue trend, upcoming meetings and their count, pending appraisal units (two
 * counts and a list), the viewer's own tasks and their count.
 */
export async function dashboardFigures(
  em: SqlEntityManager,
  rows: Rows,
  viewer: Viewer,
  year: number | null,
  now = new Date(),
): Promise<DashboardFigures> {
  const { timeZone } = await rows.one(Organization, { id: viewer.organizationId });
  const theYear = year ?? currentYear(timeZone, now);
  const today = startOfDayIn(timeZone, now);
  const open = [...openTaskStatuses];
  const readableTasks = taskWhere(viewer, {}, timeZone, now);

  const programmesOf = rows.find(
    WorkProgramme,
    { $and: [programmePolicy.readable(viewer), { year: theYear }] },
    { orderBy: { year: 'desc', id: 'asc' } },
  );

  // Each status's count: `tasks(filter: { status: [s] }).totalCount`.
  const byStatus = em
    .createQueryBuilder(Task, 't')
    .select(['t.status', raw('count(*) as n')])
    .where(readableTasks)
    .groupBy('t.status')
    .execute<{ status: TaskStatus; n: unknown }[]>('all', false);

  // Each assignee unit: open (`status: openTaskStatuses`), overdue (`overdue: true`), done (`status: [DONE]`).
  const byUnit = em
    .createQueryBuilder(Task, 't')
    .select([
      't.assignee_unit_id',
      raw(`count(*) filter (where t.status in (${open.map(() => '?').join(', ')})) as open`, open),
      raw(
        `count(*) filter (where t.status in (${open.map(() => '?').join(', ')}) and t.due_at < ?) as overdue`,
        [...open, today],
      ),
      raw('count(*) filter (where t.status = ?) as done', [TaskStatus.DONE]),
    ])
    .where(readableTasks)
    .groupBy('t.assignee_unit_id')
    .execute<{ assignee_unit_id: string; open: unknown; overdue: unknown; done: unknown }[]>('all', false);

  // Overdue at each of the last weeks' moments, from due and completion dates: created by then, due before
  // that day's midnight, not completed by then, not cancelled since. The last point (now) is the list's
  // `overdue: true` count exactly: an open task has no completion date.
  const moments = Array.from(
    { length: overdueTrendWeeks },
    (_, index) => new Date(now.getTime() - (overdueTrendWeeks - 1 - index) * 7 * day),
  );
  const trend = em
    .createQueryBuilder(Task, 't')
    .select(
      moments.map((at, index) =>
        raw(
          `count(*) filter (where t.status <> ? and t.created_at <= ? and t.due_at < ? and (t.completed_at is null or t.completed_at > ?)) as w${index}`,
          [TaskStatus.CANCELLED, at, startOfDayIn(timeZone, at), at],
        ),
      ),
    )
    .where(readableTasks)
    .execute<Record<string, unknown>>('get', false);

  // Upcoming: `meetings(filter: { status: upcomingMeetingStatuses, from: upcomingFrom })`, soonest first.
  const upcomingWhere: FilterQuery<Meeting> = {
    $and: [
      meetingPolicy.readable(viewer),
      { isTemplate: false, status: { $in: [...upcomingMeetingStatuses] }, startsAt: { $gte: today } },
    ],
  };
  const upcoming = rows.find(Meeting, upcomingWhere, {
    orderBy: { startsAt: 'asc', id: 'asc' },
    limit: upcomingMeetingsShown,
  });
  const upcomingCount = em.count(Meeting, upcomingWhere);

  // Units asked by an open round that have not answered, on proposals the viewer may read; overdue once the
  // round's deadline has passed (`isAssignmentOverdue`, the round being open).
  const pending: FilterQuery<AppraisalAssignment> = {
    verdict: Verdict.PENDING,
    appraisal: { status: AppraisalStatus.OPEN, proposal: proposalPolicy.readable(viewer) },
  };
  const waiting = em.count(AppraisalAssignment, pending);
  const late = em.count(AppraisalAssignment, { $and: [pending, { appraisal: { dueAt: { $lt: now } } }] });
  const mine = viewer.unitIds.size
    ? rows.find(
        AppraisalAssignment,
        { $and: [pending, { unit: { $in: [...viewer.unitIds] } }] },
        { orderBy: { id: 'asc' }, limit: waitingAppraisalsShown },
      )
    : Promise.resolve([]);

  // The viewer's own open tasks: `tasks(filter: { assigneeId: viewer, status: openTaskStatuses })`.
  const ownWhere = taskWhere(viewer, { assigneeId: viewer.userId, status: open }, timeZone, now);
  const own = rows.find(Task, ownWhere, { orderBy: { dueAt: 'asc', id: 'asc' }, limit: ownTasksShown });
  const ownCount = em.count(Task, ownWhere);

  const programmes = await programmesOf;
  // Items by planned month and status, summed over the year's programmes; the months' curve as the
  // programme page draws it (`progressByMonth`).
  const itemCounts = programmes.length
    ? await em
        .createQueryBuilder(ProgrammeItem, 'i')
        .select(['i.planned_month', 'i.status', raw('count(*) as n')])
        .where({ programme: { $in: programmes.map((p) => p.id) } })
        .groupBy(['i.planned_month', 'i.status'])
        .execute<{ planned_month: number; status: ProgrammeItemStatus; n: unknown }[]>('all', false)
    : [];
  const facts: ProgrammeItemFacts[] = itemCounts.flatMap((row) =>
    Array.from({ length: int(row.n) }, () => ({
      status: row.status,
      plannedMonth: int(row.planned_month),
      leadUnitId: '',
    })),
  );
  const programmeProgress = progressByMonth(facts);

  const [statusRows, unitRows, trendRow, upcomingMeetings, upcomingMeetingCount] = await Promise.all([
    byStatus,
    byUnit,
    trend,
    upcoming,
    upcomingCount,
  ]);
  const [appraisalsWaiting, appraisalsOverdue, waitingForViewerUnits, ownTasks, ownOpenTaskCount] =
    await Promise.all([waiting, late, mine, own, ownCount]);

  const statusCounts = new Map(statusRows.map((row) => [row.status, int(row.n)]));
  const last = programmeProgress[programmeProgress.length - 1]!;
  return {
    year: theYear,
    asOf: now,
    timeZone,
    programmes,
    programmeProgress,
    plannedCount: last.plannedToDate,
    adoptedCount: last.adoptedToDate,
    tasksByStatus: Object.values(TaskStatus).map((status) => ({
      status,
      count: statusCounts.get(status) ?? 0,
    })),
    tasksByUnit: unitRows
      .map((row) => ({
        unitId: row.assignee_unit_id,
        open: int(row.open),
        overdue: int(row.overdue),
        done: int(row.done),
      }))
      .sort((a, b) => b.open - a.open || b.done - a.done || a.unitId.localeCompare(b.unitId)),
    overdueTrend: moments.map((at, index) => ({
      at,
      date: localDateIn(timeZone, at),
      overdue: int(trendRow?.[`w${index}`]),
    })),
    upcomingFrom: today,
    upcomingMeetingCount,
    upcomingMeetings,
    appraisalsWaiting,
    appraisalsOverdue,
    waitingForViewerUnits,
    ownOpenTaskCount,
    ownTasks,
  };
}
