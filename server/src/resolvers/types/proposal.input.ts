import { Classification, limits, ProposalKind, ProposalStatus } from '@quorum/shared';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Proposal } from '../../entities/index.js';
import { TextLength } from './text-length.js';

/** Reference numbers ("45-ĐA/TU") are short. */
const referenceNumberMax = 100;

@InputType({
  description:
    'Creates a proposal in DRAFTING, owned by the viewer (a member of the lead unit, or the office).',
})
export class CreateProposalInput {
  @Field(() => String, { description: '1 to 500 characters, spaces around it aside.' })
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => ProposalKind, { description: 'What kind of paper it is.' })
  kind!: ProposalKind;

  @Field(() => ID, { description: 'The unit that drafts it; its members are the drafters.' })
  @IsUUID()
  leadUnitId!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Its reference number ("số ký hiệu", e.g. "45-ĐA/TU"), at most 100 characters; blank means none.',
  })
  @IsOptional()
  @MaxLength(referenceNumberMax)
  referenceNumber?: string;

  @Field(() => String, {
    nullable: true,
    description: 'A short account of its content, at most 20,000 characters; blank means none.',
  })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  summary?: string;

  @Field(() => Classification, { nullable: true, description: 'Who may read it; INTERNAL when not given.' })
  classification?: Classification;
}

@InputType({
  description:
    "Edits a proposal's details while it is in the workflow (its drafters or the office); an absent field is left as is. Its body is co-edited, not set here.",
})
export class UpdateProposalInput {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(0)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: '1 to 500 characters, spaces around it aside; cannot be cleared.',
  })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => ProposalKind, { nullable: true, description: 'What kind of paper it is; cannot be cleared.' })
  kind?: ProposalKind;

  @Field(() => ID, {
    nullable: true,
    description: "A new lead unit: one of the viewer's units, or any for the office; cannot be cleared.",
  })
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

  @Field(() => Classification, { nullable: true, description: 'Who may read it; null leaves it as is.' })
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

@InputType({
  description:
    "Moves a proposal in its workflow, as the viewer's part allows: its drafters submit, withdraw and take it back to drafting; the office does the rest. A move the viewer may not make is BAD_USER_INPUT naming the ones they may (`extensions.allowed`).",
})
export class ChangeProposalStatusInput {
  @Field(() => ID, { description: 'The proposal.' })
  @IsUUID()
  proposalId!: string;

  @Field(() => ProposalStatus, { description: 'The new status.' })
  to!: ProposalStatus;

  @Field(() => String, { nullable: true, description: 'Required to return it to drafting (RETURNED).' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  reason?: string;

  @Field(() => Int, { description: 'The version the change is based on; a stale one fails with CONFLICT.' })
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
