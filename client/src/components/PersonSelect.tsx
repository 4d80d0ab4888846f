import { useTranslation } from 'react-i18next';
import type { Person } from '../hooks/usePeople';

/** One person out of `people`, or nobody (""): the chair, the secretary. */
export function PersonSelect({
  id,
  label,
  value,
  people,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  people: readonly Person[];
  onChange: (userId: string) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        <option value="">{t('meetingDetails.nobody')}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.fullName}
            {person.jobTitle ? ` — ${person.jobTitle}` : ''}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
