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
@ObjectType({
  simpleResolvers: true,
  description:
    'One item of a meeting\'s agenda; items form a tree (`parent`, `children`) and are numbered from their order ("2.1").',
})
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

  @Field(() => String, { description: 'What is discussed, as printed on the agenda.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Notes on the item (co-edited over `/collab`); null when empty.',
  })
  @Property({ type: 'text', nullable: true })
  description?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Time planned for it, in minutes; null when not planned.',
  })
  @Property({ type: 'integer', nullable: true })
  durationMinutes?: number;

  @ManyToOne(() => User, { ref: true, nullable: true })
  presenterUser?: Ref<User>;

  @ManyToOne(() => Unit, { ref: true, nullable: true })
  presenterUnit?: Ref<Unit>;

  /** When the presenter (the user, or someone of the unit) confirmed they will present; cleared when it changes. */
  @Field(() => DateTime, {
    nullable: true,
    description:
      'When the presenter (the user, or someone of the presenting unit) confirmed they will present; null until then, and cleared when the presenter changes.',
  })
  @Property({ type: 'datetime', nullable: true })
  presenterConfirmedAt?: Date;

  @ManyToOne(() => User, { ref: true, nullable: true })
  presenterConfirmedBy?: Ref<User>;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  proposal?: Ref<Proposal>;

  /** False for procedural items (opening, closing) that need no paper: readiness then ignores materials. */
  @Field(() => Boolean, {
    description:
      'False for procedural items (opening, closing) that need no paper: readiness then ignores materials.',
  })
  @Property({ type: 'boolean' })
  materialsRequired: boolean = true;

  @OneToMany(() => Attachment, (attachment) => attachment.agendaItem, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  attachments = new Collection<Attachment>(this);

  @Field(() => AgendaItemStatus, {
    description:
      'Where the discussion of it stands: PENDING until taken up, then IN_DISCUSSION, and CONCLUDED, DEFERRED or WITHDRAWN.',
  })
  @Enum({ items: () => AgendaItemStatus, type: 'text' })
  status: AgendaItemStatus = AgendaItemStatus.PENDING;

  @Field(() => String, {
    nullable: true,
    description:
      'What the meeting concluded on it ("kết luận"), the source of its follow-up tasks; null until written.',
  })
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
