import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../hooks/useFormat';
import { OverdueBadge, TaskPriorityBadge, TaskStatusBadge } from './TaskBadges';
import { formatDueDate } from './task-format';
import type { TaskRowFieldsFragment } from '../../generated/graphql';

interface TaskTableProps {
  tasks: readonly TaskRowFieldsFragment[];
  describedBy?: string;
  /** Rows that may be chosen for a bulk change (the office); none means no choosing column. */
  selectable?: (task: TaskRowFieldsFragment) => boolean;
  selected?: ReadonlySet<string>;
  onSelect?: (ids: string[], chosen: boolean) => void;
}

export function TaskTable({ tasks, describedBy, selectable, selected, onSelect }: TaskTableProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const choosable = selectable ? tasks.filter(selectable) : [];
  const withChoice = !!selectable && !!onSelect && choosable.length > 0;
  const allChosen = withChoice && choosable.every((task) => selected?.has(task.id));
  return (
    <div className="table-wrap">
      <table className="meetings-table tasks-table" aria-describedby={describedBy} data-testid="tasks-table">
        <caption className="visually-hidden">{t('tasks.table.caption')}</caption>
        <thead>
          <tr>
            {withChoice && (
              <th scope="col" className="tasks-table__choose">
                <input
                  type="checkbox"
                  checked={allChosen}
                  aria-label={t('tasks.table.chooseAll')}
                  onChange={(event) =>
                    onSelect?.(
                      choosable.map((task) => task.id),
                      event.target.checked,
                    )
                  }
                />
              </th>
            )}
            <th scope="col">{t('tasks.table.title')}</th>
            <th scope="col">{t('tasks.table.unit')}</th>
            <th scope="col">{t('tasks.table.assignee')}</th>
            <th scope="col">{t('tasks.table.due')}</th>
            <th scope="col">{t('tasks.table.status')}</th>
            <th scope="col">{t('tasks.table.progress')}</th>
            <th scope="col">{t('tasks.table.source')}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((task) => (
            <tr key={task.id} data-testid="task-row" data-task-id={task.id}>
              {withChoice && (
                <td className="tasks-table__choose">
                  {selectable?.(task) && (
                    <input
                      type="checkbox"
                      checked={selected?.has(task.id) ?? false}
                      aria-label={t('tasks.table.choose', { title: task.title })}
                      onChange={(event) => onSelect?.([task.id], event.target.checked)}
                      data-testid="task-choose"
                    />
                  )}
                </td>
              )}
              <td>
                <Link to={`/tasks/${task.id}`} data-testid="task-title">
                  {task.title}
                </Link>{' '}
                <TaskPriorityBadge priority={task.priority} />
              </td>
              <td title={task.assigneeUnit.name}>{task.assigneeUnit.shortName ?? task.assigneeUnit.name}</td>
              <td>
                {task.assignee?.fullName ?? <span className="admin-table__muted">{t('common.none')}</span>}
              </td>
              <td>
                <span className="cell-stack">
                  <span>{formatDueDate(task.dueDate, locale)}</span>
                  <OverdueBadge overdue={task.overdue} />
                </span>
              </td>
              <td>
                <TaskStatusBadge status={task.status} />
              </td>
              <td>{task.progress}%</td>
              <td>
                {task.sourceMeeting ? (
                  <Link to={`/meetings/${task.sourceMeeting.id}`}>{task.sourceMeeting.title}</Link>
                ) : (
                  <span className="admin-table__muted">{t('common.none')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
