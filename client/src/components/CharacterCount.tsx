import { ErrorCode } from '@quorum/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { inputRefusalText } from '../apollo/input-error';

/**
 * "12/500": how much of a text limit is used. Text is never cut at the limit (a paste would lose its end
 * unnoticed): past it the count is marked and the form refuses with `lengthRefusal`.
 */
export function CharacterCount({ id, length, max }: { id: string; length: number; max: number }) {
  const { t } = useTranslation();
  const over = length > max;
  return (
    <p id={id} className={over ? 'char-count char-count--over' : 'char-count'}>
      {t('common.characterCount', { count: length, max })}
    </p>
  );
}

/** The server's words for a text over its limit ("Tiêu đề: tối đa 500 ký tự"), or null when it fits. */
export function lengthRefusal(field: string, value: string, max: number, t: TFunction): string | null {
  return value.length > max
    ? inputRefusalText({ code: ErrorCode.BAD_USER_INPUT, field, constraint: 'maxLength', limit: max }, t)
    : null;
}
