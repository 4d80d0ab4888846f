import { Entity, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';

/** The tenant: everything else belongs to exactly one organization, and no query crosses them. */
@Entity()
@ObjectType({ simpleResolvers: true })
export class Organization extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  locale: Opt<string> = 'vi';

  @Field(() => String)
  @Property({ type: 'text' })
  timeZone: Opt<string> = 'Asia/Ho_Chi_Minh';
}
