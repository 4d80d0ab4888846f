import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Classification, ErrorCode, limits, ProposalKind } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';
import { Alert } from '../Alert';
import { CharacterCount, lengthRefusal } from '../CharacterCount';

/** The server's limit on a reference number ("26-NQ/TW"). */
const REFERENCE_MAX = 100;

export interface ProposalFormValues {
  title: string;
  kind: ProposalKind;
  leadUnitId: string;
  referenceNumber: string;
  classification: Classification;
  summary: string;
}

type Field = keyof ProposalFormValues;
const FIELDS: readonly Field[] = [
  'title',
  'kind',
  'leadUnitId',
  'referenceNumber',
  'classification',
  'summary',
];

function isField(value: string | undefined): value is Field {
  return value !== undefined && (FIELDS as readonly string[]).includes(value);
}

interface ProposalFormProps {
  initial: ProposalFormValues;
  /** The units it may be drafted by; none to leave the lead unit as it is. */
  leadUnits: ReadonlyArray<{ id: string; name: string }>;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (values: ProposalFormValues) => Promise<void>;
  onCancel?: () => void;
  testId: string;
}

/** A proposal's details: to create one, or to change them. Refusals are shown at their field. */
export function ProposalForm({
  initial,
  leadUnits,
  submitLabel,
  busyLabel,
  onSubmit,
  onCancel,
  testId,
}: ProposalFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const leadUnitId = leadUnits.some((unit) => unit.id === values.leadUnitId)
    ? values.leadUnitId
    : (leadUnits[0]?.id ?? values.leadUnitId);

  const set = <K extends Field>(field: K, value: ProposalFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const title = values.title.trim();
    if (!title) found.title = t('proposals.form.titleRequired');
    else found.title = lengthRefusal('title', title, limits.titleMax, t) ?? undefined;
    found.referenceNumber =
      lengthRefusal('referenceNumber', values.referenceNumber.trim(), REFERENCE_MAX, t) ?? undefined;
    found.summary = lengthRefusal('summary', values.summary.trim(), limits.descriptionMax, t) ?? undefined;
    if (!leadUnitId) found.leadUnitId = t('proposals.form.leadUnitRequired');
    const refused = Object.fromEntries(Object.entries(found).filter(([, text]) => text)) as typeof found;
    setErrors(refused);
    setFormError(null);
    if (Object.keys(refused).length > 0) return;
    setBusy(true);
    try {
      await onSubmit({ ...values, title, leadUnitId });
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.BAD_USER_INPUT && isField(info.field))
        setErrors({ [info.field]: describeInputError(error, t) ?? t('errors.BAD_USER_INPUT') });
      else if (info?.code === ErrorCode.CONFLICT) setFormError(t('proposals.conflict'));
      else setFormError(describeInputError(error, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`));
    } finally {
      setBusy(false);
    }
  }

  const describedBy = (field: Field, ...extra: string[]) =>
    [errors[field] ? `${id}-${field}-error` : null, ...extra].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {errors[field]}
      </p>
    );

  return (
    <form noValidate onSubmit={(event) => void submit(event)} data-testid={testId}>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('proposals.form.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          aria-invalid={errors.title ? true : undefined}
          aria-describedby={describedBy('title', `${id}-title-count`)}
          required
        />
        <CharacterCount id={`${id}-title-count`} length={values.title.trim().length} max={limits.titleMax} />
        {errorOf('title')}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('proposals.form.kind')}</label>
          <select
            id={`${id}-kind`}
            value={values.kind}
            onChange={(event) => set('kind', event.target.value as ProposalKind)}
          >
            {Object.values(ProposalKind).map((kind) => (
              <option key={kind} value={kind}>
                {t(`enums.proposalKind.${kind}`)}
              </option>
            ))}
          </select>
          {errorOf('kind')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-reference`}>
            {t('proposals.form.referenceNumber')}{' '}
            <span className="field__optional">{t('proposals.form.optional')}</span>
          </label>
          <input
            id={`${id}-reference`}
            type="text"
            value={values.referenceNumber}
            onChange={(event) => set('referenceNumber', event.target.value)}
            aria-invalid={errors.referenceNumber ? true : undefined}
            aria-describedby={describedBy('referenceNumber')}
          />
          {errorOf('referenceNumber')}
        </div>
      </div>
      {leadUnits.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('proposals.form.leadUnit')}</label>
          <select
            id={`${id}-unit`}
            value={leadUnitId}
            onChange={(event) => set('leadUnitId', event.target.value)}
            aria-invalid={errors.leadUnitId ? true : undefined}
            aria-describedby={describedBy('leadUnitId', `${id}-unit-hint`)}
          >
            {leadUnits.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          <p id={`${id}-unit-hint`} className="field__hint">
            {t('proposals.form.leadUnitHint')}
          </p>
          {errorOf('leadUnitId')}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-classification`}>{t('proposals.form.classification')}</label>
        <select
          id={`${id}-classification`}
          value={values.classification}
          onChange={(event) => set('classification', event.target.value as Classification)}
          aria-describedby={describedBy('classification', `${id}-classification-hint`)}
        >
          {Object.values(Classification).map((value) => (
            <option key={value} value={value}>
              {t(`enums.classification.${value}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-classification-hint`} className="field__hint">
          {t(`proposals.form.classificationHint.${values.classification}`)}
        </p>
        {errorOf('classification')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>
          {t('proposals.form.summary')}{' '}
          <span className="field__optional">{t('proposals.form.optional')}</span>
        </label>
        <textarea
          id={`${id}-summary`}
          rows={3}
          value={values.summary}
          onChange={(event) => set('summary', event.target.value)}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={describedBy('summary')}
        />
        {errorOf('summary')}
      </div>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
