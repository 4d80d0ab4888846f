import { BlobType, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { DocumentVersionKind } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { Proposal } from './proposal.entity.js';
import { User } from './user.entity.js';

/**
 * A named snapshot of a co-edited document ("Phiên bản"), a proposal's body or a meeting's minutes (exactly one
 * of the two, a check in the database): the Yjs state (to restore it as a new change of the co-edited
 * document), its plain text (to diff) and its HTML (to show), all of one moment. Taken by hand
 * (`createDocumentVersion`), at every move of the proposal or when the meeting closes, and before a restore.
 * The text and HTML are lazy columns: a list of versions reads neither.
 */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description: `A named snapshot ("phiên bản") of a co-edited document, a proposal's body or a meeting's minutes: restorable, and comparable with another version or the current text.`,
})
@Index({ properties: ['proposal', 'createdAt'] })
@Index({ properties: ['meeting', 'createdAt'] })
export class DocumentVersion extends BaseEntity {
  /** Null for a version of a meeting's minutes. */
  @ManyToOne(() => Proposal, { ref: true, nullable: true, deleteRule: 'cascade' })
  proposal?: Ref<Proposal> | null;

  /** The meeting whose minutes it is a version of; null for a version of a proposal's body. */
  @ManyToOne(() => Meeting, { ref: true, nullable: true, deleteRule: 'cascade' })
  meeting?: Ref<Meeting> | null;

  @Field(() => String, {
    description:
      "Its name, given by hand or derived from the moment it was taken (e.g. the proposal's move).",
  })
  @Property({ type: 'text' })
  label!: string;

  @Field(() => DocumentVersionKind, {
    description:
      "How it was taken: by hand (MANUAL), at a move of the proposal or the meeting's close, or before a restore.",
  })
  @Enum({ items: () => DocumentVersionKind, type: 'text' })
  kind: Opt<DocumentVersionKind> = DocumentVersionKind.MANUAL;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  /** The document's plain text, one line per block (as `Proposal.bodyText`). */
  @Property({ type: 'text', lazy: true })
  content!: string;

  /** The document's HTML (as `Proposal.bodyHtml`); null for versions older than co-editing. */
  @Property({ type: 'text', nullable: true, lazy: true })
  html?: string | null;

  /** The Yjs state of the document (`Y.encodeStateAsUpdate`); null for versions older than co-editing. */
  @Property({ type: BlobType, nullable: true, lazy: true })
  state?: Buffer | null;
}
