import { memo, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Attendance, ParticipantRole } from '@quorum/shared';
import { useFormatDateTime } from '../../hooks/useFormat';
import type { MeetingActions } from './actions';
import { AddParticipantForm } from './AddParticipantForm';
import { useActionRunner } from './useActionRunner';
import type { ParticipantFieldsFragment } from '../../generated/graphql';

const ROLE_ORDER = [
  ParticipantRole.CHAIR,
  ParticipantRole.MEMBER,
  ParticipantRole.SECRETARY,
  ParticipantRole.INVITEE,
];
const CHOICES = [Attendance.PRESENT, Attendance.ABSENT, Attendance.EXCUSED, Attendance.UNKNOWN];

interface ParticipantsPanelProps {
  participants: ParticipantFieldsFragment[];
  totalCount: number;
  actions: MeetingActions;
}

export function ParticipantsPanel({ participants, totalCount, actions }: ParticipantsPanelProps) {
  const { t } = useTranslation();
  const id = useId();
  const [adding, setAdding] = useState(false);
  const counts = new Map<Attendance, number>();
  for (const participant of participants)
    counts.set(participant.attendance, (counts.get(participant.attendance) ?? 0) + 1);

  const groups = ROLE_ORDER.map((role) => ({
    role,
    people: participants
      .filter((participant) => participant.role === role)
      .sort((a, b) => a.user.fullName.localeCompare(b.user.fullName, 'vi')),
  })).filter((group) => group.people.length > 0);

  return (
    <section className="panel participants" aria-labelledby={`${id}-heading`} data-testid="participants">
      <h2 id={`${id}-heading`} className="panel__title">
        {t('room.participants.heading')} <span className="panel__count">({participants.length})</span>
      </h2>
      <p className="participants__summary" data-testid="attendance-summary">
        {CHOICES.map((choice) => (
          <span key={choice} className={`attendance-count attendance-count--${choice.toLowerCase()}`}>
            {t(`enums.attendance.${choice}`)}: <strong>{counts.get(choice) ?? 0}</strong>
          </span>
        ))}
      </p>
      {participants.length === 0 ? (
        <p className="placeholder__hint">{t('room.participants.empty')}</p>
      ) : (
        groups.map((group) => (
          <div key={group.role} className="participants__group">
            <h3 className="participants__role">{t(`enums.participantRole.${group.role}`)}</h3>
            <ul className="participants__list">
              {group.people.map((participant) => (
                <ParticipantRow key={participant.id} participant={participant} actions={actions} />
              ))}
            </ul>
          </div>
        ))
      )}
      {actions.addParticipants && (
        <div className="participants__add" data-print="hide">
          {adding ? (
            <AddParticipantForm
              participants={participants}
              add={actions.addParticipants}
              onDone={() => setAdding(false)}
            />
          ) : (
            <button type="button" className="button button--small" onClick={() => setAdding(true)}>
              {t('room.participants.add')}
            </button>
          )}
        </div>
      )}
      {totalCount > participants.length && (
        <p className="field__hint">
          {t('room.participants.more', { count: totalCount - participants.length })}
        </p>
      )}
    </section>
  );
}

/** Memoized: a change elsewhere in the room (the agenda, another person) leaves this row alone. */
const ParticipantRow = memo(function ParticipantRow({
  participant,
  actions,
}: {
  participant: ParticipantFieldsFragment;
  actions: MeetingActions;
}) {
  const { t } = useTranslation();
  const id = useId();
  const formatDateTime = useFormatDateTime();
  const { busy, error, run } = useActionRunner();
  const { setAttendance, setParticipantRole, removeParticipant } = actions;
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  // The choice shows at once; the row's recorded value (data-attendance) follows the server.
  const [pending, setPending] = useState<Attendance | null>(null);
  const shown = pending ?? participant.attendance;
  const record = (choice: Attendance) => {
    if (!setAttendance) return;
    setPending(choice);
    void run(() => setAttendance(participant, choice)).finally(() => setPending(null));
  };
  const editable = !!setAttendance;
  const name = participant.user.fullName;

  return (
    <li
      className="participant"
      data-testid="participant"
      data-participant-id={participant.id}
      data-attendance={participant.attendance}
    >
      <div className="participant__who">
        <span className="participant__name">{name}</span>
        {participant.user.jobTitle && <span className="participant__job">{participant.user.jobTitle}</span>}
        <span className="participant__read">
          {participant.materialsReadAt
            ? t('room.participants.readAt', { date: formatDateTime(participant.materialsReadAt) })
            : t('room.participants.notRead')}
        </span>
      </div>
      {editable && (
        <span className={`badge badge--attendance-${participant.attendance.toLowerCase()} print-only`}>
          {t(`enums.attendance.${participant.attendance}`)}
        </span>
      )}
      {editable ? (
        <fieldset className="attendance-choice" aria-busy={busy || undefined}>
          <legend className="visually-hidden">{t('room.participants.attendanceOf', { name })}</legend>
          {CHOICES.map((choice) => (
            <label
              key={choice}
              className={`attendance-choice__option attendance-choice__option--${choice.toLowerCase()}`}
            >
              <input
                type="radio"
                name={`${id}-attendance`}
                value={choice}
                checked={shown === choice}
                onChange={() => record(choice)}
              />
              <span>{t(`enums.attendance.${choice}`)}</span>
            </label>
          ))}
        </fieldset>
      ) : (
        <span
          className={`badge badge--attendance-${participant.attendance.toLowerCase()}`}
          data-testid="attendance"
        >
          {t(`enums.attendance.${participant.attendance}`)}
        </span>
      )}
      {(setParticipantRole || removeParticipant) && (
        <div className="participant__manage" data-print="hide">
          {setParticipantRole && (
            <>
              <label htmlFor={`${id}-role`} className="visually-hidden">
                {t('room.participants.roleOf', { name })}
              </label>
              <select
                id={`${id}-role`}
                className="participant__role-select"
                value={participant.role}
                disabled={busy}
                onChange={(event) =>
                  void run(() => setParticipantRole(participant, event.target.value as ParticipantRole))
                }
              >
                {ROLE_ORDER.map((role) => (
                  <option key={role} value={role}>
                    {t(`enums.participantRole.${role}`)}
                  </option>
                ))}
              </select>
            </>
          )}
          {removeParticipant &&
            (confirmingRemove ? (
              <>
                <button
                  type="button"
                  className="button button--small button--danger"
                  disabled={busy}
                  onClick={() => void run(() => removeParticipant(participant))}
                >
                  {t('room.participants.removeYes', { name })}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => setConfirmingRemove(false)}
                >
                  {t('common.cancel')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="button button--small button--ghost"
                onClick={() => setConfirmingRemove(true)}
                aria-label={t('room.participants.removeLabel', { name })}
              >
                {t('room.participants.remove')}
              </button>
            ))}
        </div>
      )}
      {error && (
        <p className="field__error participant__error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
});
