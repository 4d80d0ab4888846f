// Where each figure of the dashboard leads: the list it counts, with the filters in the address as those
// pages read them (tasks: task-views.ts `paramsToFilters`; proposals: `?status`, `?overdue`, `?view`).
import { ProposalStatus, type TaskStatus } from '@quorum/shared';
import { filtersToParams, NO_TASK_FILTERS } from '../tasks/task-views';

export function tasksLink(filters: {
  status?: TaskStatus;
  unitId?: string;
  assigneeId?: string;
  overdue?: boolean;
}): string {
  // One status is a filter of the table (the board shows every status in its columns).
  const mode = filters.status ? 'table' : 'board';
  const params = filtersToParams(
    {
      ...NO_TASK_FILTERS,
      status: filters.status ?? '',
      unitId: filters.unitId ?? '',
      assigneeId: filters.assigneeId ?? '',
      overdue: filters.overdue ?? false,
    },
    mode,
  );
  const search = params.toString();
  return search ? `/tasks?${search}` : '/tasks';
}

/** The proposals in appraisal (every unit's), or those of them late. */
export function appraisalsLink(overdue = false): string {
  const params = new URLSearchParams({ status: ProposalStatus.IN_APPRAISAL });
  if (overdue) params.set('overdue', '1');
  return `/proposals?${params.toString()}`;
}
