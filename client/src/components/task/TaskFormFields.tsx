import { useTranslation } from 'react-i18next';
import { limits, TaskPriority } from '@quorum/shared';
import { CharacterCount } from '../CharacterCount';

/** The task's title: required, at most `limits.titleMax` characters. */
export function TaskTitleField({
  id,
  value,
  onChange,
  error,
  label,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  label?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('tasks.form.title')}</label>
      <input
        id={id}
        type="text"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TaskPriorityField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: TaskPriority;
  onChange: (value: TaskPriority) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('tasks.form.priority')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as TaskPriority)}>
        {[TaskPriority.LOW, TaskPriority.NORMAL, TaskPriority.HIGH, TaskPriority.URGENT].map((priority) => (
          <option key={priority} value={priority}>
            {t(`tasks.priority.${priority}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TaskDescriptionField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{t('tasks.form.description')}</label>
      <textarea
        id={id}
        rows={3}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={`${id}-count`}
      />
      <CharacterCount id={`${id}-count`} length={value.length} max={limits.descriptionMax} />
    </div>
  );
}

/** Today in the organization's zone, `YYYY-MM-DD`: the earliest due day a form offers. */
export function todayIn(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  })
    .formatToParts(new Date())
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
