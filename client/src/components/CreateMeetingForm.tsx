import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorCode, MeetingKind, limits } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { describeInputError } from '../apollo/input-error';
import { addMeetingToLists } from '../apollo/meetings-cache';
import { useCommittees } from '../hooks/useCommittees';
import { useTimeZone } from '../hooks/useOrganization';
import { usePeople } from '../hooks/usePeople';
import { isoToZonedLocal, zonedLocalToIso } from '../i18n/format';
import { Alert } from './Alert';
import { CharacterCount, lengthRefusal } from './CharacterCount';
import { PersonSelect } from './PersonSelect';
import { CreateMeetingDocument } from '../generated/graphql';

type Field =
  | 'title'
  | 'kind'
  | 'committeeId'
  | 'startsAt'
  | 'endsAt'
  | 'location'
  | 'chairId'
  | 'secretaryId';
type FieldErrors = Partial<Record<Field, string>>;

const FIELDS: readonly Field[] = [
  'title',
  'kind',
  'committeeId',
  'startsAt',
  'endsAt',
  'location',
  'chairId',
  'secretaryId',
];

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
  const { people } = usePeople();
  const [createMeeting, { loading: creating }] = useMutation(CreateMeetingDocument);

  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<MeetingKind>(MeetingKind.REGULAR);
  const [committeeId, setCommitteeId] = useState('');
  const [startsAt, setStartsAt] = useState(() => defaultStart(timeZone));
  const [endsAt, setEndsAt] = useState('');
  const [location, setLocation] = useState('');
  const [chairId, setChairId] = useState('');
  const [secretaryId, setSecretaryId] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ id: string; title: string } | null>(null);

  const { committees } = units;
  // The select shows the first committee until another is chosen; the form submits exactly what it shows,
  // and cannot be submitted before the committees have arrived (it used to, and then said "choose a
  // committee" under a select that, a moment later, showed one).
  const selectedCommittee = committees.some((unit) => unit.id === committeeId)
    ? committeeId
    : (committees[0]?.id ?? '');
  const committeesReady = committees.length > 0;

  /** Edits a field and drops the error it had: the message is about a value no longer there. */
  const change =
    <T,>(field: Field, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setFieldErrors((errors) => {
        if (!errors[field]) return errors;
        const { [field]: _dropped, ...rest } = errors;
        return rest;
      });
    };

  function validate(): FieldErrors {
    const errors: FieldErrors = {};
    const trimmed = title.trim();
    const titleTooLong = lengthRefusal('title', trimmed, limits.titleMax, t);
    if (!trimmed) errors.title = t('createMeeting.errors.titleRequired');
    else if (titleTooLong) errors.title = titleTooLong;
    const locationTooLong = lengthRefusal('location', location.trim(), limits.locationMax, t);
    if (locationTooLong) errors.location = locationTooLong;
    if (!selectedCommittee) errors.committeeId = t('createMeeting.errors.committeeRequired');
    const start = zonedLocalToIso(startsAt, timeZone);
    if (!start) errors.startsAt = t('createMeeting.errors.startsAtRequired');
    const end = endsAt ? zonedLocalToIso(endsAt, timeZone) : null;
    if (endsAt && (!end || (start && end <= start)))
      errors.endsAt = t('meetingDetails.errors.endsBeforeStart');
    if (chairId && chairId === secretaryId) errors.secretaryId = t('meetingDetails.errors.sameOfficer');
    return errors;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!committeesReady) return;
    setCreated(null);
    setFormError(null);
    const errors = validate();
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;

    const trimmed = title.trim();
    try {
      const result = await createMeeting({
        variables: {
          input: {
            title: trimmed,
            kind,
            committeeId: selectedCommittee,
            startsAt: zonedLocalToIso(startsAt, timeZone) ?? startsAt,
            ...(endsAt ? { endsAt: zonedLocalToIso(endsAt, timeZone) } : {}),
            ...(location.trim() ? { location: location.trim() } : {}),
            ...(chairId ? { chairId } : {}),
            ...(secretaryId ? { secretaryId } : {}),
          },
        },
        update: (cache, response) => {
          const meeting = response.data?.createMeeting.meeting;
          if (meeting) addMeetingToLists(cache, meeting);
        },
      });
      const meeting = result.data?.createMeeting.meeting;
      setTitle('');
      setEndsAt('');
      setLocation('');
      setChairId('');
      setSecretaryId('');
      if (meeting) setCreated({ id: meeting.id, title: trimmed });
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.BAD_USER_INPUT && isField(info.field)) {
        setFieldErrors({ [info.field]: describeInputError(error, t) ?? t('errors.BAD_USER_INPUT') });
      } else {
        setFormError(describeInputError(error, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`));
      }
    }
  }

  const describedBy = (field: Field, ...extra: string[]) =>
    [fieldErrors[field] ? `${id}-${field}-error` : null, ...extra].filter(Boolean).join(' ') || undefined;
  const errorOf = (field: Field) =>
    fieldErrors[field] && (
      <p id={`${id}-${field}-error`} className="field__error">
        {fieldErrors[field]}
      </p>
    );

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
            placeholder={t('createMeeting.titlePlaceholder')}
            onChange={(event) => change('title', setTitle)(event.target.value)}
            aria-invalid={fieldErrors.title ? true : undefined}
            aria-describedby={describedBy('title', `${id}-title-count`)}
            required
          />
          <CharacterCount id={`${id}-title-count`} length={title.trim().length} max={limits.titleMax} />
          {errorOf('title')}
        </div>

        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('createMeeting.kind')}</label>
          <select
            id={`${id}-kind`}
            name="kind"
            value={kind}
            onChange={(event) => change('kind', setKind)(event.target.value as MeetingKind)}
            aria-describedby={describedBy('kind')}
          >
            {Object.values(MeetingKind).map((value) => (
              <option key={value} value={value}>
                {t(`enums.meetingKind.${value}`)}
              </option>
            ))}
          </select>
          {errorOf('kind')}
        </div>

        <div className="field">
          <label htmlFor={`${id}-committee`}>{t('createMeeting.committee')}</label>
          <select
            id={`${id}-committee`}
            name="committeeId"
            value={selectedCommittee}
            onChange={(event) => change('committeeId', setCommitteeId)(event.target.value)}
            disabled={!committeesReady}
            aria-invalid={fieldErrors.committeeId ? true : undefined}
            aria-describedby={describedBy('committeeId')}
            required
          >
            {units.loading && !committeesReady && <option value="">{t('common.loading')}</option>}
            {!units.loading && !committeesReady && (
              <option value="">{t('createMeeting.noCommittees')}</option>
            )}
            {committees.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
          {errorOf('committeeId')}
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
            onChange={(event) => change('startsAt', setStartsAt)(event.target.value)}
            aria-invalid={fieldErrors.startsAt ? true : undefined}
            aria-describedby={describedBy('startsAt', `${id}-startsAt-hint`)}
            required
          />
          <p id={`${id}-startsAt-hint`} className="field__hint">
            {t('createMeeting.startsAtHint', { timeZone })}
          </p>
          {errorOf('startsAt')}
        </div>

        <div className="field">
          <label htmlFor={`${id}-endsAt`}>{t('meetingDetails.endsAt')}</label>
          <input
            id={`${id}-endsAt`}
            name="endsAt"
            type="datetime-local"
            value={endsAt}
            min={startsAt}
            onChange={(event) => change('endsAt', setEndsAt)(event.target.value)}
            aria-invalid={fieldErrors.endsAt ? true : undefined}
            aria-describedby={describedBy('endsAt')}
          />
          {errorOf('endsAt')}
        </div>

        <div className="field">
          <label htmlFor={`${id}-location`}>{t('meetingDetails.location')}</label>
          <input
            id={`${id}-location`}
            name="location"
            type="text"
            value={location}
            onChange={(event) => change('location', setLocation)(event.target.value)}
            aria-invalid={fieldErrors.location ? true : undefined}
            aria-describedby={describedBy('location', `${id}-location-count`)}
          />
          <CharacterCount
            id={`${id}-location-count`}
            length={location.trim().length}
            max={limits.locationMax}
          />
          {errorOf('location')}
        </div>

        <PersonSelect
          id={`${id}-chair`}
          label={t('meetingDetails.chair')}
          value={chairId}
          people={people}
          onChange={change('chairId', setChairId)}
          error={fieldErrors.chairId}
        />
        <PersonSelect
          id={`${id}-secretary`}
          label={t('meetingDetails.secretary')}
          value={secretaryId}
          people={people}
          onChange={change('secretaryId', setSecretaryId)}
          error={fieldErrors.secretaryId}
        />

        {formError && <Alert tone="error">{formError}</Alert>}
        {created && (
          <Alert tone="success" testId="create-meeting-success">
            {t('createMeeting.created', { title: created.title })}{' '}
            <Link to={`/meetings/${created.id}`} data-testid="created-meeting-link">
              {t('createMeeting.open')}
            </Link>
          </Alert>
        )}

        <button type="submit" className="button button--primary" disabled={creating || !committeesReady}>
          {creating ? t('createMeeting.submitting') : t('createMeeting.submit')}
        </button>
      </form>
    </section>
  );
}
