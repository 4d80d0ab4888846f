import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Classification, ErrorCode, limits } from '@quorum/shared';
import { apiErrorInfo } from '../apollo/errors';
import { describeInputError } from '../apollo/input-error';
import { useFormatDateTime } from '../hooks/useFormat';
import { CharacterCount, lengthRefusal } from './CharacterCount';
import { MeetingDocument, UpdateMeetingDocument } from '../generated/graphql';
import type { MeetingFieldsFragment } from '../generated/graphql';

interface Editing {
  draft: string;
  /** The version the user started from: a change by someone else since then is a CONFLICT, not a silent overwrite. */
  version: number;
}

export function MeetingRow({ meeting }: { meeting: MeetingFieldsFragment }) {
  const { t } = useTranslation();
  const id = useId();
  const client = useApolloClient();
  const formatDateTime = useFormatDateTime();
  const [updateMeeting, { loading: saving }] = useMutation(UpdateMeetingDocument);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'warning'; text: string } | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  // Back to the button that opened the editor, so keyboard users keep their place.
  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  function startEditing() {
    setMessage(null);
    setEditing({ draft: meeting.title, version: meeting.version });
  }

  function stopEditing() {
    setEditing(null);
    setMessage(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!editing) return;
    const title = editing.draft.trim();
    if (!title) {
      setMessage({ tone: 'error', text: t('meetings.rename.required') });
      return;
    }
    const tooLong = lengthRefusal('title', title, limits.titleMax, t);
    if (tooLong) {
      setMessage({ tone: 'error', text: tooLong });
      return;
    }
    if (title === meeting.title && editing.version === meeting.version) {
      stopEditing();
      return;
    }
    setMessage(null);
    try {
      await updateMeeting({
        variables: { input: { id: meeting.id, expectedVersion: editing.version, title } },
      });
      stopEditing();
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info?.code === ErrorCode.CONFLICT) {
        setMessage({ tone: 'warning', text: t('meetings.rename.conflict') });
        // Load what the other person saved; the user's draft stays so they can decide.
        try {
          const latest = await client.query({
            query: MeetingDocument,
            variables: { id: meeting.id },
            fetchPolicy: 'network-only',
          });
          const version = latest.data?.meeting?.version;
          if (typeof version === 'number')
            setEditing((current) => (current ? { ...current, version } : current));
        } catch {
          // The warning already says what happened; the live feed will bring the change.
        }
      } else {
        setMessage({
          tone: 'error',
          text: describeInputError(error, t) ?? t(`errors.${info?.code ?? 'NETWORK'}`),
        });
      }
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') {
      event.preventDefault();
      stopEditing();
    }
  }

  const titleCell = editing ? (
    <form className="rename" onSubmit={(event) => void onSubmit(event)} onKeyDown={onKeyDown}>
      <label htmlFor={`${id}-title`} className="visually-hidden">
        {t('meetings.rename.label')}
      </label>
      <input
        id={`${id}-title`}
        type="text"
        value={editing.draft}
        autoFocus
        onChange={(event) => {
          const draft = event.target.value;
          setEditing((current) => (current ? { ...current, draft } : current));
        }}
        aria-describedby={[message ? `${id}-message` : '', `${id}-count`].join(' ').trim()}
      />
      <CharacterCount id={`${id}-count`} length={editing.draft.trim().length} max={limits.titleMax} />
      <div className="rename__actions">
        <button type="submit" className="button button--primary button--small" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="button button--small" onClick={stopEditing}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  ) : (
    <>
      <Link className="meeting-title" data-testid="meeting-title" to={`/meetings/${meeting.id}`}>
        {meeting.title}
      </Link>
      {meeting.classification !== Classification.INTERNAL && (
        <span className={`badge badge--classification badge--${meeting.classification.toLowerCase()}`}>
          {t(`enums.classification.${meeting.classification}`)}
        </span>
      )}
    </>
  );

  return (
    <tr data-testid="meeting-row" data-meeting-id={meeting.id}>
      <td data-label={t('meetings.columns.title')} className="cell-title">
        {titleCell}
        {message && (
          <p
            id={`${id}-message`}
            className={`cell-message cell-message--${message.tone}`}
            role="alert"
            data-testid="meeting-row-message"
          >
            {message.text}
          </p>
        )}
      </td>
      <td data-label={t('meetings.columns.kind')}>{t(`enums.meetingKind.${meeting.kind}`)}</td>
      <td data-label={t('meetings.columns.status')}>
        <span className={`badge badge--${meeting.status.toLowerCase()}`}>
          {t(`enums.meetingStatus.${meeting.status}`)}
        </span>
      </td>
      <td data-label={t('meetings.columns.startsAt')} className="cell-nowrap">
        <time dateTime={meeting.startsAt}>{formatDateTime(meeting.startsAt)}</time>
      </td>
      <td data-label={t('meetings.columns.location')}>{meeting.location || t('common.none')}</td>
      <td data-label={t('meetings.columns.committee')}>{meeting.committee.name}</td>
      <td data-label={t('meetings.columns.actions')} className="cell-actions">
        {!editing && meeting.viewerCan.update && (
          <button
            ref={renameButton}
            type="button"
            className="button button--small"
            onClick={startEditing}
            aria-label={t('meetings.rename.buttonLabel', { title: meeting.title })}
          >
            {t('meetings.rename.button')}
          </button>
        )}
      </td>
    </tr>
  );
}
