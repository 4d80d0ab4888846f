import {
  BlobType,
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  OneToOne,
  OptionalProps,
  Property,
  type Ref,
} from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Attachment } from './attachment.entity.js';
import { VersionedEntity } from './base.entity.js';
import { AgendaItemStatus } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { Proposal } from './proposal.entity.js';
import { Vote } from './vote.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { SearchIndexes, SearchText, SearchTitle } from './search-columns.js';
import { DateTime } from '../scalars/date-time.js';

/**
 * One item of a meeting's agenda. Items form a tree (`parent`); siblings are ordered by `position`,
 * a fractional index, so that two people reordering at once never need to renumber each other's rows.
 */
@Entity()
@ObjectType({ simpleResolvers: true })
@Index({ properties: ['meeting', 'parent', 'position'] })
@SearchIndexes('agenda_item')
export class AgendaItem extends VersionedEntity {
  [OptionalProps]?: 'status' | 'materialsRequired';

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

  /** When the presenter (the user, or someone of the unit) confirmed they will present; cleared when it changes. */
  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  presenterConfirmedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  presenterConfirmedBy?: Ref<User>;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  proposal?: Ref<Proposal>;

  /** False for procedural items (opening, closing) that need no paper: readiness then ignores materials. */
  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  materialsRequired: boolean = true;

  @OneToMany(() => Attachment, (attachment) => attachment.agendaItem, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  attachments = new Collection<Attachment>(this);

  @Field(() => AgendaItemStatus)
  @Enum({ items: () => AgendaItemStatus, type: 'text' })
  status: AgendaItemStatus = AgendaItemStatus.PENDING;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  conclusion?: string;

  /**
   * The Yjs states of the description and the conclusion as co-edited over `/collab` (agenda-notes.ts); null
   * until first opened there. Lazy: only the notes' store and the commands that write the text read them.
   */
  @Property({ type: BlobType, nullable: true, lazy: true })
  descriptionState?: Buffer | null;

  @Property({ type: BlobType, nullable: true, lazy: true })
  conclusionState?: Buffer | null;

  @OneToOne(() => Vote, (vote) => vote.agendaItem, { ref: true, nullable: true })
  vote?: Ref<Vote>;

  @SearchTitle()
  searchTitle?: string;

  @SearchText('title', 'description')
  searchText?: string;
}
