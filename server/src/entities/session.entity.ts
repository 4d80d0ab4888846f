import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

/** A login session. Only the SHA-256 hash of its opaque token is stored. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'A login session of the viewer (a browser or device signed in); only the hash of its token is stored.',
})
export class Session extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Field(() => DateTime, { description: 'When a request last used it.' })
  @Property({ type: 'datetime' })
  lastSeenAt!: Date;

  @Field(() => DateTime, {
    description: 'When it ends at the latest; it also ends sooner when left unused too long.',
  })
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it was signed out or revoked; null while valid.',
  })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;
}
