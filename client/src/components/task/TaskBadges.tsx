import { useTranslation } from 'react-i18next';
import { TaskPriority } from '@quorum/shared';
import type { TaskStatus } from '@quorum/shared';

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--task-${status.toLowerCase()}`} data-testid="task-status">
      {t(`tasks.status.${status}`)}
    </span>
  );
}

/** Only what stands out: a normal or low priority says nothing on a card. */
export function TaskPriorityBadge({
  priority,
  always = false,
}: {
  priority: TaskPriority;
  always?: boolean;
}) {
  const { t } = useTranslation();
  if (!always && priority !== TaskPriority.HIGH && priority !== TaskPriority.URGENT) return null;
  return (
    <span className={`badge badge--priority-${priority.toLowerCase()}`}>
      {t(`tasks.priority.${priority}`)}
    </span>
  );
}

export function OverdueBadge({ overdue }: { overdue: boolean }) {
  const { t } = useTranslation();
  if (!overdue) return null;
  return (
    <span className="badge badge--task-overdue" data-testid="task-overdue">
      {t('tasks.overdue')}
    </span>
  );
}

/** Percent done, as a bar that says its value to screen readers. */
export function TaskProgressBar({ progress, label }: { progress: number; label: string }) {
  return (
    <div
      className="task-progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={progress}
      aria-label={label}
      data-testid="task-progress"
      data-progress={progress}
    >
      <div className="task-progress__bar" style={{ width: `${Math.max(0, Math.min(100, progress))}%` }} />
      <span className="task-progress__value">{progress}%</span>
    </div>
  );
}
