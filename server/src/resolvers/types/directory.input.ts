import { ApiTokenScope, MembershipRole, SystemRole, UnitKind, limits } from '@quorum/shared';
import { ArrayNotEmpty, IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiToken, Membership, Unit, User } from '../../entities/index.js';
import { DateTime } from '../../scalars/date-time.js';
import { TextLength } from './text-length.js';

@InputType()
export class CreateUnitInput {
  @Field(() => String)
  @TextLength(1, limits.titleMax)
  name!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  shortName?: string;

  @Field(() => UnitKind)
  kind!: UnitKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

@InputType()
export class UpdateUnitInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  shortName?: string;

  @Field(() => UnitKind, { nullable: true })
  kind?: UnitKind;

  @Field(() => ID, { nullable: true, description: 'null moves the unit to the top level.' })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `createUnit` and `updateUnit`.' })
export class UnitPayload {
  @Field(() => Unit, { description: 'The unit as saved.' })
  unit!: Unit;
}

@InputType()
export class InviteUserInput {
  @Field(() => String)
  @IsEmail()
  email!: string;

  @Field(() => String)
  @TextLength(1, 200)
  fullName!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  jobTitle?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field(() => MembershipRole, { nullable: true })
  role?: MembershipRole;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `inviteUser`.' })
export class InviteUserPayload {
  @Field(() => User, { description: 'The new account.' })
  user!: User;

  @Field(() => String, { description: 'Shown once: give it to the user, who changes it after signing in.' })
  temporaryPassword!: string;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @TextLength(1, 200)
  fullName?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  jobTitle?: string;

  @Field(() => String, { nullable: true, description: 'Administrators only.' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @Field(() => String, { nullable: true, description: '`vi` or `en`.' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  locale?: string;
}

@InputType()
export class SetUserActiveInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => Boolean)
  active!: boolean;
}

@InputType()
export class SetSystemRoleInput {
  @Field(() => ID)
  @IsUUID()
  id!: string;

  @Field(() => SystemRole)
  systemRole!: SystemRole;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a change to a user.' })
export class UserPayload {
  @Field(() => User, { description: 'The user as changed.' })
  user!: User;
}

@InputType()
export class SetMembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => ID)
  @IsUUID()
  unitId!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@InputType()
export class RemoveMembershipInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => ID)
  @IsUUID()
  unitId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `setMembership`.' })
export class MembershipPayload {
  @Field(() => Membership, { description: 'The membership as saved.' })
  membership!: Membership;
}

@InputType()
export class CreateApiTokenInput {
  @Field(() => String)
  @TextLength(1, 200)
  name!: string;

  @Field(() => [ApiTokenScope])
  @ArrayNotEmpty()
  scopes!: ApiTokenScope[];

  @Field(() => DateTime, { nullable: true })
  expiresAt?: Date;

  @Field(() => ID, { nullable: true, description: 'Administrators may create a token for another user.' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `createApiToken`.' })
export class CreateApiTokenPayload {
  @Field(() => String, { description: 'Shown once; send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => ApiToken, { description: "The new token's record (without its secret)." })
  apiToken!: ApiToken;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a change to an API token.' })
export class ApiTokenPayload {
  @Field(() => ApiToken, { description: 'The token as changed.' })
  apiToken!: ApiToken;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this unit.' })
export class UnitViewerCan {
  @Field(() => Boolean, { description: 'updateUnit' })
  update!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this user.' })
export class UserViewerCan {
  @Field(() => Boolean, { description: 'updateUser' })
  update!: boolean;

  @Field(() => Boolean, { description: 'setUserActive (never on oneself)' })
  deactivate!: boolean;

  @Field(() => Boolean, { description: 'setMembership and removeMembership for this user' })
  manageMemberships!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this API token.' })
export class ApiTokenViewerCan {
  @Field(() => Boolean, { description: 'revokeApiToken' })
  revoke!: boolean;
}

@InputType()
export class UserFilter {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only those who can be invited to meetings (not a system administrator who belongs to no unit).',
  })
  mayTakePart?: boolean;
}
