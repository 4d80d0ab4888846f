import { useCallback } from 'react';
import { ProgrammeItemStatus } from '@quorum/shared';
import { useLocale } from '../../hooks/useFormat';

/** 0.9047… → "90%" in the current language (no decimals: the counts beside it are exact). */
export function usePercent(): (ratio: number) => string {
  const locale = useLocale();
  return useCallback(
    (ratio: number) =>
      new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
        style: 'percent',
        maximumFractionDigits: 0,
      }).format(ratio),
    [locale],
  );
}

/** The statuses the office may set by hand: ADOPTED comes only from the proposal's adoption. */
export const SETTABLE_STATUSES: readonly ProgrammeItemStatus[] = [
  ProgrammeItemStatus.PLANNED,
  ProgrammeItemStatus.IN_PREPARATION,
  ProgrammeItemStatus.SUBMITTED,
  ProgrammeItemStatus.POSTPONED,
  ProgrammeItemStatus.DROPPED,
];

export const MONTHS: readonly number[] = Array.from({ length: 12 }, (_, index) => index + 1);
