import {
  ManyToMany,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  Property,
  OptionalProps,
  type Ref,
} from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { Classification, MeetingKind, MeetingStatus } from './enums.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Organization } from './organization.entity.js';
import { Participant } from './participant.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';

@Entity()
@ObjectType()
@Index({ properties: ['organization', 'startsAt'] })
export class Meeting extends VersionedEntity {
  [OptionalProps]?: 'status' | 'classification';

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  /** The committee that meets (a Unit of kind COMMITTEE). */
  @ManyToOne(() => Unit, { ref: true })
  committee!: Ref<Unit>;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => MeetingKind)
  @Enum({ items: () => MeetingKind, type: 'text' })
  kind!: MeetingKind;

  @Field(() => MeetingStatus)
  @Enum({ items: () => MeetingStatus, type: 'text' })
  status: MeetingStatus = MeetingStatus.DRAFT;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  location?: string;

  @Field(() => Classification)
  @Enum({ items: () => Classification, type: 'text' })
  classification: Classification = Classification.INTERNAL;

  @ManyToOne(() => User, { ref: true, nullable: true })
  chair?: Ref<User>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  secretary?: Ref<User>;

  @OneToMany(() => Participant, (participant) => participant.meeting, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  participants = new Collection<Participant>(this);

  @OneToMany(() => AgendaItem, (item) => item.meeting, { orderBy: { position: 'asc', id: 'asc' } })
  agendaItems = new Collection<AgendaItem>(this);

  /** Who may read it when CONFIDENTIAL (besides those the policy names); every such read is audited. */
  @ManyToMany(() => User, undefined, { pivotTable: 'meeting_access' })
  accessList = new Collection<User>(this);
}
