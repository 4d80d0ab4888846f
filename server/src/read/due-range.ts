import { limits, startOfLocalDate } from '@quorum/shared';
import { BadInputError } from '../errors.js';

/** Due days, inclusive, as `YYYY-MM-DD` in the organization's time zone: the task list's and the report's filter. */
export interface DueRange {
  dueFrom?: string | null;
  dueTo?: string | null;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as `YYYY-MM-DD` that exists, in the years dates may fall in; else BAD_USER_INPUT on `field`. */
function checkDay(field: string, value: string): void {
  const match = isoDate.exec(value);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  const date = match && new Date(Date.UTC(year!, month! - 1, day!));
  if (
    !date ||
    year! < limits.yearMin ||
    year! > limits.yearMax ||
    date.getUTCMonth() !== month! - 1 ||
    date.getUTCDate() !== day
  )
    throw new BadInputError(field, `${field} is a day as YYYY-MM-DD`);
}

/** The range's days, each valid and in order; BAD_USER_INPUT naming the first that is not. */
export function checkDueRange(range: DueRange): void {
  if (range.dueFrom) checkDay('dueFrom', range.dueFrom);
  if (range.dueTo) checkDay('dueTo', range.dueTo);
  if (range.dueFrom && range.dueTo && range.dueFrom > range.dueTo)
    throw new BadInputError('dueTo', 'dueTo is on or after dueFrom');
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The condition on `dueAt` for a checked range: from the first day's midnight there to the last day's end. */
export function dueRangeWhere(timeZone: string, range: DueRange): { dueAt?: { $gte?: Date; $lt?: Date } } {
  if (!range.dueFrom && !range.dueTo) return {};
  return {
    dueAt: {
      ...(range.dueFrom ? { $gte: startOfLocalDate(timeZone, range.dueFrom) } : {}),
      ...(range.dueTo ? { $lt: startOfLocalDate(timeZone, dayAfter(range.dueTo)) } : {}),
    },
  };
}
