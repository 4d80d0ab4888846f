import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { TaskStatus } from './enums.js';
import { Task } from './task.entity.js';
import { User } from './user.entity.js';

/** A progress report on a task ("báo cáo tiến độ"). */
@Entity()
@ObjectType({ simpleResolvers: true })
export class TaskUpdate extends BaseEntity {
  @ManyToOne(() => Task, { ref: true, deleteRule: 'cascade' })
  task!: Ref<Task>;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  progress?: number;

  @Field(() => TaskStatus, { nullable: true })
  @Enum({ items: () => TaskStatus, type: 'text', nullable: true })
  statusFrom?: TaskStatus;

  @Field(() => TaskStatus, { nullable: true })
  @Enum({ items: () => TaskStatus, type: 'text', nullable: true })
  statusTo?: TaskStatus;
}
