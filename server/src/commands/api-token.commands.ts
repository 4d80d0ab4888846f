import { ApiTokenScope, EventType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { ApiToken, User } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import { created } from './changes.js';
import { appendDirectoryEvent } from './directory-support.js';
import { runCommand } from './run-command.js';

export interface CreateApiTokenInput {
  name: string;
  scopes: ApiTokenScope[];
  expiresAt?: Date | null | undefined;
  ownerId?: string | null | undefined;
}

/** Creates an integrator's token; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  ctx: Context,
  viewer: Viewer,
  input: CreateApiTokenInput,
): Promise<{ token: string; apiToken: ApiToken }> {
  const scopes = [...new Set(input.scopes)];
  if (scopes.length === 0 || scopes.some((s) => s !== ApiTokenScope.READ && s !== ApiTokenScope.WRITE)) {
    throw new BadInputError('scopes', 'Choose READ, WRITE or both');
  }
  if (input.expiresAt && input.expiresAt <= new Date())
    throw new BadInputError('expiresAt', 'The expiry must be in the future');
  const ownerId = input.ownerId ?? viewer.userId;
  // A WRITE token can always read.
  const granted = scopes.includes(ApiTokenScope.WRITE) ? [ApiTokenScope.READ, ApiTokenScope.WRITE] : scopes;
  const token = newToken('qt');
  const apiToken = await runCommand(ctx, async (em) => {
    const owner = await em.findOne(
      User,
      { id: ownerId, organization: viewer.organizationId, active: true },
      { refresh: true },
    );
    if (!owner) throw new NotFoundError('User', ownerId);
    authorize(directoryPolicy.canCreateTokenFor(viewer, owner));
    const apiToken = em.create(ApiToken, {
      name: input.name.trim(),
      owner,
      scopes: granted,
      tokenHash: hashToken(token),
      expiresAt: input.expiresAt ?? null,
    });
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.API_TOKEN_CREATED,
      subject: owner,
      changes: created({
        apiTokenId: apiToken.id,
        name: apiToken.name,
        scopes: granted,
        expiresAt: apiToken.expiresAt,
      }),
      auditOnly: true,
    });
    return apiToken;
  });
  return { token, apiToken };
}

/** A token the viewer may manage (its owner, or an administrator of its organization), else NOT_FOUND. */
async function findManagedToken(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<{ apiToken: ApiToken; owner: User }> {
  const apiToken = await em.findOne(ApiToken, id, { populate: ['owner'], refresh: true });
  const owner = apiToken?.owner.getEntity();
  if (!apiToken || !owner || !directoryPolicy.canManageToken(viewer, apiToken, owner)) {
    throw new NotFoundError('ApiToken', id);
  }
  return { apiToken, owner };
}

export async function revokeApiToken(ctx: Context, viewer: Viewer, id: string): Promise<ApiToken> {
  return runCommand(ctx, async (em) => {
    const { apiToken, owner } = await findManagedToken(em, viewer, id);
    if (apiToken.revokedAt) return apiToken;
    apiToken.revokedAt = new Date();
    // A revoked token has nothing left to review.
    apiToken.reviewRequestedAt = null;
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.API_TOKEN_REVOKED,
      subject: owner,
      changes: {
        apiTokenId: { before: apiToken.id, after: apiToken.id },
        revokedAt: { before: null, after: apiToken.revokedAt },
      },
      auditOnly: true,
    });
    return apiToken;
  });
}

/**
 * After a password change, the owner's live READ and WRITE tokens are flagged for review: they keep working
 * until the owner confirms each (`confirmApiToken`) or revokes it. The calendar feed, read-only and replaced
 * from its own section, is not flagged.
 */
export async function requestTokenReview(em: EntityManager, ownerId: string): Promise<void> {
  const now = new Date();
  const tokens = await em.find(ApiToken, {
    owner: ownerId,
    revokedAt: null,
    $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
  });
  for (const token of tokens) {
    if (token.scopes.some((scope) => scope === ApiTokenScope.READ || scope === ApiTokenScope.WRITE))
      token.reviewRequestedAt = now;
  }
}

/** Keeps a token flagged for review after a password change: the flag is cleared, the token unchanged. */
export async function confirmApiToken(ctx: Context, viewer: Viewer, id: string): Promise<ApiToken> {
  return runCommand(ctx, async (em) => {
    const { apiToken, owner } = await findManagedToken(em, viewer, id);
    authorize(
      directoryPolicy.canConfirmToken(viewer, apiToken, owner),
      'Only a signed-in session can keep a token flagged for review',
    );
    const requested = apiToken.reviewRequestedAt;
    if (!requested) return apiToken;
    apiToken.reviewRequestedAt = null;
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.API_TOKEN_CONFIRMED,
      subject: owner,
      changes: {
        apiTokenId: { before: apiToken.id, after: apiToken.id },
        reviewRequestedAt: { before: requested, after: null },
      },
      auditOnly: true,
    });
    return apiToken;
  });
}
