import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { appraisalUnitsMax, ErrorCode, limits } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';
import { useTimeZone } from '../../hooks/useOrganization';
import { isoToZonedLocal, zonedLocalToIso } from '../../i18n/format';
import { Alert } from '../Alert';
import { RequestAppraisalDocument } from '../../generated/graphql';
import type { ProposalFieldsFragment, UnitFieldsFragment } from '../../generated/graphql';

/** A week from now at 17:00, the end of an office day: a usual deadline, obviously a default. */
function defaultDue(timeZone: string): string {
  const local = isoToZonedLocal(new Date(Date.now() + 7 * 24 * 3600_000), timeZone);
  return `${local.slice(0, 10)}T17:00`;
}

type Field = 'unitIds' | 'dueAt' | 'note';

interface RequestAppraisalFormProps {
  proposal: ProposalFieldsFragment;
  /** The units that may be asked: not the lead unit, not a committee. */
  units: readonly UnitFieldsFragment[];
  onDone: () => void;
  onCancel: () => void;
}

/** The office sends the proposal to appraisal: which units, by when, with what request. */
export function RequestAppraisalForm({ proposal, units, onDone, onCancel }: RequestAppraisalFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const timeZone = useTimeZone();
  const [requestAppraisal, { loading }] = useMutation(RequestAppraisalDocument);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState(() => defaultDue(timeZone));
  const [note, setNote] = useState('');
  const [shared, setShared] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const choices = units.filter((unit) => unit.id !== proposal.leadUnit.id);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (unitIds.length === 0) found.unitIds = t('proposals.request.unitsRequired');
    if (unitIds.length > appraisalUnitsMax)
      found.unitIds = t('proposals.request.unitsMax', { max: appraisalUnitsMax });
    const due = zonedLocalToIso(dueAt, timeZone);
    if (!due) found.dueAt = t('proposals.request.dueRequired');
    else if (Date.parse(due) <= Date.now()) found.dueAt = t('proposals.request.dueFuture');
    if (note.trim().length > limits.descriptionMax) found.note = t('errors.BAD_USER_INPUT');
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || !due) return;
    try {
      await requestAppraisal({
        variables: {
          input: {
            proposalId: proposal.id,
            unitIds,
            dueAt: due,
            sharedComments: shared,
            expectedVersion: proposal.version,
            ...(note.trim() ? { note: note.trim() } : {}),
          },
        },
      });
      onDone();
    } catch (error) {
      const info = apiErrorInfo(error);
      const field = info?.field;
      if (
        info?.code === ErrorCode.BAD_USER_INPUT &&
        (field === 'unitIds' || field === 'dueAt' || field === 'note')
      )
        setErrors({ [field]: describeInputError(error, t) ?? t('errors.BAD_USER_INPUT') });
      else if (info?.code === ErrorCode.CONFLICT) setFormError(t('proposals.conflict'));
      else setFormError(describeInputError(error, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`));
    }
  }

  return (
    <form
      className="panel request-appraisal"
      noValidate
      onSubmit={(event) => void submit(event)}
      data-testid="request-appraisal-form"
    >
      <h3 className="panel__title">{t('proposals.request.heading')}</h3>
      <fieldset
        className="checkbox-group"
        aria-invalid={errors.unitIds ? true : undefined}
        aria-describedby={errors.unitIds ? `${id}-units-error` : undefined}
      >
        <legend>{t('proposals.request.units')}</legend>
        {choices.map((unit) => (
          <label key={unit.id} className="checkbox">
            <input
              type="checkbox"
              checked={unitIds.includes(unit.id)}
              onChange={(event) =>
                setUnitIds((current) =>
                  event.target.checked ? [...current, unit.id] : current.filter((other) => other !== unit.id),
                )
              }
            />{' '}
            {unit.name}
          </label>
        ))}
        {errors.unitIds && (
          <p id={`${id}-units-error`} className="field__error">
            {errors.unitIds}
          </p>
        )}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-due`}>{t('proposals.request.dueAt')}</label>
        <input
          id={`${id}-due`}
          type="datetime-local"
          value={dueAt}
          onChange={(event) => setDueAt(event.target.value)}
          aria-invalid={errors.dueAt ? true : undefined}
          aria-describedby={[`${id}-due-hint`, errors.dueAt ? `${id}-due-error` : '']
            .filter(Boolean)
            .join(' ')}
        />
        <p id={`${id}-due-hint`} className="field__hint">
          {t('createMeeting.startsAtHint', { timeZone })}
        </p>
        {errors.dueAt && (
          <p id={`${id}-due-error`} className="field__error">
            {errors.dueAt}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>
          {t('proposals.request.note')}{' '}
          <span className="field__optional">{t('proposals.form.optional')}</span>
        </label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={errors.note ? true : undefined}
        />
        {errors.note && <p className="field__error">{errors.note}</p>}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />{' '}
        {t('proposals.request.shared')}
      </label>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={loading}>
          {loading ? t('proposals.request.submitting') : t('proposals.request.submit')}
        </button>
        <button type="button" className="button button--ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
