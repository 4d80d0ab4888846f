import {
  Entity,
  Enum,
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
export class Appraisal extends VersionedEntity {
  [OptionalProps]?: 'status';

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

  @OneToMany(() => AppraisalAssignment, (assignment) => assignment.appraisal, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  assignments = new Collection<AppraisalAssignment>(this);

  @OneToMany(() => AppraisalComment, (comment) => comment.appraisal, {
    orderBy: { createdAt: 'asc', id: 'asc' },
  })
  comments = new Collection<AppraisalComment>(this);
}
