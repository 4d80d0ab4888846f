import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ErrorCode, limits } from '@quorum/shared';
import { apiErrorInfo } from '../../apollo/errors';
import { describeInputError } from '../../apollo/input-error';
import { useLocale } from '../../hooks/useFormat';
import { useTimeZone } from '../../hooks/useOrganization';
import { usePeople } from '../../hooks/usePeople';
import {
  formatDate,
  formatMinutes,
  formatTime,
  isoToZonedLocal,
  zonedDateKey,
  zonedLocalToIso,
} from '../../i18n/format';
import { CharacterCount, lengthRefusal } from '../CharacterCount';
import { PersonSelect } from '../PersonSelect';
import { MeetingDocument, UpdateMeetingDetailsDocument } from '../../generated/graphql';
import type { MeetingRoomFieldsFragment, UpdateMeetingInput } from '../../generated/graphql';

/**
 * When the agenda's planned minutes, counted from the start, run past the planned end: until when, and by how
 * many minutes. Null when the meeting has no end or the agenda fits.
 */
export function agendaOverrun(
  meeting: Pick<MeetingRoomFieldsFragment, 'startsAt' | 'endsAt' | 'agendaDurationMinutes'>,
): { until: Date; minutes: number } | null {
  if (!meeting.endsAt) return null;
  const until = new Date(new Date(meeting.startsAt).getTime() + meeting.agendaDurationMinutes * 60_000);
  const minutes = Math.ceil((until.getTime() - new Date(meeting.endsAt).getTime()) / 60_000);
  return minutes > 0 ? { until, minutes } : null;
}

interface Draft {
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  chairId: string;
  secretaryId: string;
}

type Field = keyof Draft;

function draftOf(meeting: MeetingRoomFieldsFragment, timeZone: string): Draft {
  return {
    title: meeting.title,
    startsAt: isoToZonedLocal(new Date(meeting.startsAt), timeZone),
    endsAt: meeting.endsAt ? isoToZonedLocal(new Date(meeting.endsAt), timeZone) : '',
    location: meeting.location ?? '',
    chairId: meeting.chair?.id ?? '',
    secretaryId: meeting.secretary?.id ?? '',
  };
}

/**
 * The meeting's facts (time, place, committee, chair, secretary), a warning when the agenda runs past the
 * planned end, and, for whoever may update the meeting, an edit mode for them.
 */
