import { isUuid, SubjectType } from '@quorum/shared';
import {
  Arg,
  Ctx,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { AgendaItem } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { mayReadSubject, requireReadableSubject, type Subject } from '../policies/subject.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import type { PresenceDelivery, PresenceEntry, PresenceScope } from '../realtime/presence.js';
import {
  AnnouncePresenceInput,
  LeavePresenceInput,
  Presence,
  PresencePayload,
  PresenceScopeInput,
  PresenceScopeType,
} from './types/presence.type.js';

const subjectTypes: Record<PresenceScopeType, SubjectType> = {
  [PresenceScopeType.MEETING]: SubjectType.MEETING,
  [PresenceScopeType.PROPOSAL]: SubjectType.PROPOSAL,
};

/** Announcements over HTTP have no socket to close: they last until `leavePresence` or the TTL. */
const httpClient = 'http';

/**
 * The same check as the event feed's: the viewer must be able to read the meeting or proposal. Checked here as
 * well as on the input, since a subscription's own `subscribe` runs before argument validation.
 */
async function readableScope(
  ctx: Context,
  viewer: Viewer,
  input: PresenceScopeInput,
): Promise<{ scope: PresenceScope; subject: Subject }> {
  const scope = { type: subjectTypes[input.type], id: input.id };
  return { scope, subject: await requireReadableSubject(ctx.em, viewer, scope.type, scope.id) };
}

/** One can only be editing an item of the meeting in view, or one that puts the proposal in view on an agenda. */
async function checkEditing(ctx: Context, scope: PresenceScope, editingId: string): Promise<void> {
  const item = isUuid(editingId)
    ? await ctx.em.findOne(
        AgendaItem,
        scope.type === SubjectType.MEETING
          ? { id: editingId, meeting: scope.id }
          : { id: editingId, proposal: scope.id },
        { fields: ['id'] },
      )
    : null;
  if (!item) throw new BadInputError('editingId', 'Not an agenda item of this meeting or proposal');
}

const present = (entry: PresenceEntry): Presence => ({
  user: { id: entry.userId, fullName: entry.fullName },
  editing: entry.editing,
  since: entry.since,
});

@Resolver()
export class PresenceResolver {
  @Subscription(() => [Presence], {
    description:
      'Who is viewing or editing a meeting or a proposal now: the whole list at once, then again whenever it changes.',
    subscribe: async ({
      args,
      context,
    }: SubscribeResolverData<unknown, { scope: PresenceScopeInput }, Context>) => {
      const viewer = requireViewer(context.viewer);
      const { scope, subject } = await readableScope(context, viewer, args.scope);
      // Decided again before each list, from the viewer as cached now: a revoked session or access ends it.
      const credential = context.viewers.credential(context.authorization);
      return context.presence.watch(scope, async () => {
        const current = await credential.current();
        return mayReadSubject(current, subject) ? null : new NotFoundError(scope.type, scope.id);
      });
    },
  })
  presence(
    @Root() delivered: PresenceDelivery,
    @Arg('scope', () => PresenceScopeInput, {
      description:
        'The meeting or proposal whose viewers to follow; NOT_FOUND when the viewer may not read it.',
    })
    _scope: PresenceScopeInput,
  ): Presence[] {
    if ('error' in delivered) throw delivered.error;
    return delivered.presence.map(present);
  }

  @Query(() => [Presence], {
    name: 'presence',
    description: 'Who is viewing or editing a meeting or a proposal now.',
  })
  async presenceNow(
    @Arg('scope', () => PresenceScopeInput, {
      description: 'The meeting or proposal; NOT_FOUND when the viewer may not read it.',
    })
    input: PresenceScopeInput,
    @Ctx() ctx: Context,
  ): Promise<Presence[]> {
    const { scope } = await readableScope(ctx, requireViewer(ctx.viewer), input);
    return ctx.presence.list(scope).map(present);
  }

  @Mutation(() => PresencePayload, {
    description:
      'Says the viewer is here (and what it edits): a heartbeat every 15 s, and at once when that changes. ' +
      'Over a WebSocket the entry goes when the socket closes; otherwise after 40 s without a heartbeat.',
  })
  async announcePresence(
    @Arg('input', () => AnnouncePresenceInput, {
      description: 'The scope the viewer is in, and what it edits there.',
    })
    input: AnnouncePresenceInput,
    @Ctx() ctx: Context,
  ): Promise<PresencePayload> {
    const viewer = requireViewer(ctx.viewer);
    const { scope } = await readableScope(ctx, viewer, input.scope);
    const editing = input.editingId ?? null;
    if (editing) await checkEditing(ctx, scope, editing);
    ctx.presence.announce(
      scope,
      ctx.connectionId ?? httpClient,
      { id: viewer.userId, fullName: viewer.user.fullName },
      editing,
    );
    return { presence: ctx.presence.list(scope).map(present) };
  }

  @Mutation(() => PresencePayload, {
    description:
      'Says the viewer has left the scope (closed the page): their entry goes at once, without waiting for the heartbeat to lapse.',
  })
  async leavePresence(
    @Arg('input', () => LeavePresenceInput, { description: 'The scope the viewer left.' })
    input: LeavePresenceInput,
    @Ctx() ctx: Context,
  ): Promise<PresencePayload> {
    const viewer = requireViewer(ctx.viewer);
    const { scope } = await readableScope(ctx, viewer, input.scope);
    ctx.presence.leave(scope, ctx.connectionId ?? httpClient, viewer.userId);
    return { presence: ctx.presence.list(scope).map(present) };
  }
}
