import { ApiTokenScope, MembershipRole, SystemRole, UnitKind, limits } from '@quorum/shared';
import { ArrayNotEmpty, IsEmail, IsIn, IsOptional, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiToken, Membership, Unit, User } from '../../entities/index.js';
import { DateTime } from '../../scalars/date-time.js';
import { TextLength } from './text-length.js';

@InputType({ description: 'Creates a unit of the organization (administrators).' })
export class CreateUnitInput {
  @Field(() => String, {
    description: 'The full name, 1 to 500 characters (spaces around it aside), e.g. "Ban Tổ chức Tỉnh ủy".',
  })
  @TextLength(1, limits.titleMax)
  name!: string;

  @Field(() => String, {
    nullable: true,
    description: 'An abbreviation shown where space is short, at most 50 characters; blank means none.',
  })
  @IsOptional()
  @MaxLength(50)
  shortName?: string;

  @Field(() => UnitKind, { description: 'Committee, department or office: decides what its members may do.' })
  kind!: UnitKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'The unit it sits under (a standing board under its executive committee); absent for the top level.',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;
}

@InputType({ description: 'Edits a unit (administrators); an absent field is left as is.' })
export class UpdateUnitInput {
  @Field(() => ID, { description: 'The unit.' })
  @IsUUID()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: '1 to 500 characters, spaces around it aside; cannot be cleared.',
  })
  @IsOptional()
  @TextLength(1, limits.titleMax)
  name?: string;

  @Field(() => String, { nullable: true, description: 'At most 50 characters; null or blank clears it.' })
  @IsOptional()
  @MaxLength(50)
  shortName?: string;

  @Field(() => UnitKind, { nullable: true, description: 'The new kind; null leaves it as is.' })
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

@InputType({
  description:
    'Adds a user to the organization with a temporary password, returned once (administrators); no e-mail is sent.',
})
export class InviteUserInput {
  @Field(() => String, {
    description: 'The sign-in address, unique in the organization (stored in lower case).',
  })
  @IsEmail()
  email!: string;

  @Field(() => String, { description: '1 to 200 characters, spaces around it aside.' })
  @TextLength(1, 200)
  fullName!: string;

  @Field(() => String, { nullable: true, description: 'At most 200 characters.' })
  @IsOptional()
  @MaxLength(200)
  jobTitle?: string;

  @Field(() => ID, { nullable: true, description: 'A unit to make the user a member of at once.' })
  @IsOptional()
  @IsUUID()
  unitId?: string;

  @Field(() => MembershipRole, { nullable: true, description: 'The role in `unitId`; STAFF when not given.' })
  role?: MembershipRole;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `inviteUser`.' })
export class InviteUserPayload {
  @Field(() => User, { description: 'The new account.' })
  user!: User;

  @Field(() => String, { description: 'Shown once: give it to the user, who changes it after signing in.' })
  temporaryPassword!: string;
}

@InputType({
  description:
    "Edits a user's profile: administrators anyone's, a user their own name, job title and language. An absent field is left as is.",
})
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: '1 to 200 characters, spaces around it aside; cannot be cleared.',
  })
  @IsOptional()
  @TextLength(1, 200)
  fullName?: string;

  @Field(() => String, { nullable: true, description: 'At most 200 characters; null or blank clears it.' })
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

@InputType({
  description:
    "Deactivates or reactivates a user (administrators, never oneself); deactivation ends the user's sessions and API tokens at once.",
})
export class SetUserActiveInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  id!: string;

  @Field(() => Boolean, { description: 'False to deactivate, true to reactivate.' })
  active!: boolean;
}

@InputType({
  description: "Sets a user's system role (administrators; one cannot remove one's own ADMIN role).",
})
export class SetSystemRoleInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  id!: string;

  @Field(() => SystemRole, { description: 'The new role.' })
  systemRole!: SystemRole;
}

@ObjectType({ simpleResolvers: true, description: 'The result of a change to a user.' })
export class UserPayload {
  @Field(() => User, { description: 'The user as changed.' })
  user!: User;
}

@InputType({
  description: 'Makes a user a member of a unit with a role, or changes their role there (administrators).',
})
export class SetMembershipInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  userId!: string;

  @Field(() => ID, { description: 'The unit.' })
  @IsUUID()
  unitId!: string;

  @Field(() => MembershipRole, { description: 'The role in the unit.' })
  role!: MembershipRole;
}

@InputType({ description: 'Removes a user from a unit (administrators).' })
export class RemoveMembershipInput {
  @Field(() => ID, { description: 'The user.' })
  @IsUUID()
  userId!: string;

  @Field(() => ID, { description: 'The unit.' })
  @IsUUID()
  unitId!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `setMembership`.' })
export class MembershipPayload {
  @Field(() => Membership, { description: 'The membership as saved.' })
  membership!: Membership;
}

@InputType({
  description:
    'Creates an API token for an integration; the token is returned once and only its hash is kept.',
})
export class CreateApiTokenInput {
  @Field(() => String, {
    description: 'What the token is for, 1 to 200 characters (spaces around it aside).',
  })
  @TextLength(1, 200)
  name!: string;

  @Field(() => [ApiTokenScope], { description: 'READ, WRITE or both (WRITE implies READ); at least one.' })
  @ArrayNotEmpty()
  scopes!: ApiTokenScope[];

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the token stops working, in the future; never when not given.',
  })
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
  @Field(() => Boolean, {
    description:
      'updateUser with every field (the email too), setSystemRole, resetUserPassword: administrators. Everyone may updateUser their own profile without it.',
  })
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

@InputType({ description: 'Narrows a list of users; all of them when empty.' })
export class UserFilter {
  @Field(() => Boolean, {
    nullable: true,
    description:
      'True: only those who can be invited to meetings (not a system administrator who belongs to no unit).',
  })
  mayTakePart?: boolean;
}
