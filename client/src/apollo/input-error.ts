import { ErrorCode, limits } from '@quorum/shared';
import type { TFunction } from 'i18next';
import { apiErrorInfo, type ApiErrorInfo } from './errors';

// Fields whose allowed values are a range on both sides: refused either way, the message gives the range.
const ranges: Partial<Record<string, { min: number; max: number; minutes: boolean }>> = {
  durationMinutes: { min: 0, max: limits.durationMinutesMax, minutes: true },
};

/** `participants.0.userId` → `userId`: the label names the field, not its place in a list. */
function fieldName(path: string): string {
  return (
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .at(-1) ?? path
  );
}

/**
 * Why the server refused an input, in the current language, naming the field and its limit ("Tiêu đề: tối
 * đa 500 ký tự", "Thời lượng: từ 0 đến 1.440 phút"); the general "invalid input" when the field is unknown.
 */
export function inputRefusalText(info: ApiErrorInfo, t: TFunction): string {
  const name = info.field ? fieldName(info.field) : '';
  const field = name ? t(`inputError.field.${name}`, { defaultValue: '' }) : '';
  if (!field) return t('errors.BAD_USER_INPUT');
  const range = ranges[name];
  const { constraint, limit } = info;
  if (range && (constraint === 'min' || constraint === 'max'))
    return t(range.minutes ? 'inputError.rangeMinutes' : 'inputError.range', { field, ...range });
  if (limit === undefined) return t('inputError.invalid', { field });
  switch (constraint) {
    case 'minLength':
      return limit <= 1 ? t('inputError.required', { field }) : t('inputError.minLength', { field, limit });
    case 'maxLength':
    case 'min':
    case 'max':
    case 'arrayMinSize':
    case 'arrayMaxSize':
      return t(`inputError.${constraint}`, { field, limit });
    default:
      return t('inputError.invalid', { field });
  }
}

/** The message for a BAD_USER_INPUT answer (see `inputRefusalText`); null for any other error. */
export function describeInputError(error: unknown, t: TFunction): string | null {
  const info = apiErrorInfo(error);
  return info?.code === ErrorCode.BAD_USER_INPUT ? inputRefusalText(info, t) : null;
}
