import { Entity, Enum, ManyToOne, Property, Unique, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Appraisal } from './appraisal.entity.js';
import { VersionedEntity } from './base.entity.js';
import { Verdict } from './enums.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';
import { DateTime } from '../scalars/date-time.js';

@Entity()
@ObjectType({ simpleResolvers: true })
@Unique({ properties: ['appraisal', 'unit'] })
export class AppraisalAssignment extends VersionedEntity {
  [OptionalProps]?: 'verdict';

  @ManyToOne(() => Appraisal, { ref: true, deleteRule: 'cascade' })
  appraisal!: Ref<Appraisal>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @ManyToOne(() => User, { ref: true, nullable: true })
  reviewer?: Ref<User>;

  @Field(() => Verdict)
  @Enum({ items: () => Verdict, type: 'text' })
  verdict: Verdict = Verdict.PENDING;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  summary?: string;

  @Field(() => DateTime, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date;
}
