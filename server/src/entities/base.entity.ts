import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../scalars/date-time.js';

@Entity({ abstract: true })
@ObjectType({ simpleResolvers: true })
export abstract class BaseEntity {
  @Field(() => ID, {
    description:
      'A UUID, unique across objects of every type: it alone names the object (as in `history(subjectId)`).',
  })
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = randomUUID();

  @Field(() => DateTime, { description: 'When it was created.' })
  @Property({ type: 'datetime' })
  createdAt: Opt<Date> = new Date();

  @Field(() => DateTime, { description: 'When it last changed.' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Entities edited concurrently carry an optimistic-lock version that clients echo as `expectedVersion`. */
@Entity({ abstract: true })
@ObjectType({ simpleResolvers: true })
export abstract class VersionedEntity extends BaseEntity {
  @Field(() => Int, {
    description:
      'Optimistic-lock counter, raised by every change: pass it back as `expectedVersion` when editing; a stale one fails with CONFLICT and writes nothing.',
  })
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;
}
