import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer token: 32 random bytes, prefixed so a leaked token's kind is recognisable. */
export function newToken(prefix: 'qs' | 'qt'): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as their SHA-256; a database leak does not leak credentials. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
