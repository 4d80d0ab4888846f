import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { AppraisalStatus } from './enums.js';
import { Proposal } from './proposal.entity.js';
import { User } from './user.entity.js';

/** A review round on a proposal ("thẩm định"), answered by the assigned units by `dueAt`. */
@Entity()
@ObjectType()
export class Appraisal extends VersionedEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @ManyToOne(() => User, { ref: true })
  requestedBy!: Ref<User>;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Field(() => AppraisalStatus)
  @Enum({ items: () => AppraisalStatus, type: 'text' })
  status: AppraisalStatus = AppraisalStatus.OPEN;
}
