import { Entity, Enum, ManyToOne, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { MembershipRole } from './enums.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';

@Entity()
@ObjectType({ simpleResolvers: true, description: "A user's place in a unit, with their role there." })
@Unique({ properties: ['user', 'unit'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @Field(() => MembershipRole, { description: 'HEAD, DEPUTY, MEMBER or STAFF of the unit.' })
  @Enum({ items: () => MembershipRole, type: 'text' })
  role!: MembershipRole;
}
