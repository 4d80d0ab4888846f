import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { User } from './user.entity.js';

/** A login session. Only the SHA-256 hash of its opaque token is stored. */
@Entity()
@ObjectType()
export class Session extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'datetime' })
  lastSeenAt!: Date;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  revokedAt?: Date;
}
