import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { Organization } from './organization.entity.js';
import { Unit } from './unit.entity.js';

/** A committee's annual work programme ("Chương trình công tác năm"). */
@Entity()
@ObjectType({ simpleResolvers: true })
@Unique({ properties: ['unit', 'year'] })
export class WorkProgramme extends BaseEntity {
  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;
}
