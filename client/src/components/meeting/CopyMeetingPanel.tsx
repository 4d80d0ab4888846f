import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFormatDateTime } from '../../hooks/useFormat';
import { useTimeZone } from '../../hooks/useOrganization';
import { isoToZonedLocal, zonedLocalToIso } from '../../i18n/format';
import type { MeetingActions } from './actions';
import { useActionRunner } from './useActionRunner';
import { AgendaSourcesDocument } from '../../generated/graphql';
import type { MeetingRoomFieldsFragment } from '../../generated/graphql';

type Open = 'createFrom' | 'copyAgenda' | null;

/** Templates and copies: a new meeting from this one, or another meeting's agenda into this one. */
export function CopyMeetingPanel({
  meeting,
  actions,
}: {
  meeting: MeetingRoomFieldsFragment;
  actions: MeetingActions;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const { createFrom, copyAgendaFrom } = actions;
  if (!createFrom && !copyAgendaFrom) return null;
  const toggle = (which: Exclude<Open, null>) => setOpen((current) => (current === which ? null : which));

  return (
    <div className="copy-panel" data-print="hide">
      <div className="meeting-toolbar__buttons">
        {createFrom && (
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={open === 'createFrom'}
            onClick={() => toggle('createFrom')}
          >
            {meeting.isTemplate ? t('room.copy.fromTemplate') : t('room.copy.createFrom')}
          </button>
        )}
        {copyAgendaFrom && (
          <button
            type="button"
            className="button button--small button--ghost"
            aria-expanded={open === 'copyAgenda'}
            onClick={() => toggle('copyAgenda')}
          >
            {t('room.copy.copyAgenda')}
          </button>
        )}
      </div>
      {open === 'createFrom' && createFrom && (
        <CreateFromForm meeting={meeting} createFrom={createFrom} onCancel={() => setOpen(null)} />
      )}
      {open === 'copyAgenda' && copyAgendaFrom && (
        <CopyAgendaForm meeting={meeting} copyAgendaFrom={copyAgendaFrom} onDone={() => setOpen(null)} />
      )}
    </div>
  );
}

function CreateFromForm({
  meeting,
  createFrom,
  onCancel,
}: {
  meeting: MeetingRoomFieldsFragment;
  createFrom: NonNullable<MeetingActions['createFrom']>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const timeZone = useTimeZone();
  const navigate = useNavigate();
  const { busy, error, setError, run } = useActionRunner();
  // The same time a month later: the usual rhythm of regular sessions.
  const [startsAt, setStartsAt] = useState(() => {
    const next = new Date(meeting.startsAt);
    next.setUTCMonth(next.getUTCMonth() + 1);
    return isoToZonedLocal(next, timeZone);
  });
  const [title, setTitle] = useState(meeting.title);
  const [isTemplate, setIsTemplate] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const iso = zonedLocalToIso(startsAt, timeZone);
    if (!iso) {
      setError(t('createMeeting.errors.startsAtRequired'));
      return;
    }
    let newId = '';
    void run(async () => {
      newId = await createFrom({ startsAt: iso, title: title.trim() || meeting.title, isTemplate });
    }).then((ok) => {
      if (ok && newId) void navigate(`/meetings/${newId}`);
    });
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} data-testid="create-from-form">
      <p className="field__hint">{t('room.copy.createFromHint')}</p>
      <div className="field field--compact">
        <label htmlFor={`${id}-title`}>{t('createMeeting.title')}</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </div>
      <div className="field field--compact">
        <label htmlFor={`${id}-startsAt`}>{t('createMeeting.startsAt')}</label>
        <input
          id={`${id}-startsAt`}
          type="datetime-local"
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
          aria-describedby={`${id}-zone`}
          required
        />
        <p id={`${id}-zone`} className="field__hint">
          {t('createMeeting.startsAtHint', { timeZone })}
        </p>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={isTemplate}
          onChange={(event) => setIsTemplate(event.target.checked)}
        />{' '}
        {t('room.copy.asTemplate')}
      </label>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? t('common.saving') : t('room.copy.create')}
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

function CopyAgendaForm({
  meeting,
  copyAgendaFrom,
  onDone,
}: {
  meeting: MeetingRoomFieldsFragment;
  copyAgendaFrom: NonNullable<MeetingActions['copyAgendaFrom']>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  const sources = useQuery(AgendaSourcesDocument, { variables: { committeeId: meeting.committee.id } });
  const { busy, error, run } = useActionRunner();
  const [sourceId, setSourceId] = useState('');
  const templates = (sources.data?.templates.edges ?? [])
    .map((edge) => edge.node)
    .filter((m) => m.id !== meeting.id);
  const recent = (sources.data?.recent.edges ?? [])
    .map((edge) => edge.node)
    .filter((m) => m.id !== meeting.id);

  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (sourceId) void run(() => copyAgendaFrom(sourceId)).then((ok) => ok && onDone());
      }}
      data-testid="copy-agenda-form"
    >
      <p className="field__hint">{t('room.copy.copyAgendaHint')}</p>
      <div className="field field--compact">
        <label htmlFor={`${id}-source`}>{t('room.copy.source')}</label>
        <select
          id={`${id}-source`}
          value={sourceId}
          onChange={(event) => setSourceId(event.target.value)}
          required
        >
          <option value="">{sources.loading ? t('common.loading') : t('room.copy.chooseSource')}</option>
          {templates.length > 0 && (
            <optgroup label={t('room.copy.templates')}>
              {templates.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.title}
                </option>
              ))}
            </optgroup>
          )}
          {recent.length > 0 && (
            <optgroup label={t('room.copy.recent')}>
              {recent.map((source) => (
                <option key={source.id} value={source.id}>
                  {source.title} ({formatDateTime(source.startsAt)})
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </div>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy || !sourceId}>
          {busy ? t('common.saving') : t('room.copy.copy')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
