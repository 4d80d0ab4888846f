import { Entity, Enum, ManyToOne, Property, Unique, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Appraisal } from './appraisal.entity.js';
import { VersionedEntity } from './base.entity.js';
import { Verdict } from './enums.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

@Entity()
@ObjectType({
  simpleResolvers: true,
  description: 'One unit asked to appraise a proposal in an appraisal round, with its verdict.',
})
@Unique({ properties: ['appraisal', 'unit'] })
export class AppraisalAssignment extends VersionedEntity {
  [OptionalProps]?: 'verdict';

  @ManyToOne(() => Appraisal, { ref: true, deleteRule: 'cascade' })
  appraisal!: Ref<Appraisal>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  reviewer?: Ref<User>;

  @Field(() => Verdict, {
    description: "The unit's verdict: PENDING until submitted, then AGREE, AGREE_WITH_CHANGES or DISAGREE.",
  })
  @Enum({ items: () => Verdict, type: 'text' })
  verdict: Verdict = Verdict.PENDING;

  @Field(() => String, {
    nullable: true,
    description: "The unit's written opinion with its verdict; null until submitted.",
  })
  @Property({ type: 'text', nullable: true })
  summary?: string;

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the verdict was submitted; null while PENDING.',
  })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date;
}
