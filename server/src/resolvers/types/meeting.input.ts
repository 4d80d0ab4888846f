import { Classification, MeetingKind, MeetingStatus, limits } from '@quorum/shared';
import { IsInt, IsOptional, IsUUID, Length, MaxLength, Min } from 'class-validator';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Meeting } from '../../entities/index.js';

@InputType()
export class MeetingFilter {
  @Field(() => [MeetingStatus], { nullable: true })
  status?: MeetingStatus[];

  @Field(() => [MeetingKind], { nullable: true })
  kind?: MeetingKind[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  committeeId?: string;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Meetings starting at or after this time.' })
  from?: Date;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Meetings starting before this time.' })
  to?: Date;
}

@InputType()
export class CreateMeetingInput {
  @Field(() => ID)
  @IsUUID()
  committeeId!: string;

  @Field(() => String)
  @Length(1, limits.titleMax)
  title!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => GraphQLDateTime)
  startsAt!: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(limits.locationMax)
  location?: string;

  @Field(() => Classification, { nullable: true })
  classification?: Classification;
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Int, { description: 'The version the edit is based on; a stale one fails with CONFLICT.' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, limits.titleMax)
  title?: string;

  @Field(() => MeetingKind, { nullable: true })
  kind?: MeetingKind;

  @Field(() => GraphQLDateTime, { nullable: true })
  startsAt?: Date;

  @Field(() => GraphQLDateTime, { nullable: true })
  endsAt?: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(limits.locationMax)
  location?: string;

  @Field(() => Classification, { nullable: true })
  classification?: Classification;
}

@ObjectType()
export class CreateMeetingPayload {
  @Field(() => Meeting)
  meeting!: Meeting;
}

@ObjectType()
export class UpdateMeetingPayload {
  @Field(() => Meeting)
  meeting!: Meeting;
}
