import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { registerDescribedEnum } from '../../entities/enums.js';
import { DateTime } from '../../scalars/date-time.js';

/** Presence is kept for the rooms where people work together; other scopes have none. */
export enum PresenceScopeType {
  MEETING = 'MEETING',
  PROPOSAL = 'PROPOSAL',
}
registerDescribedEnum(PresenceScopeType, 'PresenceScopeType', {
  description: 'The kinds of room that keep presence: who is viewing or editing there now.',
  values: {
    MEETING: 'A meeting.',
    PROPOSAL: 'A proposal.',
  },
});

@InputType({ description: 'A meeting or a proposal, with its id.' })
export class PresenceScopeInput {
  @Field(() => PresenceScopeType, { description: 'A meeting or a proposal.' })
  type!: PresenceScopeType;

  @Field(() => ID, { description: 'Its id.' })
  @IsUUID()
  id!: string;
}

@InputType({
  description:
    'Says the viewer is in a meeting or a proposal (and what they edit there); sent as a heartbeat.',
})
export class AnnouncePresenceInput {
  @Field(() => PresenceScopeInput, { description: 'Where the viewer is.' })
  @ValidateNested()
  scope!: PresenceScopeInput;

  @Field(() => ID, { nullable: true, description: 'The agenda item the viewer is editing, or null.' })
  @IsOptional()
  @IsUUID()
  editingId?: string | null;
}

@InputType({ description: 'Says the viewer has left a meeting or a proposal.' })
export class LeavePresenceInput {
  @Field(() => PresenceScopeInput, { description: 'Where the viewer was.' })
  @ValidateNested()
  scope!: PresenceScopeInput;
}

/** Only what an avatar needs: presence is held in memory and crosses instances without the database. */
@ObjectType({ simpleResolvers: true, description: 'Who is present: only what an avatar needs.' })
export class PresenceUser {
  @Field(() => ID, { description: "The user's id." })
  id!: string;

  @Field(() => String, { description: 'Their full name.' })
  fullName!: string;
}

@ObjectType({ simpleResolvers: true, description: 'Someone viewing a meeting or a proposal now.' })
export class Presence {
  @Field(() => PresenceUser, { description: 'Who it is.' })
  user!: PresenceUser;

  @Field(() => ID, { nullable: true, description: 'The agenda item they are editing, if any.' })
  editing!: string | null;

  @Field(() => DateTime, { description: 'When they arrived.' })
  since!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `announcePresence` and `leavePresence`.' })
export class PresencePayload {
  @Field(() => [Presence], { description: 'Who is in the scope now, after this change.' })
  presence!: Presence[];
}
