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
@ObjectType({
  simpleResolvers: true,
  description:
    'A review round on a proposal ("thẩm định"): the office asks units to comment on the draft and give a verdict by `dueAt`.',
})
@Index({ properties: ['proposal'] })
export class Appraisal extends VersionedEntity {
  [OptionalProps]?: 'status' | 'sharedComments';

  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @ManyToOne(() => User, { ref: true })
  requestedBy!: Ref<User>;

  @Field(() => DateTime, { description: 'The deadline for the verdicts.' })
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => AppraisalStatus, {
    description: 'OPEN while verdicts are awaited; CLOSED with its last verdict or by the office.',
  })
  @Enum({ items: () => AppraisalStatus, type: 'text' })
  status: AppraisalStatus = AppraisalStatus.OPEN;

  /** What the office asks of the reviewers. */
  @Field(() => String, {
    nullable: true,
    description: 'What the office asks of the reviewers; null when nothing was added.',
  })
  @Property({ type: 'text', nullable: true })
  note?: string;

  /**
   * Whether the reviewers of one unit see the comments of the others (and every reader of the proposal sees
   * them); when not, a comment is seen by its own unit, the drafters and the office.
   */
  @Field(() => Boolean, {
    description:
      'Whether the reviewers of one unit see the comments of the others (and every reader of the proposal sees them); when false, a comment is seen by its own unit, the drafters and the office.',
  })
  @Property({ type: 'boolean', default: true })
  sharedComments: boolean = true;

  /** When the round closed: with its last verdict, or by the office. */
  @Field(() => DateTime, { nullable: true, description: 'When the round closed; null while OPEN.' })
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
