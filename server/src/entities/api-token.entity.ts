import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { ApiTokenScope } from './enums.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

/** An integrator's token: shown once, stored as a SHA-256 hash. */
@Entity()
@ObjectType({ simpleResolvers: true })
export class ApiToken extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @Field(() => [ApiTokenScope])
  @Property({ type: 'json' })
  scopes!: ApiTokenScope[];

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;

  @Field(() => DateTime, {
    nullable: true,
    description:
      "When the owner's password changed since the token was last confirmed: the token still works, and " +
      'asks its owner to confirm it (`confirmApiToken`) or revoke it. Null when nothing is to review.',
  })
  @Property({ type: 'datetime', nullable: true })
  reviewRequestedAt?: Date | null;
}
