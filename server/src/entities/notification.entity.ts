import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { Event } from './event.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

@Entity()
@ObjectType({ simpleResolvers: true })
@Index({ properties: ['user', 'readAt'] })
export class Notification extends BaseEntity {
  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Event, { ref: true })
  event!: Ref<Event>;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  readAt?: Date;
}
