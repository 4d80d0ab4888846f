import { useTranslation } from 'react-i18next';
import type { TaskAssignableFieldsFragment, UnitFieldsFragment } from '../../generated/graphql';

interface AssigneeFieldsProps {
  id: string;
  units: readonly UnitFieldsFragment[];
  people: readonly TaskAssignableFieldsFragment[];
  unitId: string;
  assigneeId: string;
  onChange: (next: { unitId: string; assigneeId: string }) => void;
  unitError?: string | null;
  /** Shorter labels, for a row of a form with many (the conclusion's tasks). */
  compact?: boolean;
}

/** The members of `unitId` among `people`: who may be named the person in charge. */
export function membersOf(
  people: readonly TaskAssignableFieldsFragment[],
  unitId: string,
): TaskAssignableFieldsFragment[] {
  return people.filter((person) => person.memberships.some((membership) => membership.unit.id === unitId));
}

/**
 * The unit that does the task and, optionally, its person in charge, chosen among the unit's members (the
 * server refuses anyone else); changing the unit clears a person who is not in it.
 */
export function AssigneeFields({
  id,
  units,
  people,
  unitId,
  assigneeId,
  onChange,
  unitError,
  compact = false,
}: AssigneeFieldsProps) {
  const { t } = useTranslation();
  const members = unitId ? membersOf(people, unitId) : [];
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t(compact ? 'tasks.form.unitShort' : 'tasks.form.unit')}</label>
        <select
          id={`${id}-unit`}
          value={unitId}
          required
          onChange={(event) => {
            const next = event.target.value;
            const stays = membersOf(people, next).some((person) => person.id === assigneeId);
            onChange({ unitId: next, assigneeId: stays ? assigneeId : '' });
          }}
          aria-invalid={unitError ? true : undefined}
          aria-describedby={unitError ? `${id}-unit-error` : undefined}
        >
          <option value="">{t('tasks.form.chooseUnit')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
        {unitError && (
          <p id={`${id}-unit-error`} className="field__error">
            {unitError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-assignee`}>
          {t(compact ? 'tasks.form.assigneeShort' : 'tasks.form.assignee')}
        </label>
        <select
          id={`${id}-assignee`}
          value={assigneeId}
          disabled={!unitId}
          onChange={(event) => onChange({ unitId, assigneeId: event.target.value })}
        >
          <option value="">{t('tasks.form.noAssignee')}</option>
          {members.map((person) => (
            <option key={person.id} value={person.id}>
              {person.fullName}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
