import { limits } from '@quorum/shared';
import {
  Arg,
  Ctx,
  FieldResolver,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from 'type-graphql';
import {
  markNotificationsRead,
  notificationPreferences,
  updateNotificationPreferences,
} from '../commands/notification.commands.js';
import type { Context } from '../context.js';
import { User } from '../entities/index.js';
import { viewerNotifications } from '../read/notifications.js';
import type { Row } from '../read/rows.js';
import type { NotificationDelivery } from '../realtime/notification-hub.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { slicePage } from './types/connection.js';
import {
  MarkNotificationsReadInput,
  MarkNotificationsReadPayload,
  NotificationConnection,
  type NotificationItem,
  NotificationPreference,
  NotificationUpdatePayload,
  UpdateNotificationPreferencesInput,
  UpdateNotificationPreferencesPayload,
} from './types/notification.type.js';

@Resolver()
export class NotificationResolver {
  @Query(() => NotificationConnection, {
    description:
      "The viewer's notifications, newest first (the latest 500 at most); those whose object the viewer may " +
      'no longer read are left out, and not counted.',
  })
  async notifications(
    @Arg('first', () => Int, {
      nullable: true,
      description: `Page size, at most ${limits.pageSizeMax}; default ${limits.pageSizeDefault}.`,
    })
    first: number | undefined,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The `endCursor` of the previous page; omitted: the newest.',
    })
    after: string | undefined,
    @Arg('unreadOnly', () => Boolean, {
      nullable: true,
      description: 'Only those not yet read (`readAt` null); default false.',
    })
    unreadOnly: boolean | undefined,
    @Ctx() ctx: Context,
  ): Promise<NotificationConnection> {
    const viewer = requireViewer(ctx.viewer);
    const views = await viewerNotifications(ctx.em, viewer, { unreadOnly: unreadOnly ?? false });
    const page = slicePage(views, { first, after });
    return {
      ...page,
      edges: page.edges as { cursor: string; node: NotificationItem }[],
      unreadCount: views.filter((view) => !view.readAt).length,
    };
  }

  @Mutation(() => MarkNotificationsReadPayload, {
    description:
      "Marks some of the viewer's notifications read (another user's is NOT_FOUND), or all of them.",
  })
  async markNotificationsRead(
    @Arg('input', () => MarkNotificationsReadInput, { description: 'Which notifications, or all.' })
    input: MarkNotificationsReadInput,
    @Ctx() ctx: Context,
  ): Promise<MarkNotificationsReadPayload> {
    const viewer = requireWriter(ctx.viewer);
    return { unreadCount: await markNotificationsRead(ctx, viewer, input) };
  }

  @Mutation(() => UpdateNotificationPreferencesPayload, {
    description:
      'Per kind: in the application (off: none is kept) and by e-mail. Kinds not given keep theirs.',
  })
  async updateNotificationPreferences(
    @Arg('input', () => UpdateNotificationPreferencesInput, {
      description: 'The preferences to change, per kind.',
    })
    input: UpdateNotificationPreferencesInput,
    @Ctx() ctx: Context,
  ): Promise<UpdateNotificationPreferencesPayload> {
    const viewer = requireWriter(ctx.viewer);
    return { preferences: await updateNotificationPreferences(ctx, viewer, input.preferences) };
  }

  @Subscription(() => NotificationUpdatePayload, {
    name: 'notifications',
    description:
      "The viewer's unread count at once, then again with the new notification whenever one comes or some are read.",
    subscribe: ({ context }: SubscribeResolverData<unknown, Record<string, never>, Context>) => {
      requireViewer(context.viewer);
      return context.notifications.watch(context.authorization);
    },
  })
  notificationUpdates(@Root() delivered: NotificationDelivery): NotificationUpdatePayload {
    if ('error' in delivered) throw delivered.error;
    return delivered;
  }
}

@Resolver(() => User)
export class NotificationPreferencesResolver {
  @FieldResolver(() => [NotificationPreference], {
    nullable: true,
    description:
      "The viewer's notification preferences per kind (`viewer { notificationPreferences }`); null on any other user.",
  })
  async notificationPreferences(
    @Root() user: Row<User>,
    @Ctx() ctx: Context,
  ): Promise<NotificationPreference[] | null> {
    if (!ctx.viewer || ctx.viewer.userId !== user.id) return null;
    return notificationPreferences(ctx, user.id);
  }
}
