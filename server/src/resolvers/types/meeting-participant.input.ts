import { Attendance, ParticipantRole, limits } from '@quorum/shared';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Meeting, Participant } from '../../entities/index.js';

@InputType()
export class ParticipantEntryInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}

@InputType({ description: "A unit's members, invited together with one role." })
export class UnitParticipantsInput {
  @Field(() => ID)
  @IsUUID()
  unitId!: string;

  @Field(() => ParticipantRole, { description: 'MEMBER or INVITEE: an office is held by one person.' })
  role!: ParticipantRole;
}

@InputType({
  description:
    "Invites users to a meeting, one by one and a unit's active members at once; each is notified. A user named who already takes part is refused; a unit's member who already takes part (or is named) is skipped.",
})
export class AddParticipantsInput {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;

  @Field(() => [ParticipantEntryInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(limits.participantsPerCallMax)
  @ValidateNested({ each: true })
  participants?: ParticipantEntryInput[];

  @Field(() => [UnitParticipantsInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(limits.participantsPerCallMax)
  @ValidateNested({ each: true })
  units?: UnitParticipantsInput[];
}

@InputType()
export class UpdateParticipantInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}

@InputType()
export class RemoveParticipantInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;
}

@InputType({
  description:
    'Records whether a participant is present, absent or excused, from scheduling on and during the session. Setting a value is idempotent; `expectedVersion`, when given, guards against overwriting someone else.',
})
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsUUID()
  participantId!: string;

  @Field(() => Attendance)
  attendance!: Attendance;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@InputType({ description: 'The viewer, a participant, has opened the materials of the meeting.' })
export class MarkMaterialsReadInput {
  @Field(() => ID)
  @IsUUID()
  meetingId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `addParticipants`.' })
export class AddParticipantsPayload {
  @Field(() => Meeting, { description: 'The meeting, with its participants and quorum as they are now.' })
  meeting!: Meeting;

  @Field(() => [Participant], { description: 'The participants added (not those already invited).' })
  participants!: Participant[];
}

@ObjectType({ simpleResolvers: true, description: 'The result of `updateParticipant`.' })
export class UpdateParticipantPayload {
  @Field(() => Participant, { description: 'The participant as changed.' })
  participant!: Participant;

  @Field(() => Meeting, { description: 'The meeting (its chair, secretary and quorum may have changed).' })
  meeting!: Meeting;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `removeParticipant`.' })
export class RemoveParticipantPayload {
  @Field(() => ID, { description: 'The id of the participant removed.' })
  removedId!: string;

  @Field(() => Meeting, { description: 'The meeting, without them.' })
  meeting!: Meeting;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `recordAttendance`.' })
export class RecordAttendancePayload {
  @Field(() => Participant, { description: 'The participant, with their attendance.' })
  participant!: Participant;

  @Field(() => Meeting, { description: 'Its quorum has changed.' })
  meeting!: Meeting;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `markMaterialsRead`.' })
export class MarkMaterialsReadPayload {
  @Field(() => Participant, { description: "The viewer's participation, with `materialsReadAt` set." })
  participant!: Participant;
}
