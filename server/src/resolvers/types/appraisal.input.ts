import { appraisalUnitsMax, limits, Verdict } from '@quorum/shared';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Appraisal, AppraisalAssignment, AppraisalComment, Proposal, Unit } from '../../entities/index.js';
import type { Row } from '../../read/rows.js';
import { DateTime } from '../../scalars/date-time.js';
import { TextLength } from './text-length.js';

/** A quoted passage is a sentence or a paragraph, not the whole body. */
const quoteMax = 2_000;
/** An encoded Yjs relative position is a few dozen bytes; this leaves room for long client ids. */
const positionMax = 512;

@InputType({
  description:
    'Sends a proposal to appraisal: one round asking each unit for its verdict by `dueAt`; the proposal goes to IN_APPRAISAL (the office, as the workflow allows).',
})
export class RequestAppraisalInput {
  @Field(() => ID, { description: 'The proposal, in DRAFTING.' })
  @IsUUID()
  proposalId!: string;

  @Field(() => [ID], {
    description: `The units asked, each once, at most ${appraisalUnitsMax}; not the lead unit.`,
  })
  @ArrayMaxSize(appraisalUnitsMax)
  @IsUUID(undefined, { each: true })
  unitIds!: string[];

  @Field(() => DateTime, { description: 'In the future.' })
  dueAt!: Date;

  @Field(() => String, { nullable: true, description: 'What the office asks of the reviewers.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  note?: string;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether each unit's reviewers (and every reader of the proposal) see the other units' comments; true when not given.",
  })
  sharedComments?: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "The proposal's version, when the client wants it checked.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

@InputType({
  description:
    'Names the member who reviews for a unit asked, while the unit has not answered (its head or deputy, or the office).',
})
export class AssignAppraisalReviewerInput {
  @Field(() => ID, { description: "The unit's assignment in the round." })
  @IsUUID()
  assignmentId!: string;

  @Field(() => ID, { description: 'An active member of the unit asked.' })
  @IsUUID()
  reviewerId!: string;
}

@InputType({
  description:
    "A unit's verdict, given once by a member of the unit while the round is open; with the last verdict in, the round closes and the proposal becomes APPRAISED.",
})
export class SubmitAppraisalVerdictInput {
  @Field(() => ID, { description: "The assignment of the viewer's unit in the round." })
  @IsUUID()
  assignmentId!: string;

  @Field(() => Verdict, { description: 'AGREE, AGREE_WITH_CHANGES or DISAGREE.' })
  verdict!: Verdict;

  @Field(() => String, {
    nullable: true,
    description: 'Required unless the verdict is AGREE: the changes asked for, or why not.',
  })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  summary?: string;
}

@InputType({
  description:
    'Closes a round before every verdict is in (the office, as the workflow allows); the proposal becomes APPRAISED.',
})
export class CloseAppraisalInput {
  @Field(() => ID, { description: 'The open appraisal round.' })
  @IsUUID()
  appraisalId!: string;
}

@InputType({ description: 'Where in the body a comment points.' })
export class AppraisalAnchorInput {
  @Field(() => String, { description: 'The passage quoted.' })
  @TextLength(1, quoteMax)
  quote!: string;

  @Field(() => String, {
    description:
      "The base64 of `Y.encodeRelativePosition` at the passage's start, in the proposal body's Yjs document.",
  })
  @MaxLength(positionMax)
  position!: string;
}

@InputType({
  description:
    'A comment by a member of a unit asked, while the round is open: a new thread, or a reply. Mentions written `@[Name](user:<id>)` notify those named who may read it.',
})
export class AddAppraisalCommentInput {
  @Field(() => ID, { description: 'The open appraisal round.' })
  @IsUUID()
  appraisalId!: string;

  @Field(() => String, { description: 'The comment, 1 to 20,000 characters (spaces around it aside).' })
  @TextLength(1, limits.descriptionMax)
  body!: string;

  @Field(() => AppraisalAnchorInput, {
    nullable: true,
    description:
      'The passage a new thread is about (none: the proposal as a whole). A reply takes its thread’s.',
  })
  @IsOptional()
  @ValidateNested()
  anchor?: AppraisalAnchorInput;

  @Field(() => ID, {
    nullable: true,
    description: 'The comment answered; a reply to a reply joins the thread it belongs to.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

@InputType({
  description: 'The drafters resolve a thread with their answer ("giải trình"); its author is notified.',
})
export class ResolveAppraisalCommentInput {
  @Field(() => ID, { description: 'The comment that starts the thread.' })
  @IsUUID()
  commentId!: string;

  @Field(() => String, { description: 'How the drafters took the comment into account, or why not.' })
  @TextLength(1, limits.descriptionMax)
  answer!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `requestAppraisal` and `closeAppraisal`.' })
export class AppraisalPayload {
  @Field(() => Appraisal, { description: 'The appraisal round.' })
  appraisal!: Appraisal;

  @Field(() => Proposal, {
    description: 'Its proposal, whose status may have moved with the round (IN_APPRAISAL, APPRAISED).',
  })
  proposal!: Proposal;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `assignAppraisalReviewer` and `submitAppraisalVerdict`.',
})
export class AppraisalAssignmentPayload {
  @Field(() => AppraisalAssignment, { description: 'The assignment as changed.' })
  assignment!: AppraisalAssignment;

  @Field(() => Appraisal, { description: 'The round: closed if this was its last verdict.' })
  appraisal!: Appraisal;

  @Field(() => Proposal, { description: 'APPRAISED if this verdict closed the round.' })
  proposal!: Proposal;
}

@ObjectType({
  simpleResolvers: true,
  description: 'The result of `addAppraisalComment` and `resolveAppraisalComment`.',
})
export class AppraisalCommentPayload {
  @Field(() => AppraisalComment, { description: 'The comment added or resolved.' })
  comment!: AppraisalComment;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this round.' })
export class AppraisalViewerCan {
  @Field(() => Boolean, { description: 'closeAppraisal' })
  close!: boolean;

  @Field(() => Boolean, { description: 'addAppraisalComment (the viewer reviews for a unit asked)' })
  comment!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "What the viewer may do with one unit's assignment." })
export class AppraisalAssignmentViewerCan {
  @Field(() => Boolean, { description: 'submitAppraisalVerdict' })
  submitVerdict!: boolean;

  @Field(() => Boolean, { description: 'assignAppraisalReviewer' })
  assignReviewer!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this comment.' })
export class AppraisalCommentViewerCan {
  @Field(() => Boolean, { description: 'resolveAppraisalComment' })
  resolve!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'The consolidated report of a round ("báo cáo tổng hợp ý kiến thẩm định"). Comments are counted by thread, as far as the viewer may read them.',
})
export class AppraisalReport {
  @Field(() => [AppraisalAssignment], { description: 'Each unit asked, by name, with its verdict.' })
  verdictsByUnit!: Row<AppraisalAssignment>[];

  @Field(() => Int, { description: 'Units that agreed.' })
  agree!: number;

  @Field(() => Int, { description: 'Units that agreed with changes asked.' })
  agreeWithChanges!: number;

  @Field(() => Int, { description: 'Units that disagreed.' })
  disagree!: number;

  @Field(() => Int, { description: 'Units that have not answered.' })
  pending!: number;

  @Field(() => Int, { description: 'Threads not yet resolved.' })
  openComments!: number;

  @Field(() => Int, { description: 'Threads the drafters resolved.' })
  resolvedComments!: number;

  @Field(() => [Unit], { description: 'Units without a verdict past the deadline.' })
  overdueUnits!: Row<Unit>[];
}
