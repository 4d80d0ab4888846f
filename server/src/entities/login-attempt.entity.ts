import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * Every password checked by `login`, recorded before the check and counted per account and per client address
 * for rate limiting (shared by all instances). Kept for the window, successes included (they do not count).
 */
@Entity()
@Index({ properties: ['email', 'attemptedAt'] })
@Index({ properties: ['address', 'attemptedAt'] })
export class LoginAttempt {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  address!: string;

  @Property({ type: 'datetime' })
  attemptedAt: Opt<Date> = new Date();

  /** Set once the password proved right; until then (and for good, on a failure) the attempt counts. */
  @Property({ type: 'boolean' })
  succeeded: Opt<boolean> = false;
}
