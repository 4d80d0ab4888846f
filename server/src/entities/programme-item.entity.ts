import { Entity, Enum, Index, ManyToOne, Property, OptionalProps, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from './base.entity.js';
import { ProgrammeItemStatus, ProposalKind } from './enums.js';
import { Meeting } from './meeting.entity.js';
import { Proposal } from './proposal.entity.js';
import { Unit } from './unit.entity.js';
import { WorkProgramme } from './work-programme.entity.js';

@Entity()
@ObjectType({ simpleResolvers: true })
// Adopting a proposal finds its items (`followAdoption`).
@Index({ properties: ['proposal'] })
export class ProgrammeItem extends VersionedEntity {
  [OptionalProps]?: 'status';

  @ManyToOne(() => WorkProgramme, { ref: true })
  programme!: Ref<WorkProgramme>;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => ProposalKind)
  @Enum({ items: () => ProposalKind, type: 'text' })
  kind!: ProposalKind;

  @Field(() => Int)
  @Property({ type: 'smallint' })
  plannedMonth!: number;

  @ManyToOne(() => Unit, { ref: true })
  leadUnit!: Ref<Unit>;

  @Field(() => ProgrammeItemStatus)
  @Enum({ items: () => ProgrammeItemStatus, type: 'text' })
  status: ProgrammeItemStatus = ProgrammeItemStatus.PLANNED;

  @ManyToOne(() => Proposal, { ref: true, nullable: true })
  proposal?: Ref<Proposal> | null;

  @ManyToOne(() => Meeting, { ref: true, nullable: true })
  meeting?: Ref<Meeting>;
}
