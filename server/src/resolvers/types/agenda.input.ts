import { AgendaItemStatus, VoteOutcome, limits } from '@quorum/shared';
import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AgendaItem, Meeting } from '../../entities/index.js';
import { TextLength } from './text-length.js';

/** Where an item goes: under `parentId` (the top level when absent), after `afterId` or before `beforeId`. */
@InputType()
abstract class AgendaPlacement {
  @Field(() => ID, {
    nullable: true,
    description:
      'The item to place it under, of the same meeting; absent or null for the top level. The agenda nests at most 5 levels.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Place it right after this item of the same level (give this or `beforeId`, not both).',
  })
  @IsOptional()
  @IsUUID()
  afterId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'Place it right before this item of the same level (give this or `afterId`, not both); neither puts it at the end.',
  })
  @IsOptional()
  @IsUUID()
  beforeId?: string;
}

@InputType({
  description:
    'Adds an item under `parentId` (the top level when absent): right after `afterId`, right before `beforeId`, or at the end of its level.',
})
export class AddAgendaItemInput extends AgendaPlacement {
  @Field(() => ID, {
    description: 'The meeting, not CLOSED or CANCELLED; its agenda holds at most 500 items.',
  })
  @IsUUID()
  meetingId!: string;

  @Field(() => String, {
    description: 'The title, 1 to 500 characters (spaces around it aside, which are trimmed).',
  })
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Notes on the item, at most 20,000 characters (co-edited afterwards).',
  })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  description?: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Minutes planned for the item itself (without its sub-items), 0 to 1440.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(limits.durationMinutesMax)
  durationMinutes?: number;

  @Field(() => ID, { nullable: true, description: 'The person who presents it, of the organization.' })
  @IsOptional()
  @IsUUID()
  presenterUserId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The unit that presents it, of the organization (with or without a person).',
  })
  @IsOptional()
  @IsUUID()
  presenterUnitId?: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The proposal discussed, which the viewer may read; a SUBMITTED proposal becomes SCHEDULED (not for a template).',
  })
  @IsOptional()
  @IsUUID()
  proposalId?: string;

  @Field(() => Boolean, { nullable: true, description: 'False for procedural items that need no paper.' })
  materialsRequired?: boolean;
}

@InputType({ description: 'Edits an item; a null clears an optional field, an absent field is left as is.' })
export class UpdateAgendaItemInput {
  @Field(() => ID, { description: 'The agenda item.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, {
    nullable: true,
    description: '1 to 500 characters, spaces around it aside; cannot be cleared.',
  })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => String, { nullable: true, description: 'At most 20,000 characters; null clears it.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: '0 to 1440 minutes; null clears it.' })
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

  @Field(() => ID, {
    nullable: true,
    description:
      'The proposal discussed, which the viewer may read; null detaches it. A SUBMITTED proposal attached becomes SCHEDULED, a SCHEDULED one detached goes back to SUBMITTED (not for a template).',
  })
  @IsOptional()
  @IsUUID()
  proposalId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'False for procedural items that need no paper; cannot be cleared.',
  })
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
  @Field(() => ID, { description: 'The agenda item to move; its sub-items move with it.' })
  @IsUUID()
  id!: string;
}

@InputType({ description: 'Removes an item and everything under it.' })
export class RemoveAgendaItemInput {
  @Field(() => ID, { description: 'The agenda item to remove, with everything under it.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the removal is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

@InputType({
  description:
    'PENDING → IN_DISCUSSION → CONCLUDED; PENDING or IN_DISCUSSION → DEFERRED or WITHDRAWN. Discussion and conclusion happen while the meeting is IN_PROGRESS.',
})
export class ChangeAgendaItemStatusInput {
  @Field(() => ID, { description: 'The agenda item.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the change is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => AgendaItemStatus, {
    description: 'The new status; IN_DISCUSSION and CONCLUDED only while the meeting is IN_PROGRESS.',
  })
  status!: AgendaItemStatus;

  @Field(() => String, { nullable: true, description: 'The conclusion, when concluding.' })
  @IsOptional()
  @MaxLength(limits.descriptionMax)
  conclusion?: string;
}

@InputType({
  description:
    'The presenter (or the office on their behalf) confirms they will present the item; confirming again changes nothing.',
})
export class ConfirmPresenterInput {
  @Field(() => ID, { description: 'The agenda item, which must have a presenter.' })
  @IsUUID()
  agendaItemId!: string;
}

@InputType({ description: "Records (or corrects) an item's vote; the outcome is the chair's declaration." })
export class RecordVoteInput {
  @Field(() => ID, { description: 'The agenda item voted on.' })
  @IsUUID()
  agendaItemId!: string;

  @Field(() => Int, { description: "The agenda item's version the vote is based on." })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => Int, { description: 'Votes in favour ("tán thành"), 0 or more.' })
  @IsInt()
  @Min(0)
  votesFor!: number;

  @Field(() => Int, { description: 'Votes against ("không tán thành"), 0 or more.' })
  @IsInt()
  @Min(0)
  votesAgainst!: number;

  @Field(() => Int, { description: 'Members who did not vote either way ("không biểu quyết"), 0 or more.' })
  @IsInt()
  @Min(0)
  abstentions!: number;

  @Field(() => VoteOutcome, { description: 'The outcome the chair declared.' })
  outcome!: VoteOutcome;
}

@InputType({ description: "Removes a file from a meeting's materials." })
export class RemoveAttachmentInput {
  @Field(() => ID, { description: 'The attachment (file) to remove.' })
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
