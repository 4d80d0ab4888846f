import { Attendance, ParticipantRole, limits } from '@quorum/shared';
import { ArrayMaxSize, IsInt, IsOptional, IsUUID, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Meeting, Participant } from '../../entities/index.js';

@InputType({ description: 'A user invited to a meeting, with their role.' })
export class ParticipantEntryInput {
  @Field(() => ID, { description: 'The user, who must not take part in the meeting already.' })
  @IsUUID()
  userId!: string;

  @Field(() => ParticipantRole, { description: 'Their role; a meeting has one CHAIR and one SECRETARY.' })
  role!: ParticipantRole;
}

@InputType({ description: "A unit's members, invited together with one role." })
export class UnitParticipantsInput {
  @Field(() => ID, { description: 'The unit whose active members are invited.' })
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
  @Field(() => ID, { description: 'The meeting, not CLOSED or CANCELLED.' })
  @IsUUID()
  meetingId!: string;

  @Field(() => [ParticipantEntryInput], {
    nullable: true,
    description: 'Users named one by one, each once; at most 200.',
  })
  @IsOptional()
  @ArrayMaxSize(limits.participantsPerCallMax)
  @ValidateNested({ each: true })
  participants?: ParticipantEntryInput[];

  @Field(() => [UnitParticipantsInput], {
    nullable: true,
    description:
      'Units whose active members are invited; at most 200 people in all. Give at least one person or unit.',
  })
  @IsOptional()
  @ArrayMaxSize(limits.participantsPerCallMax)
  @ValidateNested({ each: true })
  units?: UnitParticipantsInput[];
}

@InputType({
  description:
    "Changes a participant's role; CHAIR or SECRETARY also makes them the meeting's chair or secretary.",
})
export class UpdateParticipantInput {
  @Field(() => ID, { description: 'The participant.' })
  @IsUUID()
  id!: string;

  @Field(() => Int, {
    description: "The participant's version the change is based on; a stale one fails with CONFLICT.",
  })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => ParticipantRole, { description: 'The new role.' })
  role!: ParticipantRole;
}

@InputType({
  description:
    'Removes a participant from a meeting; removing the chair or the secretary leaves that office empty.',
})
export class RemoveParticipantInput {
  @Field(() => ID, { description: 'The participant.' })
  @IsUUID()
  id!: string;
}

@InputType({
  description:
    'Records whether a participant is present, absent or excused, from scheduling on and during the session. Setting a value is idempotent; `expectedVersion`, when given, guards against overwriting someone else.',
})
export class RecordAttendanceInput {
  @Field(() => ID, { description: 'The participant.' })
  @IsUUID()
  participantId!: string;

  @Field(() => Attendance, { description: 'Their attendance; the quorum follows at once.' })
  attendance!: Attendance;

  @Field(() => Int, {
    nullable: true,
    description:
      "The participant's version as the viewer saw it; a stale one fails with CONFLICT. Absent: not checked.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@InputType({ description: 'The viewer, a participant, has opened the materials of the meeting.' })
export class MarkMaterialsReadInput {
  @Field(() => ID, { description: 'The meeting; the first time counts, later calls change nothing.' })
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
