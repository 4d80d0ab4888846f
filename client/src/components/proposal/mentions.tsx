import { useId } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMention, mentionSegments } from '@quorum/shared';
import { usePeople } from '../../hooks/usePeople';

/** A comment's text, its mentions (`@[Name](user:<id>)`) shown as the names written. */
export function CommentText({ body }: { body: string }) {
  return (
    <>
      {mentionSegments(body).map((segment, index) =>
        typeof segment === 'string' ? (
          segment
        ) : (
          <span key={index} className="mention" data-user-id={segment.userId}>
            @{segment.name}
          </span>
        ),
      )}
    </>
  );
}

interface MentionPickerProps {
  textarea: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (next: string) => void;
}

/**
 * Mentions someone in a comment (they are notified if they may read it): a list of people; the one chosen is
 * written where the caret is, as `@[Name](user:<id>)`.
 */
export function MentionPicker({ textarea, value, onChange }: MentionPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const { people } = usePeople();
  if (people.length === 0) return null;
  return (
    <span className="mention-picker">
      <label htmlFor={id} className="visually-hidden">
        {t('proposals.comments.mention')}
      </label>
      <select
        id={id}
        value=""
        onChange={(event) => {
          const person = people.find((candidate) => candidate.id === event.target.value);
          if (!person) return;
          const element = textarea.current;
          const at = element?.selectionStart ?? value.length;
          const end = element?.selectionEnd ?? at;
          const before = value.slice(0, at);
          const token = `${before && !/\s$/.test(before) ? ' ' : ''}${formatMention(person.fullName, person.id)} `;
          onChange(before + token + value.slice(end));
          requestAnimationFrame(() => {
            element?.focus();
            element?.setSelectionRange(at + token.length, at + token.length);
          });
        }}
      >
        <option value="">{t('proposals.comments.mention')}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.fullName}
          </option>
        ))}
      </select>
    </span>
  );
}
