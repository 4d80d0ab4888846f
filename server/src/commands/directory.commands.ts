import { randomBytes } from 'node:crypto';
import { MembershipRole, SystemRole, type UnitKind } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { hashPassword } from '../auth/passwords.js';
import type { Viewer } from '../auth/viewer.js';
import { Membership, Session, Unit, User } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import { revokeAllCredentials } from './session.commands.js';

async function findUnit(em: EntityManager, viewer: Viewer, id: string): Promise<Unit> {
  const unit = await em.findOne(Unit, { id, organization: viewer.organizationId });
  if (!unit) throw new NotFoundError('Unit', id);
  return unit;
}

async function findUser(em: EntityManager, viewer: Viewer, id: string): Promise<User> {
  const user = await em.findOne(User, { id, organization: viewer.organizationId });
  if (!user) throw new NotFoundError('User', id);
  return user;
}

async function checkParent(
  em: EntityManager,
  viewer: Viewer,
  unit: Unit | undefined,
  parentId: string | null | undefined,
) {
  if (!parentId) return null;
  const parent = await findUnit(em, viewer, parentId);
  // Walk up from the new parent: meeting the unit itself would make a cycle.
  for (
    let at: Unit | undefined = parent;
    at;
    at = at.parent ? ((await at.parent.load()) ?? undefined) : undefined
  ) {
    if (unit && at.id === unit.id)
      throw new BadInputError('parentId', 'A unit cannot be placed under itself');
  }
  return parent;
}

export async function createUnit(
  em: EntityManager,
  viewer: Viewer,
  input: { name: string; shortName?: string | null; kind: UnitKind; parentId?: string | null },
): Promise<Unit> {
  authorize(directoryPolicy.canAdminister(viewer));
  const parent = await checkParent(em, viewer, undefined, input.parentId);
  const unit = em.create(Unit, {
    organization: viewer.organizationId,
    name: input.name.trim(),
    shortName: input.shortName?.trim() || null,
    kind: input.kind,
    parent,
  });
  await em.flush();
  return unit;
}

export async function updateUnit(
  em: EntityManager,
  viewer: Viewer,
  input: {
    id: string;
    name?: string | null;
    shortName?: string | null;
    kind?: UnitKind | null;
    parentId?: string | null;
  },
): Promise<Unit> {
  const unit = await findUnit(em, viewer, input.id);
  authorize(directoryPolicy.canUpdateUnit(viewer, unit));
  if (input.name === null) throw new BadInputError('name', '"name" cannot be cleared');
  if (input.name !== undefined) unit.name = input.name.trim();
  if (input.shortName !== undefined) unit.shortName = input.shortName?.trim() || undefined;
  if (input.kind) unit.kind = input.kind;
  if (input.parentId !== undefined) {
    const parent = await checkParent(em, viewer, unit, input.parentId);
    unit.parent = parent ? em.getReference(Unit, parent.id, { wrapped: true }) : undefined;
  }
  await em.flush();
  return unit;
}

/**
 * Adds a user to the organization with a one-time password (shown once to the administrator, who passes it
 * on); there is no e-mail here. The user should change it at first login.
 */
export async function inviteUser(
  em: EntityManager,
  viewer: Viewer,
  input: {
    email: string;
    fullName: string;
    jobTitle?: string | null;
    unitId?: string | null;
    role?: MembershipRole | null;
  },
): Promise<{ user: User; temporaryPassword: string }> {
  authorize(directoryPolicy.canAdminister(viewer));
  const email = input.email.trim().toLowerCase();
  if (await em.count(User, { organization: viewer.organizationId, email })) {
    throw new BadInputError('email', 'A user with this email already exists');
  }
  const unit = input.unitId ? await findUnit(em, viewer, input.unitId) : undefined;
  const temporaryPassword = randomBytes(9).toString('base64url');
  const user = em.create(User, {
    organization: viewer.organizationId,
    email,
    fullName: input.fullName.trim(),
    jobTitle: input.jobTitle?.trim() || null,
    passwordHash: await hashPassword(temporaryPassword),
  });
  if (unit) em.create(Membership, { user, unit, role: input.role ?? MembershipRole.STAFF });
  await em.flush();
  return { user, temporaryPassword };
}

