import { Entity, Enum, Index, ManyToOne, Property, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Appraisal } from './appraisal.entity.js';
import { VersionedEntity } from './base.entity.js';
import { CommentStatus } from './enums.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { SearchIndexes, SearchText } from './search-columns.js';
import { DateTime } from '../scalars/date-time.js';

/** A reviewer's comment, anchored to quoted text of the draft; replies thread through `parent`. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'A reviewer\'s comment on a proposal under appraisal ("ý kiến thẩm định"), anchored to quoted text of the draft; replies thread through `parent`.',
})
@Index({ properties: ['appraisal'] })
@SearchIndexes('appraisal_comment', { title: false })
export class AppraisalComment extends VersionedEntity {
  [OptionalProps]?: 'status';

  @ManyToOne(() => Appraisal, { ref: true, deleteRule: 'cascade' })
  appraisal!: Ref<Appraisal>;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @Field(() => String, { description: "The comment's text." })
  @Property({ type: 'text' })
  body!: string;

  /** The quoted text the comment is about. */
  @Field(() => String, {
    nullable: true,
    description: 'The quoted text of the draft the comment is about; null when it quotes nothing.',
  })
  @Property({ type: 'text', nullable: true })
  anchorQuote?: string;

  /** A Yjs relative position (base64) that keeps pointing at the quote while the body is edited. */
  @Field(() => String, {
    nullable: true,
    description:
      'A Yjs relative position (base64) that keeps pointing at the quote while the body is edited; null without a quote.',
  })
  @Property({ type: 'text', nullable: true })
  anchorPosition?: string;

  @ManyToOne(() => AppraisalComment, { ref: true, nullable: true, deleteRule: 'cascade' })
  parent?: Ref<AppraisalComment>;

  @Field(() => CommentStatus, {
    description: 'OPEN until the drafters resolve it (RESOLVED, "đã tiếp thu").',
  })
  @Enum({ items: () => CommentStatus, type: 'text' })
  status: CommentStatus = CommentStatus.OPEN;

  @ManyToOne(() => User, { ref: true, nullable: true })
  resolvedBy?: Ref<User>;

  /** The drafters' answer when they resolve it ("giải trình": how the comment was taken into account). */
  @Field(() => String, {
    nullable: true,
    description:
      'The drafters\' answer when they resolved it ("giải trình": how the comment was taken into account); null while open or when none was given.',
  })
  @Property({ type: 'text', nullable: true })
  answer?: string;

  @Field(() => DateTime, { nullable: true, description: 'When it was resolved; null while OPEN.' })
  @Property({ type: 'datetime', nullable: true })
  resolvedAt?: Date;

  @SearchText('body')
  searchText?: string;
}
