import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../scalars/date-time.js';

@Entity({ abstract: true })
@ObjectType({ simpleResolvers: true })
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => DateTime)
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Entities edited concurrently carry an optimistic-lock version that clients echo as `expectedVersion`. */
@Entity({ abstract: true })
@ObjectType({ simpleResolvers: true })
export abstract class VersionedEntity extends BaseEntity {
  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;
}
