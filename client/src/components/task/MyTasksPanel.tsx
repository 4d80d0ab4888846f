import { useEffect, useId, useMemo, useRef } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskStatus } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { LoadingState } from '../LoadState';
import { useLocale } from '../../hooks/useFormat';
import { useTaskListEvents } from '../../hooks/useTaskEvents';
import { useTaskViewer } from '../../hooks/useTaskViewer';
import { OverdueBadge, TaskStatusBadge } from './TaskBadges';
import { formatDueDate } from './task-format';
import { TasksDocument } from '../../generated/graphql';
import type { TaskRowFieldsFragment } from '../../generated/graphql';

const OPEN = [TaskStatus.TODO, TaskStatus.IN_PROGRESS, TaskStatus.BLOCKED];
/** The home shows the most pressing few; the rest are on the task list. */
const SHOWN = 8;

/**
 * "My tasks" on the viewer's home: the open tasks assigned to them and, for a unit's head or deputy, to the
 * units they lead, soonest due first, with a link to all of them. Live: read again on any task's change.
 */
export function MyTasksPanel() {
  const { t } = useTranslation();
  const id = useId();
  const locale = useLocale();
  const viewer = useTaskViewer();
  const mine = useQuery(TasksDocument, {
    variables: { first: 50, filter: { assigneeId: viewer.viewerId ?? '', status: OPEN } },
    skip: !viewer.viewerId,
  });
  // One unit's tasks (the usual case for a leader); a second unit led is on the list page.
  const ledUnit = viewer.ledUnits[0]?.id;
  const unit = useQuery(TasksDocument, {
    variables: { first: 50, filter: { assigneeUnitId: ledUnit ?? '', status: OPEN } },
    skip: !ledUnit,
  });
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);
  const live = useTaskListEvents(() => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => {
      if (viewer.viewerId) void mine.refetch().catch(() => undefined);
      if (ledUnit) void unit.refetch().catch(() => undefined);
    }, 100);
  });

  const tasks = useMemo(() => {
    const all = new Map<string, TaskRowFieldsFragment>();
    for (const edge of [...(mine.data?.tasks.edges ?? []), ...(unit.data?.tasks.edges ?? [])])
      all.set(edge.node.id, edge.node);
    // A task moved out of the open statuses stays in the cached list until it is read again.
    return [...all.values()]
      .filter((task) => OPEN.includes(task.status))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }, [mine.data, unit.data]);
  const loading = viewer.loading || (mine.loading && !mine.data) || (!!ledUnit && unit.loading && !unit.data);
  const error = mine.error ?? unit.error ?? viewer.error;
  const overdue = tasks.filter((task) => task.overdue).length;

  return (
    <section className="panel my-tasks" aria-labelledby={`${id}-heading`} data-testid="my-tasks">
      <div className="my-tasks__head">
        <h2 id={`${id}-heading`} className="panel__title">
          {t('tasks.home.heading')} {tasks.length > 0 && <span className="panel__count">{tasks.length}</span>}
        </h2>
        {overdue > 0 && (
          <span className="badge badge--task-overdue">
            {t('tasks.home.overdueCount', { count: overdue })}
          </span>
        )}
        <Link to="/tasks" className="my-tasks__all" data-testid="my-tasks-all">
          {t('tasks.home.all')}
        </Link>
      </div>
      {loading ? (
        <LoadingState label={t('tasks.list.loading')} />
      ) : error && tasks.length === 0 ? (
        <p className="field__error" role="alert">
          {t('tasks.list.loadError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
        </p>
      ) : tasks.length === 0 ? (
        <p className="admin-table__muted" data-testid="my-tasks-empty">
          {t('tasks.home.empty')}
        </p>
      ) : (
        <ul className="my-tasks__list">
          {tasks.slice(0, SHOWN).map((task) => (
            <li key={task.id} className="my-tasks__item" data-testid="my-task" data-task-id={task.id}>
              <Link to={`/tasks/${task.id}`} className="my-tasks__title">
                {task.title}
              </Link>
              <span className="my-tasks__meta">
                <span title={task.assigneeUnit.name}>
                  {task.assigneeUnit.shortName ?? task.assigneeUnit.name}
                </span>
                {' · '}
                <span className={task.overdue ? 'task-due task-due--overdue' : 'task-due'}>
                  {t('tasks.dueOn', { date: formatDueDate(task.dueDate, locale) })}
                </span>{' '}
                <OverdueBadge overdue={task.overdue} /> <TaskStatusBadge status={task.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {tasks.length > SHOWN && (
        <p className="my-tasks__more">
          <Link to="/tasks">{t('tasks.home.more', { count: tasks.length - SHOWN })}</Link>
        </p>
      )}
      <div className="visually-hidden" aria-live="polite">
        {live.announcement}
      </div>
    </section>
  );
}
