import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MeetingKind, MeetingStatus } from '@quorum/shared';
import { useCommittees } from '../hooks/useCommittees';
import { useFormatDate } from '../hooks/useFormat';

export interface MeetingFilterValues {
  status: MeetingStatus | '';
  kind: MeetingKind | '';
  committeeId: string;
  /** The meetings still to come from this time on (`upcomingMeetingStatuses`), or ''. */
  upcomingFrom: string;
}

export const noMeetingFilter: MeetingFilterValues = {
  status: '',
  kind: '',
  committeeId: '',
  upcomingFrom: '',
};

interface MeetingFiltersProps {
  value: MeetingFilterValues;
  onChange: (next: MeetingFilterValues) => void;
}

/** Three selects; each change applies at once (no submit button to find). */
export function MeetingFilters({ value, onChange }: MeetingFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const { committees } = useCommittees();
  const formatDate = useFormatDate();
  const active =
    value.status !== '' || value.kind !== '' || value.committeeId !== '' || value.upcomingFrom !== '';

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('meetings.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="meeting-filters"
    >
      <div className="field field--inline">
        <label htmlFor={`${id}-status`}>{t('meetings.filters.status')}</label>
        <select
          id={`${id}-status`}
          value={value.status}
          onChange={(event) => onChange({ ...value, status: event.target.value as MeetingStatus | '' })}
        >
          <option value="">{t('meetings.filters.all')}</option>
          {Object.values(MeetingStatus).map((status) => (
            <option key={status} value={status}>
              {t(`enums.meetingStatus.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-kind`}>{t('meetings.filters.kind')}</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value as MeetingKind | '' })}
        >
          <option value="">{t('meetings.filters.all')}</option>
          {Object.values(MeetingKind).map((kind) => (
            <option key={kind} value={kind}>
              {t(`enums.meetingKind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-committee`}>{t('meetings.filters.committee')}</label>
        <select
          id={`${id}-committee`}
          value={value.committeeId}
          onChange={(event) => onChange({ ...value, committeeId: event.target.value })}
        >
          <option value="">{t('meetings.filters.all')}</option>
          {committees.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      {value.upcomingFrom && (
        <p className="filters__chip" data-testid="meeting-filter-upcoming">
          {t('meetings.filters.upcoming', { date: formatDate(value.upcomingFrom) })}
          <button
            type="button"
            className="button button--ghost button--small"
            aria-label={t('meetings.filters.removeUpcoming')}
            onClick={() => onChange({ ...value, upcomingFrom: '' })}
          >
            ×
          </button>
        </p>
      )}
      {active && (
        <button
          type="button"
          className="button button--ghost button--small filters__clear"
          onClick={() => onChange(noMeetingFilter)}
        >
          {t('meetings.filters.clear')}
        </button>
      )}
    </form>
  );
}
