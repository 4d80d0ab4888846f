import { useCallback, useEffect, useRef, useState } from 'react';
import { DndContext, PointerSensor, useDraggable, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import type { DragEndEvent } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { taskTransitionNeedsReason } from '@quorum/shared';
import type { TaskStatus } from '@quorum/shared';
import { useLocale } from '../../hooks/useFormat';
import { OverdueBadge, TaskPriorityBadge, TaskProgressBar } from './TaskBadges';
import { TaskMoveMenu, useTaskMove } from './TaskMoveMenu';
import { formatDueDate, TASK_COLUMNS } from './task-format';
import type { TaskRowFieldsFragment } from '../../generated/graphql';

interface TaskBoardProps {
  tasks: readonly TaskRowFieldsFragment[];
}

/**
 * The tasks in columns by status. A card moves by dragging it (its handle) onto a column it may go to, or,
 * from the keyboard, through its menu of the moves the server allows (`viewerCan.transitions`). A move that
 * needs a reason asks for it on the card, dropped or chosen.
 */
export function TaskBoard({ tasks }: TaskBoardProps) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const [dragging, setDragging] = useState<TaskRowFieldsFragment | null>(null);
  const [pending, setPending] = useState<{ taskId: string; to: TaskStatus } | null>(null);
  // After a move the card is in another column (another element): focus follows it there.
  const [focusId, setFocusId] = useState<string | null>(null);
  const { error, move } = useTaskMove();

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const task = tasks.find((candidate) => candidate.id === active.id);
    const to = over?.id as TaskStatus | undefined;
    if (!task || !to || to === task.status || !task.viewerCan.transitions.includes(to)) return;
    if (taskTransitionNeedsReason(task.status, to)) setPending({ taskId: task.id, to });
    else void move(task, to);
  };
  const clearPending = useCallback(() => setPending(null), []);

  return (
    <DndContext
      sensors={sensors}
      onDragStart={({ active }) => setDragging(tasks.find((task) => task.id === active.id) ?? null)}
      onDragCancel={() => setDragging(null)}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: {
          onDragStart: () => '',
          onDragOver: () => '',
          onDragEnd: () => '',
          onDragCancel: () => '',
        },
      }}
    >
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="task-board" data-testid="task-board">
        {TASK_COLUMNS.map((status) => (
          <BoardColumn
            key={status}
            status={status}
            tasks={tasks.filter((task) => task.status === status)}
            // A column the card being dragged may not go to is shown as such.
            refuses={
              !!dragging && dragging.status !== status && !dragging.viewerCan.transitions.includes(status)
            }
            label={t(`tasks.status.${status}`)}
            pending={pending}
            onPendingDone={clearPending}
            focusId={focusId}
            onMoved={setFocusId}
          />
        ))}
      </div>
    </DndContext>
  );
}

interface BoardColumnProps {
  status: TaskStatus;
  tasks: TaskRowFieldsFragment[];
  refuses: boolean;
  label: string;
  pending: { taskId: string; to: TaskStatus } | null;
  onPendingDone: () => void;
  focusId: string | null;
  onMoved: (taskId: string) => void;
}

function BoardColumn({
  status,
  tasks,
  refuses,
  label,
  pending,
  onPendingDone,
  focusId,
  onMoved,
}: BoardColumnProps) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: status, disabled: refuses });
  const classes = ['task-board__column', `task-board__column--${status.toLowerCase()}`];
  if (isOver) classes.push('task-board__column--over');
  if (refuses) classes.push('task-board__column--refuses');
  return (
    <section
      ref={setNodeRef}
      className={classes.join(' ')}
      aria-label={label}
      data-testid={`task-column-${status}`}
    >
      <h2 className="task-board__heading">
        {label} <span className="panel__count">{tasks.length}</span>
      </h2>
      {tasks.length === 0 ? (
        <p className="task-board__empty">{t('tasks.board.emptyColumn')}</p>
      ) : (
        <ul className="task-board__cards">
          {tasks.map((task) => (
            <li key={task.id}>
              <TaskCard
                task={task}
                pending={pending?.taskId === task.id ? pending.to : null}
                onPendingDone={onPendingDone}
                focus={focusId === task.id}
                onMoved={() => onMoved(task.id)}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface TaskCardProps {
  task: TaskRowFieldsFragment;
  pending: TaskStatus | null;
  onPendingDone: () => void;
  focus: boolean;
  onMoved: () => void;
}

function TaskCard({ task, pending, onPendingDone, focus, onMoved }: TaskCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const movable = task.viewerCan.transitions.length > 0;
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: task.id,
    disabled: !movable,
  });
  const card = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (focus) card.current?.focus();
  }, [focus]);

  return (
    <article
      ref={(element) => {
        setNodeRef(element);
        card.current = element;
      }}
      tabIndex={-1}
      className={isDragging ? 'task-card task-card--dragging' : 'task-card'}
      style={{ transform: CSS.Translate.toString(transform) }}
      aria-label={task.title}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
    >
      <div className="task-card__head">
        {movable && (
          <button
            type="button"
            className="drag-handle task-card__handle"
            {...attributes}
            {...listeners}
            // The handle is for the mouse and touch; the keyboard uses the menu below.
            tabIndex={-1}
            aria-hidden="true"
            title={t('tasks.board.drag')}
            data-testid="task-drag-handle"
          >
            ⠿
          </button>
        )}
        <Link to={`/tasks/${task.id}`} className="task-card__title" data-testid="task-title">
          {task.title}
        </Link>
      </div>
      <p className="task-card__meta">
        <span title={task.assigneeUnit.name}>{task.assigneeUnit.shortName ?? task.assigneeUnit.name}</span>
        {task.assignee && <span> · {task.assignee.fullName}</span>}
      </p>
      <p className="task-card__meta">
        <span className={task.overdue ? 'task-due task-due--overdue' : 'task-due'}>
          {t('tasks.dueOn', { date: formatDueDate(task.dueDate, locale) })}
        </span>{' '}
        <OverdueBadge overdue={task.overdue} /> <TaskPriorityBadge priority={task.priority} />
      </p>
      <TaskProgressBar progress={task.progress} label={t('tasks.progressOf', { title: task.title })} />
      <TaskMoveMenu task={task} pending={pending} onPendingDone={onPendingDone} onMoved={onMoved} />
    </article>
  );
}
