import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, MeetingKind, limits } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { addMeetingToLists } from '../apollo/meetings-cache';
import { CREATE_MEETING_MUTATION } from '../apollo/operations';
import { useCommittees } from '../hooks/useCommittees';
import { useTimeZone } from '../hooks/useOrganization';
import { isoToZonedLocal, zonedLocalToIso } from '../i18n/format';
import { Alert } from './Alert';

type Field = 'title' | 'kind' | 'committeeId' | 'startsAt';
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = ['title', 'kind', 'committeeId', 'startsAt'];

function isField(value: string | undefined): value is Field {
  return value !== undefined && (FIELDS as readonly string[]).includes(value);
}

/** Next full hour a week from now: a sensible default that is obviously a default. */
function defaultStart(timeZone: string): string {
  const date = new Date(Date.now() + 7 * 24 * 3600_000);
  date.setUTCMinutes(0, 0, 0);
  return isoToZonedLocal(date, timeZone);
}

export function CreateMeetingForm() {
  const { t } = useTranslation();
  const id = useId();
  const timeZone = useTimeZone();
  const units = useCommittees();
  const [createMeeting, { loading: creating }] = useMutation(CREATE_MEETING_MUTATION);

  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>(MeetingKind.REGULAR);
  const [committeeId, setCommitteeId] = useState('');
  const [startsAt, setStartsAt] = useState(() => defaultStart(timeZone));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);

  const { committees } = units;
  const selectedCommittee = committeeId || committees[0]?.id || '';

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    if (!title.trim()) errors.title = t('createMeeting.errors.titleRequired');
    else if (title.trim().length > limits.titleMax)
      errors.title = t('meetings.rename.tooLong', { max: limits.titleMax });
    if (!selectedCommittee) errors.committeeId = t('createMeeting.errors.committeeRequired');
    if (!zonedLocalToIso(startsAt, timeZone)) errors.startsAt = t('createMeeting.errors.startsAtRequired');
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setCreated(null);
    setFormError(null);
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    const trimmed = title.trim();
    try {
      await createMeeting({
        variables: {
          input: {
            title: trimmed,
            kind,
            committeeId: selectedCommittee,
            startsAt: zonedLocalToIso(startsAt, timeZone) ?? startsAt,
          },
        },
        update: (cache, result) => {
          const meeting = result.data?.createMeeting.meeting;
          if (meeting) addMeetingToLists(cache, meeting);
        },
      });
      setTitle('');
      setCreated(t('createMeeting.created', { title: trimmed }));
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.BAD_USER_INPUT && isField(info.field)) {
        setFieldErrors({ [info.field]: t('errors.BAD_USER_INPUT') });
      } else {
        setFormError(t(`errors.${info?.code ?? 'NETWORK'}`));
      }
    }
  }

  const describedBy = (field: Field, extra?: string) =>
    [fieldErrors[field] ? `${id}-${field}-error` : null, extra].filter(Boolean).join(' ') || undefined;

  return (
    <section className="panel create-meeting" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="panel__title">
        {t('createMeeting.heading')}
      </h2>
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="create-meeting-form">
        <div className="field">
          <label htmlFor={`${id}-title`}>{t('createMeeting.title')}</label>
          <input
            id={`${id}-title`}
            name="title"
            type="text"
            value={title}
            maxLength={limits.titleMax}
            placeholder={t('createMeeting.titlePlaceholder')}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={fieldErrors.title ? true : undefined}
            aria-describedby={describedBy('title')}
            required
          />
          {fieldErrors.title && (
            <p id={`${id}-title-error`} className="field__error">
              {fieldErrors.title}
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('createMeeting.kind')}</label>
          <select
            id={`${id}-kind`}
            name="kind"
            value={kind}
            onChange={(event) => setKind(event.target.value as MeetingKind)}
            aria-describedby={describedBy('kind')}
          >
            {Object.values(MeetingKind).map((value) => (
              <option key={value} value={value}>
                {t(`enums.meetingKind.${value}`)}
              </option>
            ))}
          </select>
          {fieldErrors.kind && (
            <p id={`${id}-kind-error`} className="field__error">
              {fieldErrors.kind}
            </p>
          )}
        </div>

        <div className="field">
          <label htmlFor={`${id}-committee`}>{t('createMeeting.committee')}</label>
          <select
            id={`${id}-committee`}
            name="committeeId"
            value={selectedCommittee}
            onChange={(event) => setCommitteeId(event.target.value)}
            disabled={units.loading && committees.length === 0}
            aria-invalid={fieldErrors.committeeId ? true : undefined}
            aria-describedby={describedBy('committeeId')}
            required
          >
            {units.loading && committees.length === 0 && <option value="">{t('common.loading')}</option>}
            {!units.loading && committees.length === 0 && (
              <option value="">{t('createMeeting.noCommittees')}</option>
            )}
            {committees.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          {fieldErrors.committeeId && (
            <p id={`${id}-committeeId-error`} className="field__error">
              {fieldErrors.committeeId}
            </p>
          )}
          {units.error && (
            <p className="field__error">{t(`errors.${apiErrorInfo(units.error)?.code ?? 'NETWORK'}`)}</p>
          )}
        </div>

        <div className="field">
          <label htmlFor={`${id}-startsAt`}>{t('createMeeting.startsAt')}</label>
          <input
            id={`${id}-startsAt`}
            name="startsAt"
            type="datetime-local"
            value={startsAt}
            onChange={(event) => setStartsAt(event.target.value)}
            aria-invalid={fieldErrors.startsAt ? true : undefined}
            aria-describedby={describedBy('startsAt', `${id}-startsAt-hint`)}
            required
          />
          <p id={`${id}-startsAt-hint`} className="field__hint">
            {t('createMeeting.startsAtHint', { timeZone })}
          </p>
          {fieldErrors.startsAt && (
            <p id={`${id}-startsAt-error`} className="field__error">
              {fieldErrors.startsAt}
            </p>
          )}
        </div>

        {formError && <Alert tone="error">{formError}</Alert>}
        {created && (
          <Alert tone="success" testId="create-meeting-success">
            {created}
          </Alert>
        )}

        <button type="submit" className="button button--primary" disabled={creating}>
          {creating ? t('createMeeting.submitting') : t('createMeeting.submit')}
        </button>
      </form>
    </section>
  );
}
