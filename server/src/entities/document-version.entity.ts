import { BlobType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { DocumentVersionKind } from './enums.js';
import { Proposal } from './proposal.entity.js';
import { User } from './user.entity.js';

/**
 * A named snapshot of a proposal's body ("Phiên bản"): the Yjs state (to restore it as a new change of the
 * co-edited document), its plain text (to diff) and its HTML (to show), all of one moment. Taken by hand
 * (`createDocumentVersion`), at every move of the proposal, and before a restore. The text and HTML are lazy
 * columns: a list of versions reads neither.
 */
@Entity()
@ObjectType({ simpleResolvers: true })
@Index({ properties: ['proposal', 'createdAt'] })
export class DocumentVersion extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => String)
  @Property({ type: 'text' })
  label!: string;

  @Field(() => DocumentVersionKind)
  @Enum({ items: () => DocumentVersionKind, type: 'text' })
  kind: Opt<DocumentVersionKind> = DocumentVersionKind.MANUAL;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  /** The body's plain text, one line per block (as `Proposal.bodyText`). */
  @Property({ type: 'text', lazy: true })
  content!: string;

  /** The body's HTML (as `Proposal.bodyHtml`); null for versions older than co-editing. */
  @Property({ type: 'text', nullable: true, lazy: true })
  html?: string | null;

  /** The Yjs state of the body (`Y.encodeStateAsUpdate`); null for versions older than co-editing. */
  @Property({ type: BlobType, nullable: true, lazy: true })
  state?: Buffer | null;
}
