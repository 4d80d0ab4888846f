import { Classification } from '@quorum/shared';

const rank: Record<Classification, number> = {
  [Classification.INTERNAL]: 0,
  [Classification.RESTRICTED]: 1,
  [Classification.CONFIDENTIAL]: 2,
};

/** Whether `a` lets fewer people read than `b` (CONFIDENTIAL over RESTRICTED over INTERNAL). */
export function moreRestricted(a: Classification, b: Classification): boolean {
  return rank[a] > rank[b];
}

/** A classification read back from stored JSON (an event's `changes`), or undefined. */
export function asClassification(value: unknown): Classification | undefined {
  return typeof value === 'string' && value in rank ? (value as Classification) : undefined;
}
