import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { apiErrorInfo } from '../../apollo/errors';
import { LoadMore } from '../../components/LoadMore';
import { LiveErrorAlert } from '../../components/LiveErrorAlert';
import { ErrorState, LoadingState } from '../../components/LoadState';
import { CreateTaskForm } from '../../components/task/CreateTaskForm';
import { TaskBoard } from '../../components/task/TaskBoard';
import { TaskBulkActions } from '../../components/task/TaskBulkActions';
import { TaskFilters } from '../../components/task/TaskFilters';
import { TaskTable } from '../../components/task/TaskTable';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSessionContext } from '../../hooks/useOrganization';
import { useTaskDirectory } from '../../hooks/useTaskDirectory';
import { useTaskListEvents } from '../../hooks/useTaskEvents';
import { useTaskViewer } from '../../hooks/useTaskViewer';
import {
  anyFilter,
  builtInViews,
  dueRangeReversed,
  filtersToParams,
  NO_TASK_FILTERS,
  paramsToFilters,
  sameFilters,
  serverFilter,
  useSavedTaskViews,
} from './task-views';
import type { TaskFilterValues, TaskMode } from './task-views';
import { TasksDocument } from '../../generated/graphql';
import type { TaskRowFieldsFragment } from '../../generated/graphql';
import './tasks.css';

const PAGE_SIZE = 100;

