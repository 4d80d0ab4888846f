import { useId, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ParticipantRole, limits } from '@quorum/shared';
import { usePeople } from '../../hooks/usePeople';
import type { MeetingActions } from './actions';
import { useActionRunner } from './useActionRunner';
import { UnitsDocument } from '../../generated/graphql';
import type { ParticipantFieldsFragment } from '../../generated/graphql';

/** A whole unit joins as members or invitees: an office (chair, secretary) is held by one person. */
const UNIT_ROLES: readonly ParticipantRole[] = [ParticipantRole.MEMBER, ParticipantRole.INVITEE];

/** The chosen values of a multiple select. */
function chosen(select: HTMLSelectElement): string[] {
  return Array.from(select.selectedOptions, (option) => option.value);
}

/**
 * Invites several people at once, and whole units (their active members); the lists offer only people who
 * may take part and are not taking part yet.
 */
export function AddParticipantForm({
  participants,
  add,
  onDone,
}: {
  participants: readonly ParticipantFieldsFragment[];
  add: NonNullable<MeetingActions['addParticipants']>;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { people, loading } = usePeople();
  const units = useQuery(UnitsDocument, { variables: { first: limits.pageSizeMax } });
  const { busy, error, run } = useActionRunner();
  const [userIds, setUserIds] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [role, setRole] = useState<ParticipantRole>(ParticipantRole.INVITEE);
  const taken = useMemo(
    () => new Set(participants.map((participant) => participant.user.id)),
    [participants],
  );
  const candidates = people.filter((person) => !taken.has(person.id));
  const unitChoices = units.data?.units.edges.map((edge) => edge.node) ?? [];
  // An office goes to one person: with units chosen, only the roles a whole unit can take.
  const roles = unitIds.length > 0 ? UNIT_ROLES : Object.values(ParticipantRole);
  const shownRole = roles.includes(role) ? role : ParticipantRole.MEMBER;
  const oneOffice = userIds.length <= 1 || UNIT_ROLES.includes(shownRole);
  const ready = (userIds.length > 0 || unitIds.length > 0) && oneOffice;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    void run(() =>
      add(
        userIds.map((userId) => ({ userId, role: shownRole })),
        unitIds.map((unitId) => ({ unitId, role: shownRole })),
      ),
    ).then((ok) => {
      if (ok) onDone();
    });
  }

  return (
    <form className="inline-form add-participants" onSubmit={onSubmit} data-testid="add-participant-form">
      <div className="field field--compact">
        <label htmlFor={`${id}-people`}>{t('room.participants.people')}</label>
        <select
          id={`${id}-people`}
          multiple
          size={Math.min(8, Math.max(3, candidates.length))}
          value={userIds}
          onChange={(event) => setUserIds(chosen(event.target))}
          aria-describedby={`${id}-hint`}
        >
          {loading && <option disabled>{t('common.loading')}</option>}
          {candidates.map((person) => (
            <option key={person.id} value={person.id}>
              {person.fullName}
              {person.jobTitle ? ` — ${person.jobTitle}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--compact">
        <label htmlFor={`${id}-units`}>{t('room.participants.units')}</label>
        <select
          id={`${id}-units`}
          multiple
          size={Math.min(5, Math.max(3, unitChoices.length))}
          value={unitIds}
          onChange={(event) => setUnitIds(chosen(event.target))}
          aria-describedby={`${id}-hint`}
        >
          {unitChoices.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </select>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {t('room.participants.multipleHint')}
      </p>
      <div className="field field--compact">
        <label htmlFor={`${id}-role`}>{t('room.participants.role')}</label>
        <select
          id={`${id}-role`}
          value={shownRole}
          onChange={(event) => setRole(event.target.value as ParticipantRole)}
        >
          {roles.map((value) => (
            <option key={value} value={value}>
              {t(`enums.participantRole.${value}`)}
            </option>
          ))}
        </select>
      </div>
      {!oneOffice && (
        <p className="field__error" role="alert">
          {t('room.participants.oneOffice')}
        </p>
      )}
      <div className="inline-form__actions">
        <button type="submit" className="button button--primary button--small" disabled={busy || !ready}>
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
