import { ApiTokenScope } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Viewer } from '../auth/viewer.js';
import { ApiToken, User } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { authorize } from '../policies/viewer.policy.js';

export interface CreateApiTokenInput {
  name: string;
  scopes: ApiTokenScope[];
  expiresAt?: Date | null | undefined;
  ownerId?: string | null | undefined;
}

/** Creates an integrator's token; the plain token is returned once and only its hash is kept. */
export async function createApiToken(
  em: EntityManager,
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
  const owner = await em.findOne(User, { id: ownerId, organization: viewer.organizationId, active: true });
  if (!owner) throw new NotFoundError('User', ownerId);
  authorize(directoryPolicy.canCreateTokenFor(viewer, owner));
  // A WRITE token can always read.
  const granted = scopes.includes(ApiTokenScope.WRITE) ? [ApiTokenScope.READ, ApiTokenScope.WRITE] : scopes;
  const token = newToken('qt');
  const apiToken = em.create(ApiToken, {
    name: input.name.trim(),
    owner,
    scopes: granted,
    tokenHash: hashToken(token),
    expiresAt: input.expiresAt ?? null,
  });
  await em.flush();
  return { token, apiToken };
}

export async function revokeApiToken(em: EntityManager, viewer: Viewer, id: string): Promise<ApiToken> {
  const apiToken = await em.findOne(ApiToken, id, { populate: ['owner'] });
  if (!apiToken || !directoryPolicy.canManageToken(viewer, apiToken, apiToken.owner.getEntity())) {
    throw new NotFoundError('ApiToken', id);
  }
  apiToken.revokedAt ??= new Date();
  await em.flush();
  return apiToken;
}
