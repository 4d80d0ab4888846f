/** A NUL, or half of a UTF-16 surrogate pair without its other half. */
// eslint-disable-next-line no-control-regex -- the NUL is what it looks for
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether PostgreSQL can store the text: it refuses a NUL in `text`, and a lone surrogate cannot be encoded
 * (nor stored in `jsonb`). Checked before text reaches the database, where it would fail as a server error.
 */
export function isStorableText(value: string): boolean {
  return !unstorable.test(value);
}
