import { AgendaItemStatus, VoteOutcome, limits } from '@quorum/shared';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AgendaItem, Meeting } from '../../entities/index.js';
import { TextLength } from './text-length.js';

/** Where an item goes: under `parentId` (the top level when absent), after `afterId` or before `beforeId`. */
@InputType()
abstract class AgendaPlacement {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  afterId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  beforeId?: string;
}

@InputType({
  description:
    'Adds an item under `parentId` (the top level when absent): right after `afterId`, right before `beforeId`, or at the end of its level.',
})
export class AddAgendaItemInput extends AgendaPlacement {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;

  @Field(() => String)
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  description?: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(limits.durationMinutesMax)
  durationMinutes?: number;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  presenterUserId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  presenterUnitId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  proposalId?: string;

  @Field(() => Boolean, { nullable: true, description: 'False for procedural items that need no paper.' })
  materialsRequired?: boolean;
}

@InputType({ description: 'Edits an item; a null clears an optional field, an absent field is left as is.' })
export class UpdateAgendaItemInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(limits.durationMinutesMax)
  durationMinutes?: number | null;

  @Field(() => ID, { nullable: true, description: 'Changing the presenter clears its confirmation.' })
  @IsOptional()
  @IsUUID()
  presenterUserId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Changing the presenter clears its confirmation.' })
  @IsOptional()
  @IsUUID()
  presenterUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  proposalId?: string | null;

  @Field(() => Boolean, { nullable: true })
  materialsRequired?: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The conclusion ("kết luận"), while the meeting is IN_PROGRESS.',
  })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  conclusion?: string | null;
}

@InputType({
  description:
    'Moves an item (with its children) under `parentId` (the top level when absent): right after `afterId`, right before `beforeId`, or at the end of that level. Moves never conflict: they apply one after another, each placed between its neighbours of the moment.',
})
export class MoveAgendaItemInput extends AgendaPlacement {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@InputType({ description: 'Removes an item and everything under it.' })
export class RemoveAgendaItemInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({
  description:
    'PENDING → IN_DISCUSSION → CONCLUDED; PENDING or IN_DISCUSSION → DEFERRED or WITHDRAWN. Discussion and conclusion happen while the meeting is IN_PROGRESS.',
})
export class ChangeAgendaItemStatusInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => AgendaItemStatus)
  status!: AgendaItemStatus;

  @Field(() => String, { nullable: true, description: 'The conclusion, when concluding.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  conclusion?: string;
}

@InputType()
export class ConfirmPresenterInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId!: string;
}

@InputType({ description: "Records (or corrects) an item's vote; the outcome is the chair's declaration." })
export class RecordVoteInput {
  @Field(() => ID)
  @IsUUID()
  agendaItemId!: string;

  @Field(() => Int, { description: "The agenda item's version the vote is based on." })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  votesFor!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  votesAgainst!: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  abstentions!: number;

  @Field(() => VoteOutcome)
  outcome!: VoteOutcome;
}

@InputType()
export class RemoveAttachmentInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `addAgendaItem`.' })
export class AddAgendaItemPayload {
  @Field(() => AgendaItem, { description: 'The item added, with its number.' })
  agendaItem!: AgendaItem;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `updateAgendaItem`.' })
export class UpdateAgendaItemPayload {
  @Field(() => AgendaItem, { description: 'The item as changed.' })
  agendaItem!: AgendaItem;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `moveAgendaItem`.' })
export class MoveAgendaItemPayload {
  @Field(() => AgendaItem, { description: 'The item at its new place.' })
  agendaItem!: AgendaItem;

  @Field(() => Meeting, { description: 'Numbers of other items change too: read the agenda from here.' })
  meeting!: Meeting;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `removeAgendaItem`.' })
export class RemoveAgendaItemPayload {
  @Field(() => Meeting, {
    description: 'The meeting whose agenda it was removed from (the remaining items renumbered).',
  })
  meeting!: Meeting;

  @Field(() => [ID], { description: 'The item and everything that was under it.' })
  removedIds!: string[];
}

@ObjectType({ simpleResolvers: true, description: 'The result of `changeAgendaItemStatus`.' })
export class ChangeAgendaItemStatusPayload {
  @Field(() => AgendaItem, { description: 'The item in its new status.' })
  agendaItem!: AgendaItem;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `confirmPresenter`.' })
export class ConfirmPresenterPayload {
  @Field(() => AgendaItem, {
    description: 'The item, with `presenterConfirmedAt` and `presenterConfirmedBy` set.',
  })
  agendaItem!: AgendaItem;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `recordVote`.' })
export class RecordVotePayload {
  @Field(() => AgendaItem, { description: 'The item, with its `vote`.' })
  agendaItem!: AgendaItem;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `removeAttachment`.' })
export class RemoveAttachmentPayload {
  @Field(() => ID, { description: 'The id of the file removed.' })
  removedId!: string;

  @Field(() => Meeting, { description: 'The meeting whose materials it was part of.' })
  meeting!: Meeting;

  @Field(() => AgendaItem, {
    nullable: true,
    description: 'The agenda item it belonged to; null for a file of the whole meeting.',
  })
  agendaItem!: AgendaItem | null;
}
