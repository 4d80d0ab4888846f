import { useCallback, useId, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Classification } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { Alert } from '../../components/Alert';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import {
  OverdueBadge,
  TaskPriorityBadge,
  TaskProgressBar,
  TaskStatusBadge,
} from '../../components/task/TaskBadges';
import { TaskEditForm } from '../../components/task/TaskEditForm';
import { TaskExtendForm } from '../../components/task/TaskExtendForm';
import { TaskFiles } from '../../components/task/TaskFiles';
import { TaskMoveMenu } from '../../components/task/TaskMoveMenu';
import { TaskReportForm } from '../../components/task/TaskReportForm';
import { formatDueDate } from '../../components/task/task-format';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormatDateTime, useLocale } from '../../hooks/useFormat';
import { useTimeZone } from '../../hooks/useOrganization';
import { useTaskDirectory } from '../../hooks/useTaskDirectory';
import { useTaskEvents } from '../../hooks/useTaskEvents';
import { zonedDateKey } from '../../i18n/format';
import { TaskDocument } from '../../generated/graphql';
import type { TaskFieldsFragment, TaskUpdateFieldsFragment } from '../../generated/graphql';
import './tasks.css';

export function TaskPage() {
  const { id = '' } = useParams();
  // Another task is another page: no form carries over.
  return <TaskScreen key={id} taskId={id} />;
}

