import { DiffPartKind, limits } from '@quorum/shared';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DocumentVersion, Meeting, Proposal } from '../../entities/index.js';
import { TextLength } from './text-length.js';

@InputType({
  description: "Of a proposal's body (`proposalId`) or of a meeting's minutes (`meetingId`): exactly one.",
})
export class CreateDocumentVersionInput {
  @Field(() => ID, { nullable: true, description: 'The proposal whose body is kept as a version.' })
  @IsOptional()
  @IsUUID()
  proposalId?: string;

  @Field(() => ID, { nullable: true, description: 'The meeting whose minutes are kept as a version.' })
  @IsOptional()
  @IsUUID()
  meetingId?: string;

  @Field(() => String, {
    description: `The version's name ("Dự thảo lần 2", "Sau thẩm định"), 1 to 200 characters, spaces around it aside.`,
  })
  @TextLength(1, limits.versionLabelMax)
  label!: string;
}

@InputType({
  description:
    "Makes a proposal's body or a meeting's minutes read as a version again, as a new change (connected editors see it at once). The text as it was is kept first as a RESTORE_POINT version; comments anchored in text that goes become detached.",
})
export class RestoreDocumentVersionInput {
  @Field(() => ID, { description: 'The version to restore.' })
  @IsUUID()
  versionId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The proposal's (or, for minutes, the meeting's) version as the viewer saw it; a stale one is CONFLICT and nothing is restored.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType({ description: 'Removes a file attached to a proposal.' })
export class RemoveProposalAttachmentInput {
  @Field(() => ID, { description: 'The attachment (file) to remove.' })
  @IsUUID()
  id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `createDocumentVersion`.' })
export class CreateDocumentVersionPayload {
  @Field(() => DocumentVersion, { description: 'The version taken.' })
  version!: DocumentVersion;

  @Field(() => Proposal, { nullable: true, description: "Null for a version of a meeting's minutes." })
  proposal!: Proposal | null;

  @Field(() => Meeting, { nullable: true, description: 'The meeting, for a version of its minutes.' })
  meeting!: Meeting | null;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `restoreDocumentVersion`.' })
export class RestoreDocumentVersionPayload {
  @Field(() => Proposal, { nullable: true, description: "Null for a version of a meeting's minutes." })
  proposal!: Proposal | null;

  @Field(() => Meeting, { nullable: true, description: 'The meeting, for a version of its minutes.' })
  meeting!: Meeting | null;

  @Field(() => DocumentVersion, { description: 'The version whose content the document has again.' })
  restored!: DocumentVersion;

  @Field(() => DocumentVersion, {
    nullable: true,
    description:
      'The document as it was just before (kind RESTORE_POINT); null when the newest version already held it.',
  })
  restorePoint!: DocumentVersion | null;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `removeProposalAttachment`.' })
export class RemoveProposalAttachmentPayload {
  @Field(() => ID, { description: 'The id of the file removed.' })
  removedId!: string;

  @Field(() => Proposal, { description: 'The proposal it belonged to.' })
  proposal!: Proposal;
}

@ObjectType({ simpleResolvers: true, description: 'A run of text in both texts, or in only one of them.' })
export class DiffPart {
  @Field(() => DiffPartKind, {
    description: 'Whether the run is in both texts, added in the newer or removed from the older.',
  })
  kind!: DiffPartKind;

  @Field(() => String, { description: "The run's text, line breaks included." })
  text!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'What changed from one version of a proposal body or of meeting minutes to another (or to the document as it is now): read in order, SAME and REMOVED parts make the earlier text, SAME and ADDED parts the later one.',
})
export class DocumentVersionDiff {
  @Field(() => DocumentVersion, { description: 'The older side of the comparison.' })
  from!: DocumentVersion;

  @Field(() => DocumentVersion, { nullable: true, description: 'Null: the document as it is now.' })
  to!: DocumentVersion | null;

  @Field(() => [DiffPart], {
    description: 'The texts as runs in order: read them in sequence to get either text.',
  })
  parts!: DiffPart[];

  @Field(() => Int, { description: 'Characters added.' })
  added!: number;

  @Field(() => Int, { description: 'Characters removed.' })
  removed!: number;
}
