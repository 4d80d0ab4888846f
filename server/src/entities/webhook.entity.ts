import { Entity, Enum, Index, ManyToOne, type Opt, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTime } from '../scalars/date-time.js';
import { ApiToken } from './api-token.entity.js';
import { BaseEntity } from './base.entity.js';
import { SubjectType, WebhookDeliveryStatus } from './enums.js';
import { Organization } from './organization.entity.js';
import { User } from './user.entity.js';

/**
 * An integrator's endpoint that receives the change feed as signed HTTP POSTs (webhooks/, DESIGN "Webhooks").
 * It acts with the API token that registered it: only events that token may see are sent, decided at each
 * delivery; a revoked token, or an owner deactivated, stops it. `cursor` is the last event `seq` turned into
 * deliveries (events before its creation are not sent).
 */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    "An integrator's endpoint that receives the change feed as signed HTTP POSTs (Standard Webhooks), seen by its owner and administrators. It acts with the API token that registered it: only events that token may see are sent; events before its creation are not.",
})
export class Webhook extends BaseEntity {
  @ManyToOne(() => Organization, { ref: true, deleteRule: 'cascade' })
  organization!: Ref<Organization>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  owner!: Ref<User>;

  @ManyToOne(() => ApiToken, { ref: true, deleteRule: 'cascade' })
  apiToken!: Ref<ApiToken>;

  @Field(() => String, { description: 'The HTTPS (or HTTP) address the deliveries are POSTed to.' })
  @Property({ type: 'text' })
  url!: string;

  @Field(() => [String], { description: 'The event types sent (as `ChangeEvent.type`); empty: all of them.' })
  @Property({ type: 'json' })
  eventTypes!: string[];

  @Field(() => SubjectType, { description: 'The scope followed: ORGANIZATION (everything), or one object.' })
  @Enum({ items: () => SubjectType, type: 'text' })
  scopeType!: SubjectType;

  @Field(() => String, { nullable: true, description: 'The object followed; null for ORGANIZATION.' })
  @Property({ type: 'uuid', nullable: true })
  scopeId?: string | null;

  /** The signing secret (`whsec_…`, Standard Webhooks), shown once when created. */
  @Property({ type: 'text', hidden: true })
  secret!: string;

  @Property({ type: 'bigint', hidden: true })
  cursor!: string;

  /** While a drain of its deliveries runs somewhere (one at a time, in order). */
  @Property({ type: 'datetime', nullable: true, hidden: true })
  leaseUntil?: Date | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'When deliveries stopped: failures for the whole retry window, or its token revoked; null: active.',
  })
  @Property({ type: 'datetime', nullable: true })
  disabledAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was disabled, in words.' })
  @Property({ type: 'text', nullable: true })
  disabledReason?: string | null;
}

/** One event to deliver to one webhook, with its attempts; delivered in `eventSeq` order per webhook. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description:
    "One event to deliver to one webhook, with its attempts; a webhook's deliveries are sent one at a time in event order.",
})
@Unique({ properties: ['webhook', 'eventSeq'] })
@Index({ properties: ['webhook', 'status', 'eventSeq'] })
export class WebhookDelivery extends BaseEntity {
  @ManyToOne(() => Webhook, { ref: true, deleteRule: 'cascade' })
  webhook!: Ref<Webhook>;

  @Field(() => String, { description: 'The event, as `ChangeEvent.cursor`; also the `webhook-id` header.' })
  @Property({ type: 'bigint' })
  eventSeq!: string;

  @Field(() => String, { description: 'The event type, as `ChangeEvent.type`.' })
  @Property({ type: 'text' })
  eventType!: string;

  @Field(() => WebhookDeliveryStatus, {
    description: 'PENDING until delivered (DELIVERED), or FAILED after the retry window (a day).',
  })
  @Enum({ items: () => WebhookDeliveryStatus, type: 'text' })
  status: Opt<WebhookDeliveryStatus> = WebhookDeliveryStatus.PENDING;

  @Field(() => Int, { description: 'How many times it was tried so far.' })
  @Property({ type: 'integer' })
  attemptCount: Opt<number> = 0;

  @Field(() => DateTime, { description: 'When it is tried next (PENDING), or was due.' })
  @Property({ type: 'datetime' })
  nextAttemptAt: Opt<Date> = new Date();

  @Field(() => DateTime, {
    nullable: true,
    description: 'When the endpoint accepted it (a 2xx status); null until then.',
  })
  @Property({ type: 'datetime', nullable: true })
  deliveredAt?: Date | null;
}

/** One HTTP attempt of a delivery: the endpoint's status code, or why there was none. */
@Entity()
@ObjectType({
  simpleResolvers: true,
  description: "One HTTP attempt of a delivery: the endpoint's status code, or why there was none.",
})
@Index({ properties: ['delivery', 'createdAt'] })
export class WebhookAttempt extends BaseEntity {
  @ManyToOne(() => WebhookDelivery, { ref: true, deleteRule: 'cascade' })
  delivery!: Ref<WebhookDelivery>;

  @Field(() => Int, {
    nullable: true,
    description: "The endpoint's HTTP status; null when it did not answer.",
  })
  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the attempt failed without a status (timeout, refused).',
  })
  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Field(() => Int, { description: 'How long the attempt took, in milliseconds.' })
  @Property({ type: 'integer' })
  durationMs!: number;
}
