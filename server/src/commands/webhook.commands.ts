import { randomBytes } from 'node:crypto';
import { EventType, isEventType, isUuid, SubjectType, WebhookDeliveryStatus } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { ApiToken, Event, User, Webhook, WebhookDelivery } from '../entities/index.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../errors.js';
import { requireReadableSubject } from '../policies/subject.policy.js';
import { checkEndpointUrl } from '../webhooks/endpoint.js';
import { created } from './changes.js';
import { appendDirectoryEvent } from './directory-support.js';
import { runCommand } from './run-command.js';

/** Webhooks one API token may have: enough for an integrator's systems, not a way to flood the queue. */
export const webhooksPerToken = 20;

export interface CreateWebhookInput {
  url: string;
  eventTypes?: string[] | null | undefined;
  scope: { type: SubjectType; id?: string | null | undefined };
}

/**
 * Registers a webhook for the API token the request is made with: it receives what that token may see of the
 * scope, decided at each delivery. Refused with a session (a webhook outlives it; it acts with a token that
 * its owner can revoke). The signing secret is returned this once.
 */
export async function createWebhook(
  ctx: Context,
  viewer: Viewer,
  input: CreateWebhookInput,
): Promise<{ webhook: Webhook; secret: string }> {
  if (viewer.credential.kind !== 'apiToken')
    throw new ForbiddenError('Webhooks are registered with an API token, whose access they act with');
  const url = checkEndpointUrl(input.url, ctx.config.webhooks.allowedHosts);
  const eventTypes = [...new Set(input.eventTypes ?? [])];
  const unknown = eventTypes.find((type) => !isEventType(type));
  if (unknown !== undefined)
    throw new BadInputError('eventTypes', `"${unknown.slice(0, 60)}" is not an event type`);
  const { scope } = input;
  if (scope.type !== SubjectType.ORGANIZATION && !isUuid(scope.id ?? ''))
    throw new BadInputError('scope.id', `A ${scope.type} scope needs the id of one`);
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const tokenId = viewer.credential.id;
  const webhook = await runCommand(ctx, async (em) => {
    if (scope.type !== SubjectType.ORGANIZATION)
      await requireReadableSubject(em, viewer, scope.type, scope.id!);
    if ((await em.count(Webhook, { apiToken: tokenId })) >= webhooksPerToken)
      throw new BadInputError('url', `An API token has at most ${webhooksPerToken} webhooks`);
    const webhook = em.create(Webhook, {
      organization: viewer.organizationId,
      owner: viewer.userId,
      apiToken: em.getReference(ApiToken, tokenId),
      url: url.toString(),
      eventTypes,
      scopeType: scope.type,
      scopeId: scope.type === SubjectType.ORGANIZATION ? null : scope.id!,
      secret,
      // From now on: what was committed before is not sent.
      cursor: await latestSeq(em),
    });
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.WEBHOOK_CREATED,
      subject: em.getReference(User, viewer.userId),
      changes: created({ webhookId: webhook.id, url: webhook.url, eventTypes, scopeType: scope.type }),
      auditOnly: true,
    });
    return webhook;
  });
  return { webhook, secret };
}

async function latestSeq(em: EntityManager): Promise<string> {
  const [row] = await em.find(Event, {}, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq'] });
  return row?.seq ?? '0';
}

/** A webhook the viewer may manage: its owner's, or any of the organization for an administrator. */
async function managedWebhook(em: EntityManager, viewer: Viewer, id: string): Promise<Webhook> {
  const webhook = await em.findOne(Webhook, { id, organization: viewer.organizationId });
  if (!webhook || !(viewer.isAdmin || webhook.owner.id === viewer.userId))
    throw new NotFoundError('Webhook', id);
  return webhook;
}

/** The webhooks the viewer may see and manage (owner, or administrator). */
export function webhookWhere(viewer: Viewer) {
  return viewer.isAdmin
    ? { organization: viewer.organizationId }
    : { organization: viewer.organizationId, owner: viewer.userId };
}

export async function deleteWebhook(ctx: Context, viewer: Viewer, id: string): Promise<string> {
  return runCommand(ctx, async (em) => {
    const webhook = await managedWebhook(em, viewer, id);
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.WEBHOOK_DELETED,
      subject: em.getReference(User, webhook.owner.id),
      changes: { webhookId: { before: webhook.id, after: null }, url: { before: webhook.url, after: null } },
      auditOnly: true,
    });
    em.remove(webhook);
    return id;
  });
}

/**
 * Sends a delivery again, now: a DELIVERED one (the receiver lost it), a FAILED one, or a PENDING one waiting
 * for its retry. Its webhook, if disabled, is enabled again (redelivering says the endpoint is fixed), and its
 * events since are sent after.
 */
export async function redeliverWebhook(
  ctx: Context,
  viewer: Viewer,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const delivery = await runCommand(ctx, async (em) => {
    const delivery = await em.findOne(WebhookDelivery, deliveryId, { populate: ['webhook'] });
    if (!delivery) throw new NotFoundError('WebhookDelivery', deliveryId);
    await managedWebhook(em, viewer, delivery.webhook.id).catch(() => {
      throw new NotFoundError('WebhookDelivery', deliveryId);
    });
    const webhook = delivery.webhook.getEntity();
    webhook.disabledAt = null;
    webhook.disabledReason = null;
    delivery.status = WebhookDeliveryStatus.PENDING;
    delivery.nextAttemptAt = new Date();
    delivery.deliveredAt = null;
    return delivery;
  });
  ctx.webhooks.wake();
  ctx.webhooks.schedule(delivery.webhook.id, new Date());
  return delivery;
}
