import { ProgrammeItemStatus } from '@quorum/shared';

/** What progress is computed from: an item's status, planned month and lead unit. */
export interface ProgrammeItemFacts {
  status: ProgrammeItemStatus;
  plannedMonth: number;
  leadUnitId: string;
}

/** A month of the year, 1 to 12, as the organization counts it (`localDateIn`). */
export interface YearMonth {
  year: number;
  month: number;
}

export interface MonthProgress {
  month: number;
  /** Items planned for the month. */
  planned: number;
  /** Of those, adopted. */
  adopted: number;
  /** Items planned for the months up to this one, and of those adopted: the year's curve. */
  plannedToDate: number;
  adoptedToDate: number;
}

export interface UnitProgress {
  leadUnitId: string;
  planned: number;
  adopted: number;
  slipping: number;
}

const settled: ReadonlySet<ProgrammeItemStatus> = new Set([
  ProgrammeItemStatus.ADOPTED,
  ProgrammeItemStatus.DROPPED,
]);

/** A programme's order: by planned month, then title. */
export const programmeItemOrder = { plannedMonth: 'asc', title: 'asc', id: 'asc' } as const;

const isAdopted = (item: Pick<ProgrammeItemFacts, 'status'>) => item.status === ProgrammeItemStatus.ADOPTED;

/** How many of the items are adopted. */
export const countAdopted = (items: readonly Pick<ProgrammeItemFacts, 'status'>[]) =>
  items.filter(isAdopted).length;

/** Adopted ÷ planned, 0 for nothing planned. */
export const ratio = (adopted: number, planned: number) => (planned === 0 ? 0 : adopted / planned);

/**
 * Slipping: not adopted nor dropped once its planned month is over (the programme's year and month before
 * today's in the organization's time zone).
 */
export function isSlipping(
  item: Omit<ProgrammeItemFacts, 'leadUnitId'>,
  year: number,
  today: YearMonth,
): boolean {
  if (settled.has(item.status)) return false;
  return year < today.year || (year === today.year && item.plannedMonth < today.month);
}

/** The twelve months of a programme: planned and adopted by planned month, and the running totals. */
export function progressByMonth(items: readonly ProgrammeItemFacts[]): MonthProgress[] {
  let plannedToDate = 0;
  let adoptedToDate = 0;
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    const ofMonth = items.filter((item) => item.plannedMonth === month);
    const adopted = countAdopted(ofMonth);
    plannedToDate += ofMonth.length;
    adoptedToDate += adopted;
    return { month, planned: ofMonth.length, adopted, plannedToDate, adoptedToDate };
  });
}

/** Each lead unit's share: planned, adopted, slipping; the units with most planned first. */
export function progressByUnit(
  items: readonly ProgrammeItemFacts[],
  year: number,
  today: YearMonth,
): UnitProgress[] {
  const byUnit = new Map<string, UnitProgress>();
  for (const item of items) {
    const row = byUnit.get(item.leadUnitId) ?? {
      leadUnitId: item.leadUnitId,
      planned: 0,
      adopted: 0,
      slipping: 0,
    };
    row.planned += 1;
    if (isAdopted(item)) row.adopted += 1;
    if (isSlipping(item, year, today)) row.slipping += 1;
    byUnit.set(item.leadUnitId, row);
  }
  return [...byUnit.values()].sort(
    (a, b) => b.planned - a.planned || a.leadUnitId.localeCompare(b.leadUnitId),
  );
}