/** Deactivation ends the user's sessions and API tokens at once; the caller closes their live connections. */
export async function setUserActive(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  active: boolean,
): Promise<User> {
  const user = await findUser(em, viewer, id);
  authorize(directoryPolicy.canUpdateUser(viewer, user));
  if (!active && user.id === viewer.userId) throw new BadInputError('id', 'You cannot deactivate yourself');
  await em.transactional(async (tx) => {
    user.active = active;
    tx.persist(user);
    if (!active) await revokeAllCredentials(tx, user.id);
  });
  return user;
}

/** Administrators edit anyone's profile; a user edits their own name, job title and language (not the email). */
export async function updateUser(
  em: EntityManager,
  viewer: Viewer,
  input: {
    id: string;
    fullName?: string | null;
    jobTitle?: string | null;
    email?: string | null;
    locale?: string | null;
  },
): Promise<User> {
  const user = await findUser(em, viewer, input.id);
  authorize(directoryPolicy.canEditProfile(viewer, user));
  if (input.fullName === null) throw new BadInputError('fullName', '"fullName" cannot be cleared');
  if (input.email !== undefined && input.email !== null && input.email.trim().toLowerCase() !== user.email) {
    authorize(directoryPolicy.canUpdateUser(viewer, user), 'Only an administrator can change an email');
    const email = input.email.trim().toLowerCase();
    if (await em.count(User, { organization: viewer.organizationId, email, id: { $ne: user.id } })) {
      throw new BadInputError('email', 'A user with this email already exists');
    }
    user.email = email;
  }
  if (input.fullName !== undefined) user.fullName = input.fullName.trim();
  if (input.jobTitle !== undefined) user.jobTitle = input.jobTitle?.trim() || undefined;
  if (input.locale) user.locale = input.locale;
  await em.flush();
  return user;
}

/** Gives a user a new one-time password (shown once) and ends their sessions. */
export async function resetUserPassword(
  em: EntityManager,
  viewer: Viewer,
  id: string,
): Promise<{ user: User; temporaryPassword: string }> {
  const user = await findUser(em, viewer, id);
  authorize(directoryPolicy.canUpdateUser(viewer, user));
  const temporaryPassword = randomBytes(9).toString('base64url');
  user.passwordHash = await hashPassword(temporaryPassword);
  await em.transactional(async (tx) => {
    tx.persist(user);
    await tx.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
  });
  return { user, temporaryPassword };
}

export async function setSystemRole(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  systemRole: SystemRole,
): Promise<User> {
  const user = await findUser(em, viewer, id);
  authorize(directoryPolicy.canUpdateUser(viewer, user));
  if (user.id === viewer.userId && systemRole !== SystemRole.ADMIN) {
    throw new BadInputError('systemRole', 'You cannot remove your own administrator role');
  }
  user.systemRole = systemRole;
  await em.flush();
  return user;
}

/** Adds the membership or changes its role. */
export async function setMembership(
  em: EntityManager,
  viewer: Viewer,
  input: { userId: string; unitId: string; role: MembershipRole },
): Promise<Membership> {
  authorize(directoryPolicy.canAdminister(viewer));
  const [user, unit] = await Promise.all([
    findUser(em, viewer, input.userId),
    findUnit(em, viewer, input.unitId),
  ]);
  const membership =
    (await em.findOne(Membership, { user, unit })) ?? em.create(Membership, { user, unit, role: input.role });
  authorize(directoryPolicy.canUpdateMembership(viewer, membership, unit));
  membership.role = input.role;
  await em.flush();
  return membership;
}

export async function removeMembership(
  em: EntityManager,
  viewer: Viewer,
  input: { userId: string; unitId: string },
): Promise<void> {
  authorize(directoryPolicy.canAdminister(viewer));
  const unit = await findUnit(em, viewer, input.unitId);
  const membership = await em.findOne(Membership, { user: input.userId, unit });
  if (!membership) throw new NotFoundError('Membership', `${input.userId}/${input.unitId}`);
  authorize(directoryPolicy.canUpdateMembership(viewer, membership, unit));
  await em.remove(membership).flush();
}
