import { Classification, MeetingKind, MeetingStatus, limits } from '@quorum/shared';
import { IsInt, IsOptional, IsUUID, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, type ClassType } from 'type-graphql';
import { AgendaItem, Meeting } from '../../entities/index.js';
import { DateTime } from '../../scalars/date-time.js';
import { TextLength } from './text-length.js';

@InputType({ description: 'Narrows a list of meetings; the conditions given all apply.' })
export class MeetingFilter {
  @Field(() => [MeetingStatus], { nullable: true, description: 'Meetings in one of these statuses.' })
  status?: MeetingStatus[];

  @Field(() => [MeetingKind], { nullable: true, description: 'Meetings of one of these kinds.' })
  kind?: MeetingKind[];

  @Field(() => ID, { nullable: true, description: 'Meetings of this committee.' })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @Field(() => DateTime, { nullable: true, description: 'Meetings starting at or after this time.' })
  from?: Date;

  @Field(() => DateTime, { nullable: true, description: 'Meetings starting before this time.' })
  to?: Date;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True lists the templates only; otherwise templates are left out.',
  })
  templates?: boolean;
}

@InputType({
  description:
    'Creates a DRAFT meeting (the office). Whoever creates a CONFIDENTIAL meeting is put on its access list.',
})
export class CreateMeetingInput {
  @Field(() => ID, { description: 'The committee that meets (a unit of kind COMMITTEE).' })
  @IsUUID()
  committeeId!: string;

  @Field(() => String, { description: '1 to 500 characters, spaces around it aside.' })
  @TextLength(1, limits.titleMax)
  title!: string;

  @Field(() => MeetingKind, { description: 'Regular, extraordinary or briefing.' })
  kind!: MeetingKind;

  @Field(() => DateTime, { description: 'When it starts (years 1900 to 2999).' })
  startsAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it ends, after `startsAt`.' })
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: 'Where it is held, at most 200 characters.' })
  @IsOptional()
  @MaxLength(limits.locationMax)
  location?: string;

  @Field(() => Classification, { nullable: true, description: 'Who may read it; INTERNAL when not given.' })
  classification?: Classification;

  @Field(() => Boolean, { nullable: true, description: 'A template is only copied, never held.' })
  isTemplate?: boolean;

  @Field(() => ID, { nullable: true, description: 'Who chairs; they take part with the CHAIR role.' })
  @IsOptional()
  @IsUUID()
  chairId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Who keeps the minutes; they take part with the SECRETARY role.',
  })
  @IsOptional()
  @IsUUID()
  secretaryId?: string;
}

@InputType({
  description:
    'Edits a meeting that is not CLOSED or CANCELLED (the office). An absent field is left as is; a null clears `endsAt` and `location`, empties the office of `chairId` and `secretaryId`, and is refused for the other fields.',
})
export class UpdateMeetingInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: '1 to 500 characters, spaces around it aside.' })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => MeetingKind, { nullable: true, description: 'Regular, extraordinary or briefing.' })
  kind?: MeetingKind;

  @Field(() => DateTime, { nullable: true, description: 'When it starts; `endsAt` must stay after it.' })
  startsAt?: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it ends, after `startsAt`; null clears it.' })
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: 'At most 200 characters; null clears it.' })
  @IsOptional()
  @MaxLength(limits.locationMax)
  location?: string;

  @Field(() => Classification, {
    nullable: true,
    description: 'Who may read it. Making it CONFIDENTIAL puts the editor on its access list.',
  })
  classification?: Classification;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only a DRAFT meeting can become (or stop being) a template.',
  })
  isTemplate?: boolean;

  @Field(() => ID, {
    nullable: true,
    description:
      'A new chair, who takes part with the CHAIR role (the previous one stays as a MEMBER); null leaves the chair empty.',
  })
  @IsOptional()
  @IsUUID()
  chairId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'A new secretary, who takes part with the SECRETARY role (the previous one stays as an INVITEE); null leaves the office empty.',
  })
  @IsOptional()
  @IsUUID()
  secretaryId?: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `createMeeting`.' })
