import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceContext } from './presence-context';
import type { PresenceEntryFieldsFragment } from '../../generated/graphql';

/** "Nguyễn Văn An" → "NA": the first and last words, as people here are addressed by the last. */
export function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  const first = words[0]?.[0] ?? '?';
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** Who else has the room open: initials in circles, the full name for the mouse and the screen reader. */
export function PresenceAvatars({ others }: { others: readonly PresenceEntryFieldsFragment[] }) {
  const { t } = useTranslation();
  if (others.length === 0) return null;
  return (
    <ul
      className="presence"
      aria-label={t('room.presence.here', { count: others.length })}
      data-testid="presence"
    >
      {others.map((entry) => (
        <li
          key={entry.user.id}
          className="presence__avatar"
          title={entry.user.fullName}
          aria-label={entry.user.fullName}
          data-user-id={entry.user.id}
        >
          <span aria-hidden="true">{initials(entry.user.fullName)}</span>
        </li>
      ))}
    </ul>
  );
}

/** On an agenda item that someone else has a form open on. */
export function EditingMarker({ itemId }: { itemId: string }) {
  const { t } = useTranslation();
  const names = useContext(PresenceContext).editors.get(itemId);
  if (!names || names.length === 0) return null;
  return (
    <p className="editing-marker" data-testid="editing-marker">
      {t('room.presence.editing', { names: names.join(', ') })}
    </p>
  );
}
