import { Entity, Enum, Index, ManyToOne, Property, OptionalProps, type Ref, OneToOne } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { AgendaItemStatus } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { Proposal } from './proposal.entity.js';
import { Vote } from './vote.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';

/**
 * One item of a meeting's agenda. Items form a tree (`parent`); siblings are ordered by `position`,
 * a fractional index, so that two people reordering at once never need to renumber each other's rows.
 */
@Entity()
@ObjectType()
@Index({ properties: ['meeting', 'parent', 'position'] })
export class AgendaItem extends VersionedEntity {
  [OptionalProps]?: 'status';

  @ManyToOne(() => Meeting, { ref: true, deleteRule: 'cascade' })
  meeting!: Ref<Meeting>;

  @ManyToOne(() => AgendaItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  parent?: Ref<AgendaItem>;

  @Property({ type: 'text' })
  position!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'integer', nullable: true })
  durationMinutes?: number;

  @ManyToOne(() => User, { ref: true, nullable: true })
  presenterUser?: Ref<User>;

  @ManyToOne(() => Unit, { ref: true, nullable: true })
  presenterUnit?: Ref<Unit>;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  proposal?: Ref<Proposal>;

  @Field(() => AgendaItemStatus)
  @Enum({ items: () => AgendaItemStatus, type: 'text' })
  status: AgendaItemStatus = AgendaItemStatus.PENDING;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  conclusion?: string;

  @OneToOne(() => Vote, (vote) => vote.agendaItem, { ref: true, nullable: true })
  vote?: Ref<Vote>;
}
