import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  Property,
  OptionalProps,
  type Ref,
  Collection,
  OneToMany,
} from '@mikro-orm/core';
import { AppraisalAssignment } from './appraisal-assignment.entity.js';
import { AppraisalComment } from './appraisal-comment.entity.js';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { AppraisalStatus } from './enums.js';
import { Proposal } from './proposal.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

/** A review round on a proposal ("thẩm định"), answered by the assigned units by `dueAt`. */
@Entity()
@ObjectType({ simpleResolvers: true })
@Index({ properties: ['proposal'] })
export class Appraisal extends VersionedEntity {
  [OptionalProps]?: 'status' | 'sharedComments';

  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @ManyToOne(() => User, { ref: true })
  requestedBy!: Ref<User>;

  @Field(() => DateTime)
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => AppraisalStatus)
  @Enum({ items: () => AppraisalStatus, type: 'text' })
  status: AppraisalStatus = AppraisalStatus.OPEN;

  /** What the office asks of the reviewers. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string;

  /**
   * Whether the reviewers of one unit see the comments of the others (and every reader of the proposal sees
   * them); when not, a comment is seen by its own unit, the drafters and the office.
   */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  sharedComments: boolean = true;

  /** When the round closed: with its last verdict, or by the office. */
  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date;

  @OneToMany(() => AppraisalAssignment, (assignment) => assignment.appraisal, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  assignments = new Collection<AppraisalAssignment>(this);

  @OneToMany(() => AppraisalComment, (comment) => comment.appraisal, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  comments = new Collection<AppraisalComment>(this);
}
