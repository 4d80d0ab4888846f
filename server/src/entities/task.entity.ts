import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  OptionalProps,
  type Opt,
  type Ref,
  OneToMany,
} from '@mikro-orm/core';
import { TaskUpdate } from './task-update.entity.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { AgendaItem } from './agenda-item.entity.js';
import { VersionedEntity } from './base.entity.js';
import { Classification, TaskPriority, TaskStatus } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { Organization } from './organization.entity.js';
import { ProgrammeItem } from './programme-item.entity.js';
import { Proposal } from './proposal.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { SearchIndexes, SearchText, SearchTitle } from './search-columns.js';
import { DateTime } from '../scalars/date-time.js';

/** A task assigned from a conclusion and followed up until done ("theo dõi, đôn đốc"). */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'A task assigned from a conclusion, a proposal or a programme item, and followed up until done ("theo dõi, đôn đốc"). Seen by every member when INTERNAL, else as its classification allows.',
})
@Index({ properties: ['organization', 'status', 'dueAt'] })
@Index({ properties: ['sourceMeeting'] })
@SearchIndexes('task')
export class Task extends VersionedEntity {
  [OptionalProps]?: 'priority' | 'status' | 'classification' | 'overdue';

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @Field(() => String, { description: 'What is to be done.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Details of the task; null when none.' })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @ManyToOne(() => Meeting, { ref: true, nullable: true })
  sourceMeeting?: Ref<Meeting>;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true })
  sourceAgendaItem?: Ref<AgendaItem>;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  sourceProposal?: Ref<Proposal>;

  @ManyToOne(() => ProgrammeItem, { ref: true, nullable: true })
  sourceProgrammeItem?: Ref<ProgrammeItem>;

  @ManyToOne(() => Unit, { ref: true })
  assigneeUnit!: Ref<Unit>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  assignee?: Ref<User>;

  /** Who assigned it (the office clerk who created it); null for tasks from before it was recorded. */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  createdBy?: Ref<User>;

  @ManyToMany(() => Unit)
  coordinatingUnits = new Collection<Unit>(this);

  @Field(() => DateTime, {
    description:
      'Its deadline ("thời hạn"); `dueDate` is its day in the organization\'s time zone, and `overdue` counts from the end of that day.',
  })
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => TaskPriority, { description: 'LOW, NORMAL, HIGH or URGENT.' })
  @Enum({ items: () => TaskPriority, type: 'text' })
  priority: TaskPriority = TaskPriority.NORMAL;

  @Field(() => TaskStatus, { description: 'TODO, IN_PROGRESS, BLOCKED, DONE or CANCELLED.' })
  @Enum({ items: () => TaskStatus, type: 'text' })
  status: TaskStatus = TaskStatus.TODO;

  @Field(() => Int, { description: 'Percent done, 0 to 100, as last reported; 100 once DONE.' })
  @Property({ type: 'smallint' })
  progress: Opt<number> = 0;

  @Field(() => Classification, {
    description:
      'Who may see it: INTERNAL (every member); RESTRICTED (its assignee and access list, the assigned unit, the office); CONFIDENTIAL (its assignee and access list only; every read is audited).',
  })
  @Enum({ items: () => Classification, type: 'text' })
  classification: Classification = Classification.INTERNAL;

  @Field(() => DateTime, { nullable: true, description: 'When it was marked DONE; null otherwise.' })
  @Property({ type: 'datetime', nullable: true })
  completedAt?: Date;

  @OneToMany(() => TaskUpdate, (update) => update.task, { orderBy: { createdAt: 'desc', id: 'asc' } })
  updates = new Collection<TaskUpdate>(this);

  /** Who may read it when CONFIDENTIAL (besides those the policy names); every such read is audited. */
  @ManyToMany(() => User, undefined, { pivotTable: 'task_access' })
  accessList = new Collection<User>(this);

  @SearchTitle()
  searchTitle?: string;

  @SearchText('title', 'description')
  searchText?: string;
}
