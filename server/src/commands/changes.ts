import type { FieldChanges } from '../entities/index.js';

/** Applies the defined fields of `patch` to `target` and returns what changed, before and after. */
export function applyChanges<T extends object>(target: T, patch: Partial<T>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const before = (target as Record<string, unknown>)[key];
    if (sameValue(before, after)) continue;
    changes[key] = { before: before ?? null, after };
    (target as Record<string, unknown>)[key] = after;
  }
  return changes;
}

/** The changes of an object that did not exist before: every field from null to its value. */
export function created(values: Record<string, unknown>): FieldChanges {
  const changes: FieldChanges = {};
  for (const [key, after] of Object.entries(values)) changes[key] = { before: null, after: after ?? null };
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  // A cleared field reads back as null or undefined: clearing it again changes nothing.
  if (a == null && b == null) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
