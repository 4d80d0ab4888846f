import { Classification, limits, ProposalKind, ProposalStatus } from '@quorum/shared';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Proposal } from '../../entities/index.js';
import { TextLength } from './text-length.js';

/** Reference numbers ("45-ĐA/TU") are short. */
const referenceNumberMax = 100;

@InputType()
export class CreateProposalInput {
  @Field(() => String)
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => ProposalKind)
  kind!: ProposalKind;

  @Field(() => ID, { description: 'The unit that drafts it; its members are the drafters.' })
  @IsUUID()
  leadUnitId!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(referenceNumberMax)
  referenceNumber?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  summary?: string;

  @Field(() => Classification, { nullable: true })
  classification?: Classification;
}

@InputType()
export class UpdateProposalInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => ProposalKind, { nullable: true })
  kind?: ProposalKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  leadUnitId?: string;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  @IsOptional()
  @MaxLength(referenceNumberMax)
  referenceNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Null clears it.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  summary?: string | null;

  @Field(() => Classification, { nullable: true })
  classification?: Classification;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Who may read it when CONFIDENTIAL besides its owner: the whole list, replacing the one before (users of the organization).',
  })
  @IsOptional()
  @ArrayMaxSize(limits.accessListMax)
  @IsUUID('all', { each: true })
  accessUserIds?: string[];
}

@InputType()
export class ChangeProposalStatusInput {
  @Field(() => ID)
  @IsUUID()
  proposalId!: string;

  @Field(() => ProposalStatus)
  to!: ProposalStatus;

  @Field(() => String, { nullable: true, description: 'Required to return it to drafting (RETURNED).' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  reason?: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  expectedVersion!: number;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a change to a proposal.' })
export class ProposalPayload {
  @Field(() => Proposal, { description: 'The proposal as changed.' })
  proposal!: Proposal;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this proposal.' })
export class ProposalViewerCan {
  @Field(() => Boolean, { description: 'updateProposal' })
  update!: boolean;

  @Field(() => [ProposalStatus], { description: 'The statuses changeProposalStatus may take it to.' })
  transitions!: ProposalStatus[];

  @Field(() => Boolean, { description: 'createDocumentVersion' })
  createVersion!: boolean;

  @Field(() => Boolean, { description: 'restoreDocumentVersion' })
  restoreVersion!: boolean;

  @Field(() => Boolean, {
    description: 'Adding files (`POST /uploads` with `proposalId`) and removeProposalAttachment',
  })
  changeAttachments!: boolean;
}
