import { Entity, Enum, Index, ManyToOne, Property, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { ProgrammeItemStatus, ProposalKind } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { Proposal } from './proposal.entity.js';
import { Unit } from './unit.entity.js';
import { WorkProgramme } from './work-programme.entity.js';

@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    'One planned item of a work programme: a paper a unit is to bring to the committee in a given month.',
})
// Adopting a proposal finds its items (`followAdoption`).
@Index({ properties: ['proposal'] })
export class ProgrammeItem extends VersionedEntity {
  [OptionalProps]?: 'status';

  @ManyToOne(() => WorkProgramme, { ref: true })
  programme!: Ref<WorkProgramme>;

  @Field(() => String, { description: "The planned paper's title." })
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ProposalKind, { description: 'The kind of paper planned.' })
  @Enum({ items: () => ProposalKind, type: 'text' })
  kind!: ProposalKind;

  @Field(() => Int, { description: "The month it is planned for, 1 to 12 of the programme's year." })
  @Property({ type: 'smallint' })
  plannedMonth!: number;

  @ManyToOne(() => Unit, { ref: true })
  leadUnit!: Ref<Unit>;

  @Field(() => ProgrammeItemStatus, {
    description:
      'Where it stands: PLANNED, then IN_PREPARATION, SUBMITTED and ADOPTED as its proposal advances; or POSTPONED or DROPPED.',
  })
  @Enum({ items: () => ProgrammeItemStatus, type: 'text' })
  status: ProgrammeItemStatus = ProgrammeItemStatus.PLANNED;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  proposal?: Ref<Proposal> | null;

  @ManyToOne(() => Meeting, { ref: true, nullable: true })
  meeting?: Ref<Meeting>;
}
