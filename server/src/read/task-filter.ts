import { openTaskStatuses, startOfDayIn, type TaskStatus } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Task } from '../entities/index.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { taskPolicy } from '../policies/task.policy.js';
import { checkDueRange, dueRangeWhere, type DueRange } from './due-range.js';

/** What the task list (`tasks(filter)`) and the follow-up report narrow the tasks by. */
export interface TaskListFilter extends DueRange {
  status?: TaskStatus[] | null;
  assigneeUnitId?: string | null;
  assigneeId?: string | null;
  sourceMeetingId?: string | null;
  overdue?: boolean | null;
}

/** Whether the filter counts in the organization's days (overdue, due days), so needs its time zone. */
export function countsDays(filter: TaskListFilter): boolean {
  return typeof filter.overdue === 'boolean' || !!filter.dueFrom || !!filter.dueTo;
}

/**
 * The tasks the viewer may read that the filter keeps. `timeZone` is the organization's, needed when
 * `countsDays`; a bad due range is BAD_USER_INPUT.
 */
export function taskWhere(
  viewer: Viewer,
  filter: TaskListFilter,
  timeZone: string | null,
  now = new Date(),
): FilterQuery<Task> {
  checkDueRange(filter);
  const open = [...openTaskStatuses];
  // Overdue: due before today's midnight in the organization's time zone (`isTaskOverdue`).
  const today = timeZone ? startOfDayIn(timeZone, now) : null;
  return {
    $and: [
      taskPolicy.readable(viewer),
      {
        ...(filter.status?.length ? { status: { $in: filter.status } } : {}),
        ...(filter.assigneeUnitId ? { assigneeUnit: filter.assigneeUnitId } : {}),
        ...(filter.assigneeId ? { assignee: filter.assigneeId } : {}),
        // Only a meeting the viewer may read: a hidden one's tasks would tell that they came from it.
        ...(filter.sourceMeetingId
          ? { sourceMeeting: { $and: [{ id: filter.sourceMeetingId }, meetingPolicy.readable(viewer)] } }
          : {}),
      },
      filter.overdue === true ? { dueAt: { $lt: today }, status: { $in: open } } : {},
      filter.overdue === false ? { $or: [{ dueAt: { $gte: today } }, { status: { $nin: open } }] } : {},
      timeZone ? dueRangeWhere(timeZone, filter) : {},
    ],
  };
}
