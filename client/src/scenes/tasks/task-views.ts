import { useCallback, useEffect, useState } from 'react';
import { TaskStatus } from '@quorum/shared';
import type { TaskFilter } from '../../generated/graphql';

/** What the board and the table can be narrowed to; every value a string so it fits in the address. */
export interface TaskFilterValues {
  unitId: string;
  assigneeId: string;
  meetingId: string;
  overdue: boolean;
  /** The due day's range, `YYYY-MM-DD`, both ends included. */
  dueFrom: string;
  dueTo: string;
  /** The table only: the board shows every status in its columns. */
  status: TaskStatus | '';
}

export const NO_TASK_FILTERS: TaskFilterValues = {
  unitId: '',
  assigneeId: '',
  meetingId: '',
  overdue: false,
  dueFrom: '',
  dueTo: '',
  status: '',
};

export type TaskMode = 'board' | 'table';

export interface SavedTaskView {
  id: string;
  name: string;
  filters: TaskFilterValues;
}

export type BuiltInView = 'mine' | 'unit' | 'overdue';

/** The built-in views, as filters for this viewer; "my unit" only for who works in one. */
export function builtInViews(
  viewerId: string | null,
  unitId: string | null,
): Array<{ id: BuiltInView; filters: TaskFilterValues }> {
  const views: Array<{ id: BuiltInView; filters: TaskFilterValues }> = [];
  if (viewerId) views.push({ id: 'mine', filters: { ...NO_TASK_FILTERS, assigneeId: viewerId } });
  if (unitId) views.push({ id: 'unit', filters: { ...NO_TASK_FILTERS, unitId } });
  views.push({ id: 'overdue', filters: { ...NO_TASK_FILTERS, overdue: true } });
  return views;
}

export function sameFilters(a: TaskFilterValues, b: TaskFilterValues): boolean {
  return (Object.keys(NO_TASK_FILTERS) as Array<keyof TaskFilterValues>).every((key) => a[key] === b[key]);
}

export function anyFilter(filters: TaskFilterValues): boolean {
  return !sameFilters(filters, NO_TASK_FILTERS);
}

/** The filters as URL parameters, and back. */
export function filtersToParams(filters: TaskFilterValues, mode: TaskMode): URLSearchParams {
  const search = new URLSearchParams();
  if (mode === 'table') search.set('mode', 'table');
  if (filters.unitId) search.set('unit', filters.unitId);
  if (filters.assigneeId) search.set('assignee', filters.assigneeId);
  if (filters.meetingId) search.set('meeting', filters.meetingId);
  if (filters.overdue) search.set('overdue', '1');
  if (filters.dueFrom) search.set('from', filters.dueFrom);
  if (filters.dueTo) search.set('to', filters.dueTo);
  if (filters.status && mode === 'table') search.set('status', filters.status);
  return search;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function paramsToFilters(params: URLSearchParams): { mode: TaskMode; filters: TaskFilterValues } {
  const mode: TaskMode = params.get('mode') === 'table' ? 'table' : 'board';
  const status = params.get('status') ?? '';
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : '';
  };
  return {
    mode,
    filters: {
      unitId: params.get('unit') ?? '',
      assigneeId: params.get('assignee') ?? '',
      meetingId: params.get('meeting') ?? '',
      overdue: params.get('overdue') === '1',
      dueFrom: day('from'),
      dueTo: day('to'),
      status:
        mode === 'table' && (Object.values(TaskStatus) as string[]).includes(status)
          ? (status as TaskStatus)
          : '',
    },
  };
}

/** A range whose last day is before its first: the server refuses it, so it is not asked. */
export function dueRangeReversed(filters: TaskFilterValues): boolean {
  return Boolean(filters.dueFrom && filters.dueTo && filters.dueFrom > filters.dueTo);
}

/** The filters as the server takes them. */
export function serverFilter(filters: TaskFilterValues): TaskFilter | null {
  const filter: TaskFilter = {
    ...(filters.unitId ? { assigneeUnitId: filters.unitId } : {}),
    ...(filters.assigneeId ? { assigneeId: filters.assigneeId } : {}),
    ...(filters.meetingId ? { sourceMeetingId: filters.meetingId } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.status ? { status: [filters.status] } : {}),
    ...(filters.dueFrom ? { dueFrom: filters.dueFrom } : {}),
    ...(filters.dueTo ? { dueTo: filters.dueTo } : {}),
  };
  return Object.keys(filter).length > 0 ? filter : null;
}

// Saved views: per user, in this browser.

function storageKey(userId: string): string {
  return `quorum.tasks.views.${userId}`;
}

function isSavedView(value: unknown): value is SavedTaskView {
  if (typeof value !== 'object' || value === null) return false;
  const view = value as Partial<SavedTaskView>;
  return typeof view.id === 'string' && typeof view.name === 'string' && typeof view.filters === 'object';
}

function readViews(userId: string): SavedTaskView[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed
      .filter(isSavedView)
      .map((view) => ({ ...view, filters: { ...NO_TASK_FILTERS, ...view.filters } }));
  } catch {
    return [];
  }
}

/** The viewer's named views, kept in localStorage under their id (another user of the browser has theirs). */
export function useSavedTaskViews(userId: string): {
  views: SavedTaskView[];
  save: (name: string, filters: TaskFilterValues) => SavedTaskView;
  remove: (id: string) => void;
} {
  const [views, setViews] = useState<SavedTaskView[]>(() => readViews(userId));
  useEffect(() => setViews(readViews(userId)), [userId]);
  const write = useCallback(
    (next: SavedTaskView[]) => {
      setViews(next);
      try {
        window.localStorage.setItem(storageKey(userId), JSON.stringify(next));
      } catch {
        // Not kept beyond this page; the view still applies now.
      }
    },
    [userId],
  );
  const save = useCallback(
    (name: string, filters: TaskFilterValues) => {
      const existing = views.find((view) => view.name === name);
      const view = {
        id: existing?.id ?? `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
        name,
        filters,
      };
      write(existing ? views.map((other) => (other.id === existing.id ? view : other)) : [...views, view]);
      return view;
    },
    [views, write],
  );
  const remove = useCallback((id: string) => write(views.filter((view) => view.id !== id)), [views, write]);
  return { views, save, remove };
}