export function TasksPage() {
  const { t } = useTranslation();
  const id = useId();
  const { viewer: sessionViewer } = useSessionContext();
  const viewer = useTaskViewer();
  const directory = useTaskDirectory();
  const [params, setParams] = useSearchParams();
  const { mode, filters } = paramsToFilters(params);
  const setState = useCallback(
    (nextMode: TaskMode, next: TaskFilterValues) =>
      setParams(filtersToParams(next, nextMode), { replace: true }),
    [setParams],
  );
  useDocumentTitle(t('tasks.heading'));

  const builtIn = useMemo(
    () => builtInViews(viewer.viewerId, viewer.workUnits[0]?.id ?? null),
    [viewer.viewerId, viewer.workUnits],
  );
  const saved = useSavedTaskViews(sessionViewer.id);

  // The filters object is new on every render; its values are what count.
  const filtersKey = JSON.stringify(filters);
  const variables = useMemo(() => {
    const values = JSON.parse(filtersKey) as TaskFilterValues;
    return { first: PAGE_SIZE, filter: serverFilter(mode === 'board' ? { ...values, status: '' } : values) };
  }, [mode, filtersKey]);
  const reversed = dueRangeReversed(filters);
  const { data, error, networkStatus, fetchMore, refetch } = useQuery(TasksDocument, {
    variables,
    skip: reversed,
    notifyOnNetworkStatusChange: true,
  });
  const connection = data?.tasks;
  const shown = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const loadingFirst =
    !connection && (networkStatus === NetworkStatus.loading || networkStatus === NetworkStatus.setVariables);
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } catch (err) {
      setLoadMoreError(t(`errors.${apiErrorInfo(err)?.code ?? 'NETWORK'}`));
    }
  };

  // Any task's change may move it into or out of what is shown: read again, once per burst.
  const refetchTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(refetchTimer.current), []);
  const live = useTaskListEvents(() => {
    clearTimeout(refetchTimer.current);
    refetchTimer.current = setTimeout(() => void refetch().catch(() => undefined), 100);
  });

  // The source meetings to filter by: those of the tasks read (plus the one chosen, if its tasks are gone).
  const meetings = useMemo(() => {
    const found = new Map<string, { id: string; title: string }>();
    for (const edge of connection?.edges ?? [])
      if (edge.node.sourceMeeting) found.set(edge.node.sourceMeeting.id, edge.node.sourceMeeting);
    return [...found.values()].sort((a, b) => a.title.localeCompare(b.title, 'vi'));
  }, [connection]);

  // The office's bulk changes, on rows chosen in the table.
  const [chosenIds, setChosenIds] = useState<ReadonlySet<string>>(new Set());
  const chosen = shown.filter((task) => chosenIds.has(task.id));
  const selectable = useCallback(
    (task: TaskRowFieldsFragment) => task.viewerCan.update || task.viewerCan.extend,
    [],
  );
  const onSelect = (ids: string[], on: boolean) =>
    setChosenIds((current) => {
      const next = new Set(current);
      for (const taskId of ids) {
        if (on) next.add(taskId);
        else next.delete(taskId);
      }
      return next;
    });
  const mayBulk = mode === 'table' && shown.some(selectable);

  let body;
  if (reversed) {
    // The filter says why, beside the field; nothing was asked.
    body = null;
  } else if (loadingFirst || viewer.loading) {
    body = <LoadingState label={t('tasks.list.loading')} testId="tasks-loading" />;
  } else if (error && !connection) {
    body = (
      <ErrorState
        testId="tasks-error"
        message={t('tasks.list.loadError')}
        error={error}
        onRetry={() => refetch()}
      />
    );
  } else if (shown.length === 0 && mode === 'table') {
    body = (
      <div className="placeholder placeholder--empty" data-testid="tasks-empty">
        <p>{t('tasks.list.empty')}</p>
        <p className="placeholder__hint">
          {anyFilter(filters) ? t('tasks.list.emptyFiltered') : t('tasks.list.emptyHint')}
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <p className="meetings__summary" id={`${id}-summary`}>
          {t('tasks.list.summary', {
            shown: shown.length,
            total: Math.max(connection?.totalCount ?? 0, shown.length),
          })}
        </p>
        {mode === 'board' ? (
          <TaskBoard tasks={shown} />
        ) : (
          <>
            {mayBulk && (
              <TaskBulkActions
                chosen={chosen}
                units={directory.units}
                people={directory.people}
                onDone={() => setChosenIds(new Set())}
              />
            )}
            <TaskTable
              tasks={shown}
              describedBy={`${id}-summary`}
              {...(mayBulk ? { selectable, selected: chosenIds, onSelect } : {})}
            />
          </>
        )}
        <LoadMore
          hasMore={!!connection?.pageInfo.hasNextPage}
          loading={loadingMore}
          error={loadMoreError}
          label={t('tasks.list.loadMore')}
          loadingLabel={t('tasks.list.loadingMore')}
          onLoadMore={() => void loadMore()}
        />
      </>
    );
  }

  return (
    <div
      className={
        viewer.canCreate ? 'meetings-page tasks-page' : 'meetings-page meetings-page--single tasks-page'
      }
    >
      <section className="panel meetings" aria-labelledby={`${id}-heading`}>
        <div className="tasks-page__top">
          <h1 id={`${id}-heading`} className="panel__title panel__title--page">
            {t('tasks.heading')}
          </h1>
          <div className="task-mode" role="group" aria-label={t('tasks.mode.label')}>
            {(['board', 'table'] as const).map((option) => (
              <button
                key={option}
                type="button"
                className={option === mode ? 'button button--small button--primary' : 'button button--small'}
                aria-pressed={option === mode}
                onClick={() => setState(option, filters)}
                data-testid={`task-mode-${option}`}
              >
                {t(`tasks.mode.${option}`)}
              </button>
            ))}
          </div>
        </div>
        <TaskViews
          builtIn={builtIn}
          saved={saved}
          filters={filters}
          onChoose={(next) => setState(mode, next)}
        />
        <LiveErrorAlert live={live} message={t('tasks.liveError')} />
        <TaskFilters
          value={filters}
          onChange={(next) => setState(mode, next)}
          units={directory.units}
          people={directory.people}
          meetings={meetings}
          withStatus={mode === 'table'}
        />
        {body}
      </section>
      {viewer.canCreate && (
        <aside className="meetings-page__side">
          <CreateTaskForm units={directory.units} people={directory.people} />
        </aside>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="live-announcement">
        {live.announcement}
      </div>
    </div>
  );
}

interface TaskViewsProps {
  builtIn: ReturnType<typeof builtInViews>;
  saved: ReturnType<typeof useSavedTaskViews>;
  filters: TaskFilterValues;
  onChoose: (filters: TaskFilterValues) => void;
}

/** The built-in views and the viewer's own, named; the current filters can be kept as a new one. */
function TaskViews({ builtIn, saved, filters, onChoose }: TaskViewsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const views = [
    { key: 'all', label: t('tasks.views.all'), filters: NO_TASK_FILTERS, removable: false },
    ...builtIn.map((view) => ({
      key: view.id,
      label: t(`tasks.views.${view.id}`),
      filters: view.filters,
      removable: false,
    })),
    ...saved.views.map((view) => ({
      key: `saved-${view.id}`,
      label: view.name,
      filters: view.filters,
      removable: true,
      savedId: view.id,
    })),
  ];
  const current = views.find((view) => sameFilters(view.filters, filters));

  return (
    <div className="task-views">
      <ul className="proposal-views task-views__list" aria-label={t('tasks.views.label')}>
        {views.map((view) => {
          const active = current?.key === view.key;
          return (
            <li key={view.key} className="task-views__item">
              <button
                type="button"
                className={
                  active ? 'proposal-views__link proposal-views__link--active' : 'proposal-views__link'
                }
                aria-pressed={active}
                onClick={() => onChoose(view.filters)}
                data-testid={`task-view-${view.key}`}
              >
                {view.label}
              </button>
              {view.removable && 'savedId' in view && (
                <button
                  type="button"
                  className="button button--ghost button--small task-views__remove"
                  aria-label={t('tasks.views.remove', { name: view.label })}
                  onClick={() => saved.remove(view.savedId)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
        {!current && !naming && (
          <li className="task-views__item">
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                setNaming(true);
                setName('');
                setNameError(null);
              }}
              data-testid="task-view-save"
            >
              {t('tasks.views.save')}
            </button>
          </li>
        )}
      </ul>
      {naming && (
        <form
          className="inline-form inline-form--row"
          onSubmit={(event) => {
            event.preventDefault();
            if (!name.trim()) {
              setNameError(t('tasks.views.nameRequired'));
              return;
            }
            saved.save(name.trim(), filters);
            setNaming(false);
          }}
          data-testid="task-view-form"
        >
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('tasks.views.name')}</label>
            <input
              id={`${id}-name`}
              type="text"
              value={name}
              autoFocus
              maxLength={80}
              onChange={(event) => setName(event.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? `${id}-name-error` : undefined}
            />
            {nameError && (
              <p id={`${id}-name-error`} className="field__error">
                {nameError}
              </p>
            )}
          </div>
          <div className="inline-form__actions">
            <button type="submit" className="button button--primary button--small">
              {t('common.save')}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => setNaming(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
