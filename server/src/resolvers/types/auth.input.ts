import { IsEmail, Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { User } from '../../entities/index.js';

@InputType()
export class LoginInput {
  @Field(() => String)
  @IsEmail()
  email!: string;

  @Field(() => String)
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

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  @Length(1, 200)
  currentPassword!: string;

  @Field(() => String)
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
