import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorCode, limits } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';
import { zonedDateKey } from '../../i18n/format';
import { useTimeZone } from '../../hooks/useOrganization';
import { Alert } from '../Alert';
import { CharacterCount, lengthRefusal } from '../CharacterCount';
import { CreateWorkProgrammeDocument } from '../../generated/graphql';
import type { UnitFieldsFragment } from '../../generated/graphql';

type Field = 'unitId' | 'year' | 'title';

/**
 * A committee's programme for a year (the office; one per committee and year). The title is suggested from
 * the two until the office types one of its own.
 */
export function CreateProgrammeForm({ committees }: { committees: readonly UnitFieldsFragment[] }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const timeZone = useTimeZone();
  const thisYear = Number(zonedDateKey(new Date(), timeZone).slice(0, 4));
  const [create] = useMutation(CreateWorkProgrammeDocument);
  const [unitId, setUnitId] = useState('');
  const [year, setYear] = useState(String(thisYear));
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosenUnit = committees.find((unit) => unit.id === unitId) ?? committees[0];
  const suggestion = chosenUnit ? t('programme.create.suggestion', { year, unit: chosenUnit.name }) : '';
  const shownTitle = titleTouched ? title : suggestion;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    const trimmed = shownTitle.trim();
    const yearNumber = Number(year);
    if (!chosenUnit) found.unitId = t('programme.create.unitRequired');
    if (!/^\d{4}$/.test(year.trim())) found.year = t('programme.create.yearInvalid');
    if (!trimmed) found.title = t('programme.create.titleRequired');
    else {
      const tooLong = lengthRefusal('title', trimmed, limits.titleMax, t);
      if (tooLong) found.title = tooLong;
    }
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0 || !chosenUnit) return;
    setBusy(true);
    try {
      const result = await create({
        variables: { input: { unitId: chosenUnit.id, year: yearNumber, title: trimmed } },
      });
      const created = result.data?.createWorkProgramme.programme;
      if (created) await navigate(`/programme/${created.id}`);
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.BAD_USER_INPUT && info.field === 'year')
        setErrors({ year: t('programme.create.yearRefused') });
      else if (info?.code === ErrorCode.BAD_USER_INPUT && (info.field === 'title' || info.field === 'unitId'))
        setErrors({ [info.field]: describeInputError(error, t) ?? t('errors.BAD_USER_INPUT') });
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
    <section className="panel create-meeting" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('programme.create.heading')}
      </h2>
      <form noValidate onSubmit={(event) => void submit(event)} data-testid="create-programme-form">
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('programme.create.unit')}</label>
          <select
            id={`${id}-unit`}
            value={chosenUnit?.id ?? ''}
            onChange={(event) => setUnitId(event.target.value)}
            aria-invalid={errors.unitId ? true : undefined}
            aria-describedby={describedBy('unitId')}
          >
            {committees.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          {errorOf('unitId')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-year`}>{t('programme.create.year')}</label>
          <input
            id={`${id}-year`}
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={year}
            onChange={(event) => setYear(event.target.value)}
            aria-invalid={errors.year ? true : undefined}
            aria-describedby={describedBy('year')}
          />
          {errorOf('year')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('programme.create.title')}</label>
          <input
            id={`${id}-title`}
            type="text"
            value={shownTitle}
            onChange={(event) => {
              setTitleTouched(true);
              setTitle(event.target.value);
            }}
            aria-invalid={errors.title ? true : undefined}
            aria-describedby={describedBy('title', `${id}-title-count`)}
          />
          <CharacterCount id={`${id}-title-count`} length={shownTitle.length} max={limits.titleMax} />
          {errorOf('title')}
        </div>
        {formError && <Alert tone="error">{formError}</Alert>}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('programme.create.submitting') : t('programme.create.submit')}
        </button>
      </form>
    </section>
  );
}
