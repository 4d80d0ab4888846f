import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TaskStatus } from '@quorum/shared';
import { dueRangeReversed, NO_TASK_FILTERS } from '../../scenes/tasks/task-views';
import type { TaskFilterValues } from '../../scenes/tasks/task-views';
import type { TaskAssignableFieldsFragment, UnitFieldsFragment } from '../../generated/graphql';

interface TaskFiltersProps {
  value: TaskFilterValues;
  onChange: (next: TaskFilterValues) => void;
  units: readonly UnitFieldsFragment[];
  people: readonly TaskAssignableFieldsFragment[];
  meetings: ReadonlyArray<{ id: string; title: string }>;
  /** The table filters by status too; the board shows them all in columns. */
  withStatus: boolean;
}

/** Each change applies at once (no submit button to find). */
export function TaskFilters({ value, onChange, units, people, meetings, withStatus }: TaskFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const reversed = dueRangeReversed(value);
  const active = Object.entries(value).some(
    ([key, entry]) => entry !== NO_TASK_FILTERS[key as keyof TaskFilterValues],
  );
  // The assignee is chosen among the chosen unit's members, when a unit is chosen.
  const shownPeople = value.unitId
    ? people.filter((person) => person.memberships.some((membership) => membership.unit.id === value.unitId))
    : people;

  return (
    <form
      className="filters task-filters"
      role="search"
      aria-label={t('tasks.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="task-filters"
    >
      {withStatus && (
        <div className="field field--inline">
          <label htmlFor={`${id}-status`}>{t('tasks.filters.status')}</label>
          <select
            id={`${id}-status`}
            value={value.status}
            onChange={(event) => onChange({ ...value, status: event.target.value as TaskStatus | '' })}
          >
            <option value="">{t('tasks.filters.all')}</option>
            {Object.values(TaskStatus).map((status) => (
              <option key={status} value={status}>
                {t(`tasks.status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field--inline">
        <label htmlFor={`${id}-unit`}>{t('tasks.filters.unit')}</label>
        <select
          id={`${id}-unit`}
          value={value.unitId}
          onChange={(event) => onChange({ ...value, unitId: event.target.value })}
        >
          <option value="">{t('tasks.filters.all')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-assignee`}>{t('tasks.filters.assignee')}</label>
        <select
          id={`${id}-assignee`}
          value={value.assigneeId}
          onChange={(event) => onChange({ ...value, assigneeId: event.target.value })}
        >
          <option value="">{t('tasks.filters.all')}</option>
          {shownPeople.map((person) => (
            <option key={person.id} value={person.id}>
              {person.fullName}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-meeting`}>{t('tasks.filters.meeting')}</label>
        <select
          id={`${id}-meeting`}
          value={value.meetingId}
          onChange={(event) => onChange({ ...value, meetingId: event.target.value })}
        >
          <option value="">{t('tasks.filters.all')}</option>
          {meetings.map((meeting) => (
            <option key={meeting.id} value={meeting.id}>
              {meeting.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-from`}>{t('tasks.filters.dueFrom')}</label>
        <input
          id={`${id}-from`}
          type="date"
          value={value.dueFrom}
          max={value.dueTo || undefined}
          onChange={(event) => onChange({ ...value, dueFrom: event.target.value })}
        />
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-to`}>{t('tasks.filters.dueTo')}</label>
        <input
          id={`${id}-to`}
          type="date"
          value={value.dueTo}
          min={value.dueFrom || undefined}
          onChange={(event) => onChange({ ...value, dueTo: event.target.value })}
          aria-invalid={reversed ? true : undefined}
          aria-describedby={reversed ? `${id}-to-error` : undefined}
        />
        {reversed && (
          <p id={`${id}-to-error`} className="field__error" data-testid="task-filter-due-reversed">
            {t('tasks.filters.dueReversed')}
          </p>
        )}
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.overdue}
          onChange={(event) => onChange({ ...value, overdue: event.target.checked })}
          data-testid="task-filter-overdue"
        />{' '}
        {t('tasks.filters.overdue')}
      </label>
      {active && (
        <button
          type="button"
          className="button button--ghost button--small filters__clear"
          onClick={() => onChange(NO_TASK_FILTERS)}
        >
          {t('tasks.filters.clear')}
        </button>
      )}
    </form>
  );
}
