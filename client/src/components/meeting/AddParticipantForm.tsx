import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ParticipantRole } from '@quorum/shared';
import { PEOPLE_QUERY } from '../../apollo/meeting-room.operations';
import type { Participant } from '../../apollo/types';
import type { MeetingActions } from './actions';
import { useActionRunner } from './useActionRunner';

/** Invites one more person; the list offers only active people not yet taking part. */
export function AddParticipantForm({
  participants,
  add,
  onDone,
}: {
  participants: readonly Participant[];
  add: NonNullable<MeetingActions['addParticipants']>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const people = useQuery(PEOPLE_QUERY);
  const { busy, error, run } = useActionRunner();
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<ParticipantRole>(ParticipantRole.INVITEE);
  const taken = useMemo(
    () => new Set(participants.map((participant) => participant.user.id)),
    [participants],
  );
  const candidates = (people.data?.users.edges.map((edge) => edge.node) ?? [])
    .filter((person) => person.active && !taken.has(person.id))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi'));

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!userId) return;
    void run(() => add([{ userId, role }])).then((ok) => {
      if (ok) {
        setUserId('');
        onDone();
      }
    });
  }

  return (
    <form className="inline-form" onSubmit={onSubmit} data-testid="add-participant-form">
      <div className="field field--compact">
        <label htmlFor={`${id}-person`}>{t('room.participants.person')}</label>
        <select
          id={`${id}-person`}
          value={userId}
          onChange={(event) => setUserId(event.target.value)}
          required
        >
          <option value="">
            {people.loading ? t('common.loading') : t('room.participants.choosePerson')}
          </option>
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.fullName}
              {person.jobTitle ? ` — ${person.jobTitle}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--compact">
        <label htmlFor={`${id}-role`}>{t('room.participants.role')}</label>
        <select
          id={`${id}-role`}
          value={role}
          onChange={(event) => setRole(event.target.value as ParticipantRole)}
        >
          {Object.values(ParticipantRole).map((value) => (
            <option key={value} value={value}>
              {t(`enums.participantRole.${value}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy || !userId}>
          {busy ? t('common.saving') : t('room.participants.add')}
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