function TaskScreen({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const { data, error, loading, refetch } = useQuery(TaskDocument, {
    variables: { id: taskId },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const task = data?.task;
  useDocumentTitle(task?.title ?? t('tasks.page.heading'));
  const reload = useCallback(() => {
    void client.refetchQueries({ include: [TaskDocument] }).catch(() => undefined);
  }, [client]);
  const live = useTaskEvents(taskId, reload);

  if (!task) {
    if (loading && !error) return <LoadingState label={t('tasks.page.loading')} testId="task-loading" />;
    if (error)
      return (
        <ErrorState
          testId="task-error"
          message={t('tasks.page.loadError')}
          error={error}
          onRetry={() => refetch()}
        />
      );
    return (
      <section className="panel not-found" data-testid="task-not-found">
        <h1 className="panel__title panel__title--page">{t('tasks.page.notFound')}</h1>
        <p>{t('tasks.page.notFoundHint')}</p>
        <Link className="button" to="/tasks">
          {t('tasks.page.back')}
        </Link>
      </section>
    );
  }

  return (
    <div className="task-page" data-testid="task-page" data-task-id={task.id}>
      <p className="task-page__back">
        <Link to="/tasks">← {t('tasks.page.back')}</Link>
      </p>
      <LiveErrorAlert live={live} message={t('tasks.liveError')} />
      {error && (
        <Alert tone="warning">
          {t('tasks.page.refreshError')} {t(`errors.${apiErrorInfo(error)?.code ?? 'NETWORK'}`)}
        </Alert>
      )}
      <div className="task-page__grid">
        <div className="task-page__main">
          <TaskSummary task={task} onChanged={reload} />
          <TaskReports task={task} onChanged={reload} />
        </div>
        <aside className="task-page__side">
          <TaskDetails task={task} />
          <TaskDueDates task={task} onChanged={reload} />
        </aside>
      </div>
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}

function TaskSummary({ task, onChanged }: { task: TaskFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const directory = useTaskDirectory(!editing);
  return (
    <section className="panel task-summary">
      <div className="task-summary__head">
        <h1 className="panel__title panel__title--page" data-testid="task-heading">
          {task.title}
        </h1>
        <div className="task-summary__badges">
          <TaskStatusBadge status={task.status} /> <OverdueBadge overdue={task.overdue} />{' '}
          <TaskPriorityBadge priority={task.priority} always />
          {task.classification !== Classification.INTERNAL && (
            <span className={`badge badge--classification badge--${task.classification.toLowerCase()}`}>
              {t(`enums.classification.${task.classification}`)}
            </span>
          )}
        </div>
      </div>
      <TaskProgressBar progress={task.progress} label={t('tasks.progressOf', { title: task.title })} />
      {task.description && <p className="task-summary__description">{task.description}</p>}
      <TaskMoveMenu task={task} inline onMoved={onChanged} />
      {task.viewerCan.update && !editing && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setEditing(true)}
          data-testid="task-edit"
        >
          {t('tasks.edit.open')}
        </button>
      )}
      {editing && (
        <TaskEditForm
          task={task}
          units={directory.units}
          people={directory.people}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </section>
  );
}

function TaskDetails({ task }: { task: TaskFieldsFragment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formatDateTime = useFormatDateTime();
  const none = <span className="admin-table__muted">{t('common.none')}</span>;
  return (
    <section className="panel" aria-labelledby="task-details-heading">
      <h2 id="task-details-heading" className="panel__title">
        {t('tasks.page.details')}
      </h2>
      <dl className="task-details">
        <dt>{t('tasks.form.unit')}</dt>
        <dd data-testid="task-unit">{task.assigneeUnit.name}</dd>
        <dt>{t('tasks.table.assignee')}</dt>
        <dd data-testid="task-assignee">{task.assignee?.fullName ?? none}</dd>
        {task.coordinatingUnits.length > 0 && (
          <>
            <dt>{t('tasks.page.coordinating')}</dt>
            <dd>{task.coordinatingUnits.map((unit) => unit.name).join(', ')}</dd>
          </>
        )}
        <dt>{t('tasks.form.due')}</dt>
        <dd data-testid="task-due">{formatDueDate(task.dueDate, locale)}</dd>
        <dt>{t('tasks.page.assignedBy')}</dt>
        <dd>
          {task.createdBy?.fullName ?? none}, {formatDateTime(task.createdAt)}
        </dd>
        {task.completedAt && (
          <>
            <dt>{t('tasks.page.completedAt')}</dt>
            <dd>{formatDateTime(task.completedAt)}</dd>
          </>
        )}
        <dt>{t('tasks.page.source')}</dt>
        <dd>
          <TaskSource task={task} />
        </dd>
      </dl>
    </section>
  );
}

/** Where the task comes from: the meeting and its agenda item, the proposal, the programme item. */
function TaskSource({ task }: { task: TaskFieldsFragment }) {
  const { t } = useTranslation();
  const links = [];
  if (task.sourceMeeting)
    links.push(
      <li key="meeting">
        {t('tasks.page.sourceMeeting')}:{' '}
        <Link to={`/meetings/${task.sourceMeeting.id}`} data-testid="task-source-meeting">
          {task.sourceMeeting.title}
        </Link>
      </li>,
    );
  if (task.sourceAgendaItem)
    links.push(
      <li key="item">
        {t('tasks.page.sourceItem')}:{' '}
        {task.sourceMeeting ? (
          <Link
            to={`/meetings/${task.sourceMeeting.id}#item-${task.sourceAgendaItem.id}`}
            data-testid="task-source-item"
          >
            {task.sourceAgendaItem.number}. {task.sourceAgendaItem.title}
          </Link>
        ) : (
          `${task.sourceAgendaItem.number}. ${task.sourceAgendaItem.title}`
        )}
      </li>,
    );
  if (task.sourceProposal)
    links.push(
      <li key="proposal">
        {t('tasks.page.sourceProposal')}:{' '}
        <Link to={`/proposals/${task.sourceProposal.id}`} data-testid="task-source-proposal">
          {task.sourceProposal.referenceNumber ? `${task.sourceProposal.referenceNumber} ` : ''}
          {task.sourceProposal.title}
        </Link>
      </li>,
    );
  if (task.sourceProgrammeItem)
    links.push(
      <li key="programme">
        {t('tasks.page.sourceProgramme')}: {task.sourceProgrammeItem.title} (
        {t('tasks.page.plannedMonth', { month: task.sourceProgrammeItem.plannedMonth })})
      </li>,
    );
  if (links.length === 0) return <span className="admin-table__muted">{t('tasks.page.noSource')}</span>;
  return <ul className="task-source">{links}</ul>;
}

function TaskDueDates({ task, onChanged }: { task: TaskFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const formatDateTime = useFormatDateTime();
  const day = (iso: string | null) => (iso ? formatDueDate(zonedDateKey(iso, timeZone), locale) : '');
  return (
    <section className="panel" aria-labelledby="task-due-heading" data-testid="task-due-dates">
      <h2 id="task-due-heading" className="panel__title">
        {t('tasks.extend.heading')}
      </h2>
      {task.dueDateHistory.length === 0 ? (
        <p className="admin-table__muted">{t('tasks.extend.none')}</p>
      ) : (
        <ol className="task-history">
          {task.dueDateHistory.map((entry) => (
            <li key={entry.id} data-testid="task-extension">
              <strong>
                {day(entry.dueAtBefore)} → {day(entry.dueAtAfter)}
              </strong>
              <p className="task-history__body">{entry.body}</p>
              <p className="task-history__meta">
                {entry.author.fullName}, {formatDateTime(entry.createdAt)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {task.viewerCan.extend && <TaskExtendForm task={task} onExtended={onChanged} />}
    </section>
  );
}

function TaskReports({ task, onChanged }: { task: TaskFieldsFragment; onChanged: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  // Newest first; the due-date extensions have their own list.
  const entries = task.updates.edges
    .map((edge) => edge.node)
    .filter((entry) => entry.dueAtAfter === null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('tasks.report.list')} <span className="panel__count">{entries.length}</span>
      </h2>
      {task.viewerCan.report && <TaskReportForm task={task} onReported={onChanged} />}
      {entries.length === 0 ? (
        <p className="admin-table__muted" data-testid="task-reports-empty">
          {t('tasks.report.none')}
        </p>
      ) : (
        <ol className="task-history" data-testid="task-reports">
          {entries.map((entry) => (
            <TaskReportEntry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </section>
  );
}

function TaskReportEntry({ entry }: { entry: TaskUpdateFieldsFragment }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <li className="task-history__entry" data-testid="task-report">
      <p className="task-history__meta">
        <strong data-testid="task-report-author">{entry.author.fullName}</strong>,{' '}
        <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
        {entry.progress !== null && (
          <>
            {' '}
            ·{' '}
            <span data-testid="task-report-progress">
              {t('tasks.report.progressValue', { progress: entry.progress })}
            </span>
          </>
        )}
        {entry.statusFrom && entry.statusTo && (
          <>
            {' '}
            ·{' '}
            {t('tasks.report.statusChange', {
              from: t(`tasks.status.${entry.statusFrom}`),
              to: t(`tasks.status.${entry.statusTo}`),
            })}
          </>
        )}
      </p>
      {entry.body && (
        <p className="task-history__body" data-testid="task-report-body">
          {entry.body}
        </p>
      )}
      <TaskFiles files={entry.attachments} />
    </li>
  );
}
