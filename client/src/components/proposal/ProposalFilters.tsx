import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ProposalKind, ProposalStatus } from '@quorum/shared';
import type { UnitFieldsFragment } from '../../generated/graphql';

export interface ProposalFilterValues {
  status: ProposalStatus | '';
  leadUnitId: string;
  kind: ProposalKind | '';
  overdue: boolean;
}

export const NO_FILTERS: ProposalFilterValues = { status: '', leadUnitId: '', kind: '', overdue: false };

interface ProposalFiltersProps {
  value: ProposalFilterValues;
  onChange: (next: ProposalFilterValues) => void;
  units: readonly UnitFieldsFragment[];
  /** The "waiting for my appraisal" view is of proposals in appraisal: no status to choose. */
  statusFixed: boolean;
}

/** Each change applies at once (no submit button to find). */
export function ProposalFilters({ value, onChange, units, statusFixed }: ProposalFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const active = value.status !== '' || value.leadUnitId !== '' || value.kind !== '' || value.overdue;

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('proposals.filters.label')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="proposal-filters"
    >
      {!statusFixed && (
        <div className="field field--inline">
          <label htmlFor={`${id}-status`}>{t('proposals.filters.status')}</label>
          <select
            id={`${id}-status`}
            value={value.status}
            onChange={(event) => onChange({ ...value, status: event.target.value as ProposalStatus | '' })}
          >
            <option value="">{t('proposals.filters.all')}</option>
            {Object.values(ProposalStatus).map((status) => (
              <option key={status} value={status}>
                {t(`enums.proposalStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field field--inline">
        <label htmlFor={`${id}-unit`}>{t('proposals.filters.leadUnit')}</label>
        <select
          id={`${id}-unit`}
          value={value.leadUnitId}
          onChange={(event) => onChange({ ...value, leadUnitId: event.target.value })}
        >
          <option value="">{t('proposals.filters.all')}</option>
          {units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--inline">
        <label htmlFor={`${id}-kind`}>{t('proposals.filters.kind')}</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(event) => onChange({ ...value, kind: event.target.value as ProposalKind | '' })}
        >
          <option value="">{t('proposals.filters.all')}</option>
          {Object.values(ProposalKind).map((kind) => (
            <option key={kind} value={kind}>
              {t(`enums.proposalKind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={value.overdue}
          onChange={(event) => onChange({ ...value, overdue: event.target.checked })}
        />{' '}
        {t('proposals.filters.overdue')}
      </label>
      {active && (
        <button
          type="button"
          className="button button--ghost button--small filters__clear"
          onClick={() => onChange(NO_FILTERS)}
        >
          {t('proposals.filters.clear')}
        </button>
      )}
    </form>
  );
}
