import { IsEmail, Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from '../../entities/index.js';

@InputType({
  description:
    'Signs in with e-mail and password. Failed attempts are limited per account and per address (RATE_LIMITED with a retry hint).',
})
export class LoginInput {
  @Field(() => String, { description: "The account's e-mail address." })
  @IsEmail()
  email!: string;

  @Field(() => String, { description: '1 to 200 characters.' })
  @Length(1, 200)
  password!: string;
}

@ObjectType({ simpleResolvers: true, description: 'The result of `login`: a new session.' })
export class LoginPayload {
  @Field(() => String, { description: 'The session token: send it as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@InputType({
  description: "Changes the viewer's password; their other sessions end, their API tokens keep working.",
})
export class ChangePasswordInput {
  @Field(() => String, {
    description: 'The password now, 1 to 200 characters; a wrong one is refused (BAD_USER_INPUT).',
  })
  @Length(1, 200)
  currentPassword!: string;

  @Field(() => String, { description: 'The new password, 10 to 200 characters.' })
  @Length(1, 200)
  newPassword!: string;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'What the viewer may create, from the same policies that guard the mutations: a client offers only these forms.',
})
export class ViewerAbilities {
  @Field(() => Boolean, { description: 'createMeeting (the office)' })
  createMeeting!: boolean;

  @Field(() => Boolean, { description: 'createUnit (administrators)' })
  createUnit!: boolean;

  @Field(() => Boolean, { description: 'inviteUser (administrators)' })
  inviteUser!: boolean;

  @Field(() => Boolean, { description: 'createApiToken' })
  createApiToken!: boolean;

  @Field(() => Boolean, { description: 'createTask and createTasksFromConclusion' })
  createTask!: boolean;

  @Field(() => Boolean, { description: 'createWorkProgramme' })
  createProgramme!: boolean;
}