export function MeetingDetails({ meeting }: { meeting: MeetingRoomFieldsFragment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const timeZone = useTimeZone();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back to the button that opened the form, so keyboard users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const sameDay =
    meeting.endsAt && zonedDateKey(meeting.endsAt, timeZone) === zonedDateKey(meeting.startsAt, timeZone);
  const when = meeting.endsAt
    ? sameDay
      ? `${formatTime(meeting.startsAt, timeZone)}–${formatTime(meeting.endsAt, timeZone)}, ${formatDate(meeting.startsAt, locale, timeZone)}`
      : `${formatTime(meeting.startsAt, timeZone)} ${formatDate(meeting.startsAt, locale, timeZone)} – ${formatTime(meeting.endsAt, timeZone)} ${formatDate(meeting.endsAt, locale, timeZone)}`
    : `${formatTime(meeting.startsAt, timeZone)}, ${formatDate(meeting.startsAt, locale, timeZone)}`;
  const overrun = agendaOverrun(meeting);

  return (
    <>
      {editing ? (
        <MeetingDetailsForm meeting={meeting} onDone={() => setEditing(false)} />
      ) : (
        <dl className="meeting-facts">
          <div>
            <dt>{t('room.facts.time')}</dt>
            <dd>
              <time dateTime={meeting.startsAt}>{when}</time>
            </dd>
          </div>
          <div>
            <dt>{t('room.facts.location')}</dt>
            <dd data-testid="room-location">{meeting.location || t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('room.facts.committee')}</dt>
            <dd>{meeting.committee.name}</dd>
          </div>
          <div>
            <dt>{t('room.facts.chair')}</dt>
            <dd data-testid="room-chair">{meeting.chair?.fullName ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('room.facts.secretary')}</dt>
            <dd data-testid="room-secretary">{meeting.secretary?.fullName ?? t('common.none')}</dd>
          </div>
        </dl>
      )}
      {overrun && meeting.endsAt && (
        <p
          className="alert alert--warning meeting-header__overrun"
          role="status"
          data-testid="agenda-overrun"
        >
          {t('meetingDetails.overrun', {
            total: formatMinutes(meeting.agendaDurationMinutes, locale),
            until: formatTime(overrun.until, timeZone),
            end: formatTime(meeting.endsAt, timeZone),
            over: formatMinutes(overrun.minutes, locale),
          })}
        </p>
      )}
      {meeting.viewerCan.update && !editing && (
        <p className="meeting-header__edit" data-print="hide">
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            onClick={() => setEditing(true)}
            aria-label={t('meetingDetails.editLabel')}
          >
            {t('meetingDetails.edit')}
          </button>
        </p>
      )}
    </>
  );
}

function MeetingDetailsForm({ meeting, onDone }: { meeting: MeetingRoomFieldsFragment; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const timeZone = useTimeZone();
  const client = useApolloClient();
  const { people } = usePeople();
  const [updateMeeting, { loading: saving }] = useMutation(UpdateMeetingDetailsDocument);
  // What the form started from: only what the user changed is sent, at the version it was read at.
  const [base, setBase] = useState(() => ({ draft: draftOf(meeting, timeZone), version: meeting.version }));
  const [draft, setDraft] = useState<Draft>(base.draft);
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const [notice, setNotice] = useState<string | null>(null);

  const set = (field: Field) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors(({ [field]: _dropped, ...rest }) => rest);
  };

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    const title = draft.title.trim();
    if (!title) found.title = t('meetingDetails.errors.titleRequired');
    else {
      const tooLong = lengthRefusal('title', title, limits.titleMax, t);
      if (tooLong) found.title = tooLong;
    }
    const locationTooLong = lengthRefusal('location', draft.location.trim(), limits.locationMax, t);
    if (locationTooLong) found.location = locationTooLong;
    const start = zonedLocalToIso(draft.startsAt, timeZone);
    if (!start) found.startsAt = t('createMeeting.errors.startsAtRequired');
    const end = draft.endsAt ? zonedLocalToIso(draft.endsAt, timeZone) : null;
    if (draft.endsAt && (!end || (start && end <= start)))
      found.endsAt = t('meetingDetails.errors.endsBeforeStart');
    if (draft.chairId && draft.chairId === draft.secretaryId)
      found.secretaryId = t('meetingDetails.errors.sameOfficer');
    return found;
  }

  function changes(): Omit<UpdateMeetingInput, 'id' | 'expectedVersion'> {
    const from = base.draft;
    const input: Omit<UpdateMeetingInput, 'id' | 'expectedVersion'> = {};
    if (draft.title.trim() !== from.title) input.title = draft.title.trim();
    if (draft.startsAt !== from.startsAt) input.startsAt = zonedLocalToIso(draft.startsAt, timeZone) ?? '';
    if (draft.endsAt !== from.endsAt)
      input.endsAt = draft.endsAt ? zonedLocalToIso(draft.endsAt, timeZone) : null;
    if (draft.location.trim() !== from.location) input.location = draft.location.trim() || null;
    if (draft.chairId !== from.chairId) input.chairId = draft.chairId || null;
    if (draft.secretaryId !== from.secretaryId) input.secretaryId = draft.secretaryId || null;
    return input;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const input = changes();
    if (Object.keys(input).length === 0) return onDone();
    try {
      await updateMeeting({
        variables: { input: { id: meeting.id, expectedVersion: base.version, ...input } },
      });
      onDone();
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.CONFLICT) {
        // Someone else saved first: take their version as the new base and keep what this person typed, so
        // saving again applies their changes over the other person's.
        try {
          const latest = await client.query({
            query: MeetingDocument,
            variables: { id: meeting.id },
            fetchPolicy: 'network-only',
          });
          const version = latest.data?.meeting?.version;
          if (typeof version === 'number') setBase((current) => ({ ...current, version }));
        } catch {
          // The notice says what happened; the live feed brings the change.
        }
        setNotice(t('meetingDetails.conflict'));
        return;
      }
      const field = info?.field as Field | undefined;
      const message = describeInputError(error, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`);
      setErrors(field && field in draft ? { [field]: message } : { form: message });
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
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
  const input = (field: 'title' | 'startsAt' | 'endsAt' | 'location', type: string, max?: number) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{t(`meetingDetails.${field}`)}</label>
      <input
        id={`${id}-${field}`}
        type={type}
        value={draft[field]}
        onChange={(event) => set(field)(event.target.value)}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(field, ...(max ? [`${id}-${field}-count`] : []))}
        autoFocus={field === 'title'}
      />
      {max !== undefined && (
        <CharacterCount id={`${id}-${field}-count`} length={draft[field].trim().length} max={max} />
      )}
      {errorOf(field)}
    </div>
  );

  return (
    <form
      className="meeting-details-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      onKeyDown={onKeyDown}
      aria-label={t('meetingDetails.editLabel')}
      data-testid="meeting-details-form"
    >
      {input('title', 'text', limits.titleMax)}
      <div className="meeting-details-form__row">
        {input('startsAt', 'datetime-local')}
        {input('endsAt', 'datetime-local')}
      </div>
      {input('location', 'text', limits.locationMax)}
      <div className="meeting-details-form__row">
        <PersonSelect
          id={`${id}-chair`}
          label={t('meetingDetails.chair')}
          value={draft.chairId}
          people={people}
          onChange={set('chairId')}
          error={errors.chairId}
        />
        <PersonSelect
          id={`${id}-secretary`}
          label={t('meetingDetails.secretary')}
          value={draft.secretaryId}
          people={people}
          onChange={set('secretaryId')}
          error={errors.secretaryId}
        />
      </div>
      {notice && (
        <p className="alert alert--warning" role="status">
          {notice}
        </p>
      )}
      {errors.form && (
        <p className="field__error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
