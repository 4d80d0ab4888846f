import { limits, ProgrammeItemStatus, ProposalKind } from '@quorum/shared';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ProgrammeItem, Unit, WorkProgramme } from '../../entities/index.js';
import { TextLength } from './text-length.js';

@InputType({ description: "A committee's programme for a year (the office); one per committee and year." })
export class CreateWorkProgrammeInput {
  @Field(() => ID, { description: 'The committee (or other unit) whose programme it is.' })
  @IsUUID()
  unitId!: string;

  @Field(() => Int, {
    description: 'The year it plans, 1900 to 2999; the unit must not have a programme for it already.',
  })
  @IsInt()
  @Min(limits.yearMin)
  @Max(limits.yearMax)
  year!: number;

  @Field(() => String, {
    description: '1 to 500 characters, spaces around it aside, e.g. "Chương trình công tác năm 2026".',
  })
  @TextLength(1, limits.titleMax)
  title!: string;
}

@InputType({ description: 'Renames a programme (the office).' })
export class UpdateWorkProgrammeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => String, { description: 'The new title, 1 to 500 characters, spaces around it aside.' })
  @TextLength(1, limits.titleMax)
  title!: string;
}

@InputType({ description: 'An item of a programme (the office), PLANNED.' })
export class AddProgrammeItemInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => String, { description: '1 to 500 characters, spaces around it aside.' })
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => ProposalKind, { description: 'What kind of paper the item is to produce.' })
  kind!: ProposalKind;

  @Field(() => Int, { description: 'The month of the programme’s year it is planned for, 1 to 12.' })
  @IsInt()
  @Min(1)
  @Max(12)
  plannedMonth!: number;

  @Field(() => ID, { description: 'The unit that prepares it.' })
  @IsUUID()
  leadUnitId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The proposal that carries it out, if there is one already.',
  })
  @IsOptional()
  @IsUUID()
  proposalId?: string;
}

@InputType({
  description:
    'Changes an item (the office), by version. ADOPTED comes only from its proposal’s adoption, and an adopted item keeps its status.',
})
export class UpdateProgrammeItemInput {
  @Field(() => ID, { description: 'The programme item.' })
  @IsUUID()
  itemId!: string;

  @Field(() => Int, { description: 'The version the change is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description:
      '1 to 500 characters, spaces around it aside; null is refused, as for every field but `proposalId`.',
  })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => ProposalKind, { nullable: true, description: 'What kind of paper the item is to produce.' })
  kind?: ProposalKind;

  @Field(() => Int, {
    nullable: true,
    description: 'The month of the programme’s year it is planned for, 1 to 12.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(12)
  plannedMonth?: number;

  @Field(() => ID, { nullable: true, description: 'The unit that prepares it.' })
  @IsOptional()
  @IsUUID()
  leadUnitId?: string;

  @Field(() => ProgrammeItemStatus, { nullable: true, description: 'The new status, other than ADOPTED.' })
  status?: ProgrammeItemStatus;

  @Field(() => ID, { nullable: true, description: 'Links the item to its proposal; null unlinks it.' })
  @IsOptional()
  @IsUUID()
  proposalId?: string | null;
}

@InputType({
  description: 'Removes an item planned by mistake (the office): one still PLANNED, with no task.',
})
export class RemoveProgrammeItemInput {
  @Field(() => ID, { description: 'The programme item.' })
  @IsUUID()
  itemId!: string;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `createWorkProgramme` and `updateWorkProgramme`.',
})
export class WorkProgrammePayload {
  @Field(() => WorkProgramme, { description: 'The programme as saved.' })
  programme!: WorkProgramme;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `addProgrammeItem` and `updateProgrammeItem`.',
})
export class ProgrammeItemPayload {
  @Field(() => ProgrammeItem, { description: 'The item as saved.' })
  item!: ProgrammeItem;

  @Field(() => WorkProgramme, { description: 'Its programme, with its counts as they are now.' })
  programme!: WorkProgramme;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `removeProgrammeItem`.' })
export class RemoveProgrammeItemPayload {
  @Field(() => ID, { description: 'The id of the item removed.' })
  removedId!: string;

  @Field(() => WorkProgramme, { description: 'Its programme, without it.' })
  programme!: WorkProgramme;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with a programme and its items.' })
export class WorkProgrammeViewerCan {
  @Field(() => Boolean, {
    description: 'updateWorkProgramme, addProgrammeItem, updateProgrammeItem, removeProgrammeItem',
  })
  update!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'A month of the programme’s year.' })
export class ProgrammeMonthProgress {
  @Field(() => Int, { description: '1 to 12.' })
  month!: number;

  @Field(() => Int, { description: 'Items planned for this month.' })
  planned!: number;

  @Field(() => Int, { description: 'Of those, adopted.' })
  adopted!: number;

  @Field(() => Int, { description: 'Items planned for the months up to this one.' })
  plannedToDate!: number;

  @Field(() => Int, { description: 'Of those, adopted.' })
  adoptedToDate!: number;
}

@ObjectType({ simpleResolvers: true, description: 'A lead unit’s share of the programme.' })
export class ProgrammeUnitProgress {
  @Field(() => Unit, { description: 'The lead unit.' })
  unit!: Unit;

  @Field(() => Int, { description: 'Items it leads in the programme.' })
  planned!: number;

  @Field(() => Int, { description: 'Of those, adopted.' })
  adopted!: number;

  @Field(() => Int, { description: 'Not adopted nor dropped though their planned month is over.' })
  slipping!: number;

  @Field(() => Float, { description: 'Adopted ÷ planned, from 0 to 1.' })
  progress!: number;
}
