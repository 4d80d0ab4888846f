import { BadInputError } from '../errors.js';

/** Refuses a list of ids that names one more than once: BAD_USER_INPUT on `field`, naming the duplicates. */
export function requireEachOnce(field: string, ids: readonly string[], message: string): void {
  const duplicates = [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
  if (duplicates.length > 0) throw new BadInputError(field, message, { duplicates });
}
