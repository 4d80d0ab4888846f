// Calendar arithmetic on civil dates ("2026-11-26"), free of any time zone: the day a
// meeting falls on is decided once, in the organization's zone (zonedDateKey), and
// everything after that is counting days. Weeks start on Monday, as in Vietnam.

export type DateKey = string;

const KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateKey(value: string | null | undefined): value is DateKey {
  if (!value) return false;
  const match = KEY.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function toUtc(key: DateKey): Date {
  const [, y, m, d] = KEY.exec(key) ?? [];
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
}

function fromUtc(date: Date): DateKey {
  return date.toISOString().slice(0, 10);
}

export function addDays(key: DateKey, days: number): DateKey {
  const date = toUtc(key);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtc(date);
}

/** The same day of another month, clamped to that month's length (31/01 + 1 month = 28/02). */
export function addMonths(key: DateKey, months: number): DateKey {
  const date = toUtc(key);
  const day = date.getUTCDate();
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return fromUtc(target);
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(key: DateKey): number {
  return (toUtc(key).getUTCDay() + 6) % 7;
}

export function startOfWeek(key: DateKey): DateKey {
  return addDays(key, -weekdayIndex(key));
}

export function startOfMonth(key: DateKey): DateKey {
  return `${key.slice(0, 8)}01`;
}

export function monthOf(key: DateKey): { year: number; month: number } {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}

export function dayOf(key: DateKey): number {
  return Number(key.slice(8, 10));
}

/** Six full weeks from the Monday on or before the 1st: the grid never changes height. */
export function monthGrid(key: DateKey): DateKey[] {
  const first = startOfWeek(startOfMonth(key));
  return Array.from({ length: 42 }, (_, index) => addDays(first, index));
}

export function weekDays(key: DateKey): DateKey[] {
  const first = startOfWeek(key);
  return Array.from({ length: 7 }, (_, index) => addDays(first, index));
}
