import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  createWebhook,
  deleteWebhook,
  redeliverWebhook,
  webhookWhere,
} from '../commands/webhook.commands.js';
import type { Context } from '../context.js';
import { User, Webhook, WebhookAttempt, WebhookDelivery } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import { requireViewer, requireWriter } from '../policies/viewer.policy.js';
import { type ConnectionShape, findPage, PageArgs } from './types/connection.js';
import {
  CreateWebhookInput,
  CreateWebhookPayload,
  DeleteWebhookInput,
  DeleteWebhookPayload,
  RedeliverWebhookInput,
  RedeliverWebhookPayload,
  WebhookConnection,
  WebhookDeliveryConnection,
} from './types/webhook.type.js';

/** Integrators' webhooks (webhooks/webhook-service.ts): registered with an API token, seen by their owner. */
@Resolver(() => Webhook)
export class WebhookResolver {
  @Query(() => WebhookConnection, {
    description: "The viewer's webhooks (an administrator: the organization's), newest first.",
  })
  webhooks(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<Webhook>> {
    const viewer = requireViewer(ctx.viewer);
    return findPage(
      ctx.rows,
      Webhook,
      webhookWhere(viewer),
      { createdAt: 'desc', id: 'desc' },
      page,
      info,
    ) as never;
  }

  @FieldResolver(() => User, {
    description: 'Who registered it: the owner of the API token whose access it acts with.',
  })
  owner(@Root() webhook: Webhook, @Ctx() { rows }: Context): Row<User> | Promise<Row<User>> {
    return rows.one(User, webhook.owner);
  }

  @FieldResolver(() => WebhookDeliveryConnection, {
    description: 'Its deliveries, newest event first, each with its attempts.',
  })
  deliveries(
    @Root() webhook: Webhook,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<WebhookDelivery>> {
    return findPage(
      ctx.rows,
      WebhookDelivery,
      { webhook: webhook.id },
      { eventSeq: 'desc', id: 'desc' },
      page,
      info,
    ) as never;
  }

  @Mutation(() => CreateWebhookPayload, {
    description:
      'Registers a webhook with the API token of the request (a session is FORBIDDEN): events of the scope that token may see are POSTed, signed, in order; failures are retried with growing delays for a day, then the webhook is disabled and its owner notified.',
  })
  async createWebhook(
    @Arg('input', () => CreateWebhookInput, {
      description: "The endpoint's URL, the event types and the scope.",
    })
    input: CreateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<CreateWebhookPayload> {
    return createWebhook(ctx, requireWriter(ctx.viewer), input);
  }

  @Mutation(() => DeleteWebhookPayload, { description: 'Removes a webhook and its delivery log.' })
  async deleteWebhook(
    @Arg('input', () => DeleteWebhookInput, { description: 'The webhook to remove.' })
    input: DeleteWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<DeleteWebhookPayload> {
    return { id: await deleteWebhook(ctx, requireWriter(ctx.viewer), input.id) };
  }

  @Mutation(() => RedeliverWebhookPayload, {
    description: 'Sends a delivery again now; a disabled webhook is enabled again.',
  })
  async redeliverWebhook(
    @Arg('input', () => RedeliverWebhookInput, { description: 'The delivery to send again.' })
    input: RedeliverWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<RedeliverWebhookPayload> {
    return { delivery: await redeliverWebhook(ctx, requireWriter(ctx.viewer), input.deliveryId) };
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => [WebhookAttempt], { description: 'Every attempt, oldest first.' })
  attempts(@Root() delivery: WebhookDelivery, @Ctx() ctx: Context): Promise<WebhookAttempt[]> {
    return ctx.em.find(
      WebhookAttempt,
      { delivery: delivery.id },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}
