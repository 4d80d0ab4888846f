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
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { Classification, MeetingKind, MeetingStatus } from './enums.js';
import { AgendaItem } from './agenda-item.entity.js';
import { Attachment } from './attachment.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Organization } from './organization.entity.js';
import { Participant } from './participant.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { SearchIndexes, SearchText, SearchTitle } from './search-columns.js';
import { DateTime } from '../scalars/date-time.js';

@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'A session of a committee ("cuộc họp", "hội nghị"), with its participants, agenda, materials and minutes. Seen by every member of the organization when INTERNAL, else as its classification allows.',
})
@Index({ properties: ['organization', 'startsAt'] })
@SearchIndexes('meeting')
export class Meeting extends VersionedEntity {
  [OptionalProps]?: 'status' | 'classification' | 'isTemplate';

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  /** The committee that meets (a Unit of kind COMMITTEE). */
  @ManyToOne(() => Unit, { ref: true })
  committee!: Ref<Unit>;

  @Field(() => String, { description: 'e.g. "Hội nghị Ban Thường vụ tháng 11".' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => MeetingKind, { description: 'REGULAR, EXTRAORDINARY or BRIEFING ("giao ban").' })
  @Enum({ items: () => MeetingKind, type: 'text' })
  kind!: MeetingKind;

  @Field(() => MeetingStatus, { description: 'DRAFT, then SCHEDULED, IN_PROGRESS and CLOSED; or CANCELLED.' })
  @Enum({ items: () => MeetingStatus, type: 'text' })
  status: MeetingStatus = MeetingStatus.DRAFT;

  @Field(() => DateTime, { description: 'When it starts.' })
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it is planned to end; null when not given.',
  })
  @Property({ type: 'datetime', nullable: true })
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: 'Where it is held; null when not given.' })
  @Property({ type: 'text', nullable: true })
  location?: string;

  @Field(() => Classification, {
    description:
      'Who may see it: INTERNAL (every member of the organization); RESTRICTED (its participants and access list, the members of the committee that meets, the office); CONFIDENTIAL (its participants and access list only; every read is audited).',
  })
  @Enum({ items: () => Classification, type: 'text' })
  classification: Classification = Classification.INTERNAL;

  /**
   * A template is a meeting kept only to be copied (`createMeetingFrom`): the monthly briefing's usual
   * agenda and participants. It never changes status and is left out of `meetings` unless asked for.
   */
  @Field(() => Boolean, {
    description:
      "A template is a meeting kept only to be copied (`createMeetingFrom`), e.g. the monthly briefing's usual agenda and participants; it never changes status and is left out of `meetings` unless asked for.",
  })
  @Property({ type: 'boolean' })
  isTemplate: boolean = false;

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

  /** Files of the meeting as a whole and of its agenda items. */
  @OneToMany(() => Attachment, (attachment) => attachment.meeting, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  attachments = new Collection<Attachment>(this);

  /** Versions of its minutes, newest first (`Meeting.minutesVersions`, as `Proposal.versions`). */
  @OneToMany(() => DocumentVersion, (version) => version.meeting, {
    orderBy: { createdAt: 'desc', id: 'asc' },
  })
  minutesVersions = new Collection<DocumentVersion>(this);

  /** Who may read it when CONFIDENTIAL (besides those the policy names); every such read is audited. */
  @ManyToMany(() => User, undefined, { pivotTable: 'meeting_access' })
  accessList = new Collection<User>(this);

  @SearchTitle()
  searchTitle?: string;

  @SearchText('title', 'location')
  searchText?: string;
}
