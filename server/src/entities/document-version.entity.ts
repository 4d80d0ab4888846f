import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { Proposal } from './proposal.entity.js';
import { User } from './user.entity.js';

/** A named snapshot of a proposal's body ("Phiên bản"). */
@Entity()
@ObjectType({ simpleResolvers: true })
export class DocumentVersion extends BaseEntity {
  @ManyToOne(() => Proposal, { ref: true, deleteRule: 'cascade' })
  proposal!: Ref<Proposal>;

  @Field(() => String)
  @Property({ type: 'text' })
  label!: string;

  @ManyToOne(() => User, { ref: true })
  author!: Ref<User>;

  @Field(() => String)
  @Property({ type: 'text' })
  content!: string;
}
