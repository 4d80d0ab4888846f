import { Entity, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';

/** The tenant: everything else belongs to exactly one organization, and no query crosses them. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    "The tenant (e.g. a provincial Party committee's office): every other object belongs to exactly one organization, and no query crosses them.",
})
export class Organization extends BaseEntity {
  @Field(() => String, { description: 'Its full name, e.g. "Tỉnh ủy Nghệ An".' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { description: 'Its short handle, unique across organizations.' })
  @Property({ type: 'text', unique: true })
  slug!: string;

  @Field(() => String, {
    description: 'Its language, `vi` by default.',
  })
  @Property({ type: 'text' })
  locale: Opt<string> = 'vi';

  @Field(() => String, {
    description: 'The IANA time zone its dates are shown and planned in, e.g. `Asia/Ho_Chi_Minh`.',
  })
  @Property({ type: 'text' })
  timeZone: Opt<string> = 'Asia/Ho_Chi_Minh';
}