export class CreateMeetingPayload {
  @Field(() => Meeting, { description: 'The new meeting.' })
  meeting!: Meeting;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `updateMeeting`.' })
export class UpdateMeetingPayload {
  @Field(() => Meeting, { description: 'The meeting as changed.' })
  meeting!: Meeting;
}

export interface MeetingTransitionShape {
  id: string;
  expectedVersion: number;
}

/** `<Verb>MeetingInput`: the meeting and the version the change is based on. */
function transitionInput(name: string, description: string): ClassType<MeetingTransitionShape> {
  @InputType(name, { description })
  class TransitionInput {
    @Field(() => ID, { description: 'The meeting.' })
    @IsUUID()
    id!: string;

    @Field(() => Int, { description: 'The version the change is based on; a stale one fails with CONFLICT.' })
    @IsInt()
    @Min(1)
    expectedVersion!: number;
  }
  return TransitionInput;
}

function meetingPayload(name: string): ClassType<{ meeting: Meeting }> {
  @ObjectType(name, {
    simpleResolvers: true,
    description: `The result of \`${name.charAt(0).toLowerCase()}${name.slice(1, -'Payload'.length)}\`.`,
  })
  class Payload {
    @Field(() => Meeting, { description: 'The meeting in its new status.' })
    meeting!: Meeting;
  }
  return Payload;
}

export const ScheduleMeetingInput = transitionInput('ScheduleMeetingInput', 'DRAFT → SCHEDULED.');
export const StartMeetingInput = transitionInput('StartMeetingInput', 'SCHEDULED → IN_PROGRESS.');
export const CloseMeetingInput = transitionInput('CloseMeetingInput', 'IN_PROGRESS → CLOSED.');
export const CancelMeetingInput = transitionInput('CancelMeetingInput', 'DRAFT or SCHEDULED → CANCELLED.');
export const ScheduleMeetingPayload = meetingPayload('ScheduleMeetingPayload');
export const StartMeetingPayload = meetingPayload('StartMeetingPayload');
export const CloseMeetingPayload = meetingPayload('CloseMeetingPayload');
export const CancelMeetingPayload = meetingPayload('CancelMeetingPayload');

@InputType({ description: 'A new meeting with the structure of an earlier one or of a template.' })
export class CreateMeetingFromInput {
  @Field(() => ID, { description: 'The meeting or template to copy.' })
  @IsUUID()
  sourceMeetingId!: string;

  @Field(() => DateTime, { description: 'When the new meeting starts.' })
  startsAt!: Date;

  @Field(() => DateTime, {
    nullable: true,
    description: "Defaults to the start plus the source's length, when the source has an end.",
  })
  endsAt?: Date;

  @Field(() => String, { nullable: true, description: "Defaults to the source's title." })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  title?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Make the copy a template (default: a DRAFT meeting).',
  })
  isTemplate?: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `createMeetingFrom`.' })
export class CreateMeetingFromPayload {
  @Field(() => Meeting, {
    description: 'The new meeting, in DRAFT, with the copied agenda and participants.',
  })
  meeting!: Meeting;
}

@InputType({ description: "Copies one meeting's agenda to the end of another's (structure only)." })
export class CopyAgendaInput {
  @Field(() => ID, {
    description:
      'The meeting (or template) whose agenda is copied; it may not be more restricted than the target.',
  })
  @IsUUID()
  fromMeetingId!: string;

  @Field(() => ID, {
    description: 'Another meeting, not CLOSED or CANCELLED; its agenda holds at most 500 items in all.',
  })
  @IsUUID()
  toMeetingId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `copyAgenda`.' })
export class CopyAgendaPayload {
  @Field(() => Meeting, { description: 'The meeting copied to, with its agenda as it is now.' })
  meeting!: Meeting;

  @Field(() => [AgendaItem], { description: 'The items added, depth first.' })
  agendaItems!: AgendaItem[];
}
