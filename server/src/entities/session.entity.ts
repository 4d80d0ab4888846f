import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

/** A login session. Only the SHA-256 hash of its opaque token is stored. */
@Entity()
@ObjectType({ simpleResolvers: true })
export class Session extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  lastSeenAt!: Date;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;
}
