import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { ApiTokenScope } from './enums.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

/** An integrator's token: shown once, stored as a SHA-256 hash. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    "An API token, seen by its owner and administrators: sent as `Authorization: Bearer`, it acts with its owner's access, narrowed by its scopes. The secret is shown once; only its SHA-256 hash is stored.",
})
export class ApiToken extends BaseEntity {
  @Field(() => String, { description: "Its owner's label for it, e.g. the integration using it." })
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @Field(() => [ApiTokenScope], {
    description:
      'What it may do: READ queries and subscribes, WRITE also runs mutations, CALENDAR only reads calendar feeds.',
  })
  @Property({ type: 'json' })
  scopes!: ApiTokenScope[];

  @Property({ type: 'text', unique: true, hidden: true })
  tokenHash!: string;

  @Field(() => DateTime, { nullable: true, description: 'When it stops working; null: it never expires.' })
  @Property({ type: 'datetime', nullable: true })
  expiresAt?: Date;

  @Field(() => DateTime, { nullable: true, description: 'When a request last used it; null if never.' })
  @Property({ type: 'datetime', nullable: true })
  lastUsedAt?: Date;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it was revoked (it no longer works); null while valid.',
  })
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
