import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { login, logout } from '../commands/session.commands.js';
import type { Context } from '../context.js';
import { User } from '../entities/index.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { LoginInput, LoginPayload } from './types/auth.input.js';

@Resolver()
export class AuthResolver {
  @Query(() => User, { nullable: true, description: 'The signed-in user, or null when anonymous.' })
  viewer(@Ctx() { viewer }: Context): User | null {
    return viewer?.user ?? null;
  }

  @Mutation(() => LoginPayload)
  login(
    @Arg('input', () => LoginInput) input: LoginInput,
    @Ctx() { em, config }: Context,
  ): Promise<LoginPayload> {
    return login(em, config, input.email, input.password);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session.' })
  async logout(@Ctx() { em, viewer }: Context): Promise<boolean> {
    const v = requireViewer(viewer);
    if (v.credential.kind === 'session') await logout(em, v.credential.id);
    return true;
  }
}
