/**
 * The shape of every id Quorum hands out (a UUID, any version). Checked before an id reaches the database,
 * where a malformed one would fail as a server error instead of "not found".
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}
