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

@ObjectType({ simpleResolvers: true })
export class UnitPayload {
  @Field(() => Unit)
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

@ObjectType({ simpleResolvers: true })
export class InviteUserPayload {
  @Field(() => User)
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

@ObjectType({ simpleResolvers: true })
export class UserPayload {
  @Field(() => User)
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

@ObjectType({ simpleResolvers: true })
export class MembershipPayload {
  @Field(() => Membership)
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

@ObjectType({ simpleResolvers: true })
export class CreateApiTokenPayload {
  @Field(() => String, { description: 'Shown once; send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@ObjectType({ simpleResolvers: true })
export class ApiTokenPayload {
  @Field(() => ApiToken)
  apiToken!: ApiToken;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this unit.' })
export class UnitViewerCan {
  @Field(() => Boolean)
  update!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this user.' })
export class UserViewerCan {
  @Field(() => Boolean)
  update!: boolean;

  @Field(() => Boolean)
  deactivate!: boolean;

  @Field(() => Boolean)
  manageMemberships!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this API token.' })
export class ApiTokenViewerCan {
  @Field(() => Boolean)
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
