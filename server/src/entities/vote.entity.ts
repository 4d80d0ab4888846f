import { Entity, Enum, OneToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity.js';
import { AgendaItem } from './agenda-item.entity.js';
import { VoteOutcome } from './enums.js';

@Entity()
@ObjectType({
  simpleResolvers: true,
  description: 'The vote on an agenda item ("biểu quyết"), as counted at the meeting.',
})
export class Vote extends BaseEntity {
  @OneToOne(() => AgendaItem, { ref: true, owner: true, deleteRule: 'cascade' })
  agendaItem!: Ref<AgendaItem>;

  @Field(() => Int, { description: 'Members in favour ("tán thành").' })
  @Property({ type: 'integer' })
  votesFor: Opt<number> = 0;

  @Field(() => Int, { description: 'Members against ("không tán thành").' })
  @Property({ type: 'integer' })
  votesAgainst: Opt<number> = 0;

  @Field(() => Int, { description: 'Members who did not vote ("không biểu quyết").' })
  @Property({ type: 'integer' })
  abstentions: Opt<number> = 0;

  @Field(() => VoteOutcome, { description: 'ADOPTED, REJECTED or DEFERRED.' })
  @Enum({ items: () => VoteOutcome, type: 'text' })
  outcome!: VoteOutcome;
}
