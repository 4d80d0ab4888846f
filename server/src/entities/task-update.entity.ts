import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { TaskStatus } from './enums.js';
import { Task } from './task.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

/**
 * A task's history, one entry per step: a progress report ("báo cáo tiến độ": body and progress), a change of
 * status (from, to, and the reason in the body), or a new due date (before, after, and the reason in the body).
 */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'One step of a task\'s history: a progress report ("báo cáo tiến độ"), a change of status (with its reason in `body`) or a new due date.',
})
@Index({ properties: ['task', 'createdAt'] })
export class TaskUpdate extends BaseEntity {
  @ManyToOne(() => Task, { ref: true, deleteRule: 'cascade' })
  task!: Ref<Task>;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Field(() => String, { description: "The report's text, or the reason of the change." })
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The progress reported, 0 to 100 (percent); null when this step did not report one.',
  })
  @Property({ type: 'smallint', nullable: true })
  progress?: number;

  @Field(() => TaskStatus, {
    nullable: true,
    description: 'The status before this step; null when it did not change it.',
  })
  @Enum({ items: () => TaskStatus, type: 'text', nullable: true })
  statusFrom?: TaskStatus;

  @Field(() => TaskStatus, {
    nullable: true,
    description: 'The status this step set; null when it did not change it.',
  })
  @Enum({ items: () => TaskStatus, type: 'text', nullable: true })
  statusTo?: TaskStatus;

  @Field(() => DateTime, { nullable: true, description: 'The due date before this extension.' })
  @Property({ type: 'datetime', nullable: true })
  dueAtBefore?: Date;

  @Field(() => DateTime, { nullable: true, description: 'The due date this extension set.' })
  @Property({ type: 'datetime', nullable: true })
  dueAtAfter?: Date;
}
