import { ArrayMaxSize, IsUUID, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Webhook, WebhookDelivery } from '../../entities/index.js';
import { EventScopeInput } from './change-event.type.js';
import { connectionType } from './connection.js';

export const WebhookConnection = connectionType(Webhook, 'Webhook');
export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery');

@InputType({ description: 'An endpoint to receive the change feed of a scope as signed POSTs.' })
export class CreateWebhookInput {
  @Field(() => String, {
    description:
      'http(s) URL; private, loopback and link-local addresses are refused unless an administrator allows them.',
  })
  @MaxLength(2_000)
  url!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Event types to send (as `ChangeEvent.type`, e.g. "meeting.updated"); none or empty: all.',
  })
  @ArrayMaxSize(200)
  eventTypes?: string[] | null;

  @Field(() => EventScopeInput, { description: 'What to follow, as for the `events` subscription.' })
  scope!: EventScopeInput;
}

@ObjectType({ description: 'The result of `createWebhook`.' })
export class CreateWebhookPayload {
  @Field(() => Webhook, { description: 'The new webhook.' })
  webhook!: Webhook;

  @Field(() => String, {
    description:
      'The signing secret (`whsec_…`), shown this once: verify each delivery with it (Standard Webhooks, HMAC-SHA256).',
  })
  secret!: string;
}

@InputType({ description: 'Deletes a webhook: its owner, or an administrator.' })
export class DeleteWebhookInput {
  @Field(() => ID, { description: 'The webhook.' })
  @IsUUID()
  id!: string;
}

@ObjectType({ description: 'The result of `deleteWebhook`.' })
export class DeleteWebhookPayload {
  @Field(() => ID, { description: 'The id of the webhook removed.' })
  id!: string;
}

@InputType({
  description:
    'Sends a delivery again, now, whatever its status; a disabled webhook is enabled again and its later events follow.',
})
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'A delivery of one of the viewer’s webhooks.' })
  @IsUUID()
  deliveryId!: string;
}

@ObjectType({ description: 'The result of `redeliverWebhook`.' })
export class RedeliverWebhookPayload {
  @Field(() => WebhookDelivery, { description: 'The delivery, PENDING again and due now.' })
  delivery!: WebhookDelivery;
}
