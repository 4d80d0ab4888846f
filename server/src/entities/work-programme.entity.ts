import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { Organization } from './organization.entity.js';
import { Unit } from './unit.entity.js';

/** A committee's annual work programme ("Chương trình công tác năm"). */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description: `A unit's annual work programme ("chương trình công tác năm"): the papers it plans to bring to the committee, month by month.`,
})
@Unique({ properties: ['unit', 'year'] })
export class WorkProgramme extends BaseEntity {
  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @Field(() => Int, { description: 'The calendar year it plans, e.g. 2026.' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { description: 'e.g. "Chương trình công tác năm 2026 của Ban Thường vụ Tỉnh ủy".' })
  @Property({ type: 'text' })
  title!: string;
}
