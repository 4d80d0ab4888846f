import {
  Entity,
  Enum,
  ManyToOne,
  Property,
  Unique,
  OptionalProps,
  type Opt,
  type Ref,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { SystemRole } from './enums.js';
import { Organization } from './organization.entity.js';

@Entity()
@ObjectType({ simpleResolvers: true })
@Unique({ properties: ['organization', 'email'] })
export class User extends BaseEntity {
  [OptionalProps]?: 'systemRole';

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @Field(() => String)
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  fullName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  jobTitle?: string;

  @Field(() => String)
  @Property({ type: 'text' })
  locale: Opt<string> = 'vi';

  @Field(() => SystemRole)
  @Enum({ items: () => SystemRole, type: 'text' })
  systemRole: SystemRole = SystemRole.MEMBER;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
