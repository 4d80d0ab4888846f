import {
  ManyToMany,
  BlobType,
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  OptionalProps,
  type Opt,
  type Ref,
  Collection,
  OneToMany,
} from '@mikro-orm/core';
import { Appraisal } from './appraisal.entity.js';
import { Attachment } from './attachment.entity.js';
import { DocumentVersion } from './document-version.entity.js';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { Classification, ProposalKind, ProposalStatus } from './enums.js';
import { Organization } from './organization.entity.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { SearchIndexes, SearchText, SearchTitle } from './search-columns.js';
import { DateTime } from '../scalars/date-time.js';

/** A paper submitted to a session ("đề án", "tờ trình"), drafted by its lead unit. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description: `A paper submitted to a session ("đề án", "tờ trình"), drafted by its lead unit, appraised by other units, then put on a meeting's agenda. Seen by every member when INTERNAL, else as its classification allows.`,
})
@Index({ properties: ['organization', 'status'] })
@SearchIndexes('proposal')
export class Proposal extends VersionedEntity {
  [OptionalProps]?: 'classification' | 'status';

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @Field(() => String, {
    nullable: true,
    description: 'Its reference number ("số ký hiệu", e.g. `26-NQ/TW`); null until given.',
  })
  @Property({ type: 'text', nullable: true })
  referenceNumber?: string;

  @Field(() => String, { description: 'Its title.' })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'A short abstract; null when none.' })
  @Property({ type: 'text', nullable: true })
  summary?: string;

  @Field(() => ProposalKind, {
    description: 'PROPOSAL ("đề án"), REPORT, RESOLUTION_DRAFT, PROGRAMME or OTHER.',
  })
  @Enum({ items: () => ProposalKind, type: 'text' })
  kind!: ProposalKind;

  @ManyToOne(() => Unit, { ref: true })
  leadUnit!: Ref<Unit>;

  @ManyToOne(() => User, { ref: true })
  owner!: Ref<User>;

  @Field(() => Classification, {
    description:
      'Who may see it: INTERNAL (every member); RESTRICTED (its owner and access list, its lead unit, the units appraising it, the participants of meetings it is on, the office); CONFIDENTIAL (its owner and access list only; every read is audited).',
  })
  @Enum({ items: () => Classification, type: 'text' })
  classification: Classification = Classification.INTERNAL;

  @Field(() => ProposalStatus, {
    description:
      'DRAFTING, IN_APPRAISAL, APPRAISED, SUBMITTED, SCHEDULED and ADOPTED; or RETURNED (to drafting, with a reason), REJECTED or WITHDRAWN.',
  })
  @Enum({ items: () => ProposalStatus, type: 'text' })
  status: ProposalStatus = ProposalStatus.DRAFTING;

  /** Why the proposal was last returned to drafting. */
  @Field(() => String, {
    nullable: true,
    description: 'Why it was last returned to drafting; null if never.',
  })
  @Property({ type: 'text', nullable: true })
  returnReason?: string;

  /** The collaborative body as a Yjs update (co-edited through /collab). */
  @Property({ type: BlobType, nullable: true, lazy: true })
  body?: Buffer;

  /** Plain text of the body, kept for reading, printing and search. */
  @Field(() => String, {
    description:
      'Its co-edited body as plain text, one line per block (kept current as it is edited over `/collab`).',
  })
  @Property({ type: 'text' })
  bodyText: Opt<string> = '';

  /** HTML of the body (TipTap's rendering of the Yjs document), kept current for export and display. */
  @Property({ type: 'text', nullable: true, lazy: true })
  bodyHtml?: string;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When it last moved to SUBMITTED (to the committee); null before.',
  })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date;

  @OneToMany(() => Appraisal, (appraisal) => appraisal.proposal, { orderBy: { createdAt: 'asc', id: 'asc' } })
  appraisals = new Collection<Appraisal>(this);

  @OneToMany(() => DocumentVersion, (version) => version.proposal, {
    orderBy: { createdAt: 'desc', id: 'asc' },
  })
  versions = new Collection<DocumentVersion>(this);

  /** Its files (`POST /uploads` with `proposalId`), oldest first. */
  @OneToMany(() => Attachment, (attachment) => attachment.proposal, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  attachments = new Collection<Attachment>(this);

  /** Who may read it when CONFIDENTIAL (besides those the policy names); every such read is audited. */
  @ManyToMany(() => User, undefined, { pivotTable: 'proposal_access' })
  accessList = new Collection<User>(this);

  @SearchTitle()
  searchTitle?: string;

  @SearchText('reference_number', 'title', 'summary', 'body_text')
  searchText?: string;
}
