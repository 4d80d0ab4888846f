import { Entity, Enum, ManyToOne, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { MembershipRole } from './enums.js';
import { Unit } from './unit.entity.js';
import { User } from './user.entity.js';

@Entity()
@ObjectType({ simpleResolvers: true })
@Unique({ properties: ['user', 'unit'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => User, { ref: true })
  user!: Ref<User>;

  @ManyToOne(() => Unit, { ref: true })
  unit!: Ref<Unit>;

  @Field(() => MembershipRole)
  @Enum({ items: () => MembershipRole, type: 'text' })
  role!: MembershipRole;
}
