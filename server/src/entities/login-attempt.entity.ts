import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Failed logins, counted per account and per client address for rate limiting (shared by all instances). */
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
}
