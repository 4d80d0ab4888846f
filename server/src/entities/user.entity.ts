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
@ObjectType({ simpleResolvers: true, description: 'A person with an account in the organization.' })
@Unique({ properties: ['organization', 'email'] })
export class User extends BaseEntity {
  [OptionalProps]?: 'systemRole';

  @ManyToOne(() => Organization, { ref: true })
  organization!: Ref<Organization>;

  @Field(() => String, { description: 'Their login, unique in the organization.' })
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => String, { description: 'As shown everywhere, e.g. "Nguyễn Văn An".' })
  @Property({ type: 'text' })
  fullName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Their position, e.g. "Chánh Văn phòng"; null when not given.',
  })
  @Property({ type: 'text', nullable: true })
  jobTitle?: string;

  @Field(() => String, { description: 'Their preferred language, `vi` or `en` (`vi` by default).' })
  @Property({ type: 'text' })
  locale: Opt<string> = 'vi';

  @Field(() => SystemRole, {
    description: 'ADMIN manages units, users and memberships; MEMBER is everyone else.',
  })
  @Enum({ items: () => SystemRole, type: 'text' })
  systemRole: SystemRole = SystemRole.MEMBER;

  @Field(() => Boolean, {
    description:
      'False once deactivated: they can no longer sign in, and their sessions and API tokens stop working.',
  })
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;
}
