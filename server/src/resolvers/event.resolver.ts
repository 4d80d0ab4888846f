import { limits, SubjectType } from '@quorum/shared';
import { Arg, Ctx, Int, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { BadInputError } from '../errors.js';
import { visibleChanges } from '../policies/event.policy.js';
import { requireReadableSubject } from '../policies/subject.policy.js';
import { requireViewer } from '../policies/viewer.policy.js';
import type { DeliveredEvent, StreamEnded } from '../realtime/change-feed.js';
import { pageSize } from './types/connection.js';
import { ChangeEvent, ChangeEventPage, EventScopeInput } from './types/change-event.type.js';

interface EventsArgs {
  scope: EventScopeInput;
  after?: string | null;
}

function present({ event, subject }: DeliveredEvent): ChangeEvent {
  return {
    cursor: event.seq,
    type: event.type,
    occurredAt: event.occurredAt,
    actor: event.actor?.getEntity() ?? null,
    // Delivered with a subject the viewer may read now, so they carry nothing its fields do not (see the policy).
    changes: visibleChanges(event, subject),
    subject,
  };
}

async function checkScope(
  ctx: Context,
  viewer: Viewer,
  scope: EventScopeInput,
  after: string | null | undefined,
) {
  if (after != null && !/^\d{1,19}$/.test(after))
    throw new BadInputError('after', 'The cursor "after" is not valid');
  if (scope.type === SubjectType.ORGANIZATION) return;
  if (!scope.id) throw new BadInputError('scope.id', `A ${scope.type} scope needs an id`);
  await requireReadableSubject(ctx.em, viewer, scope.type, scope.id);
}

@Resolver()
export class EventResolver {
  @Subscription(() => ChangeEvent, {
    description:
      'Changes in a scope, live. With `after`, first replays every event after that cursor, then goes live: no gap, no duplicate.',
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, EventsArgs, Context>) => {
      const { scope } = args;
      // An explicit null is no cursor, as an omitted one.
      const after = args.after ?? undefined;
      const viewer = requireViewer(context.viewer);
      await checkScope(context, viewer, scope, after);
      // Access is decided again for every event, from the viewer as cached now: a revoked session or
      // membership stops delivery.
      return context.feed.stream(scope, after, context.authorization, context.liveSink);
    },
  })
  events(
    @Root() delivered: DeliveredEvent | StreamEnded,
    @Arg('scope', () => EventScopeInput, {
      description:
        'What to follow: the whole organization (what the viewer may see of it) or one object; NOT_FOUND for an object the viewer may not read.',
    })
    _scope: EventScopeInput,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'A `ChangeEvent.cursor` already received: the stream resumes just after it; omitted, it starts with the next change.',
    })
    _after?: string,
  ): ChangeEvent {
    if ('error' in delivered) throw delivered.error;
    return present(delivered);
  }

  @Query(() => ChangeEventPage, {
    name: 'events',
    description: 'The same feed as the `events` subscription, for integrators who poll.',
  })
  async eventPage(
    @Arg('scope', () => EventScopeInput, {
      description:
        'What to read: the whole organization (what the viewer may see of it) or one object; NOT_FOUND for an object the viewer may not read.',
    })
    scope: EventScopeInput,
    @Arg('after', () => String, {
      nullable: true,
      description:
        'The last `cursor` read: the page starts just after it, oldest first; omitted, from the oldest event kept.',
    })
    after: string | null | undefined,
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size, at most ${limits.pageSizeMax}; default ${limits.pageSizeDefault}.`,
    })
    first: number | undefined,
    @Ctx() ctx: Context,
  ): Promise<ChangeEventPage> {
    const viewer = requireViewer(ctx.viewer);
    await checkScope(ctx, viewer, scope, after);
    // An explicit null is no cursor, as an omitted one.
    const page = await ctx.feed.page(ctx.em, viewer, scope, after ?? undefined, pageSize(first));
    return {
      events: page.delivered.map(present),
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after != null,
        startCursor: page.delivered[0]?.event.seq ?? null,
        endCursor: page.endCursor ?? null,
      },
    };
  }
}
