import { Entity, Enum, OneToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { VoteOutcome } from './enums.js';

@Entity()
@ObjectType({ simpleResolvers: true })
export class Vote extends BaseEntity {
  @OneToOne(() => AgendaItem, { ref: true, owner: true, deleteRule: 'cascade' })
  agendaItem!: Ref<AgendaItem>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  votesFor: Opt<number> = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  votesAgainst: Opt<number> = 0;

  @Field(() => Int)
  @Property({ type: 'integer' })
  abstentions: Opt<number> = 0;

  @Field(() => VoteOutcome)
  @Enum({ items: () => VoteOutcome, type: 'text' })
  outcome!: VoteOutcome;
}
