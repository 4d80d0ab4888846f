import { randomBytes } from 'node:crypto';
import { EventType, MembershipRole, SystemRole, type UnitKind } from '@quorum/shared';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { hashPassword } from '../auth/passwords.js';
import type { Viewer } from '../auth/viewer.js';
import type { Context } from '../context.js';
import { Membership, Session, Unit, User, type FieldChanges } from '../entities/index.js';
import { BadInputError, NotFoundError } from '../errors.js';
import { directoryPolicy } from '../policies/directory.policy.js';
import { authorize } from '../policies/viewer.policy.js';
import { applyChanges, created } from './changes.js';
import { appendDirectoryEvent, lockUnits } from './directory-support.js';
import { refChange } from './meeting-support.js';
import { runCommand } from './run-command.js';
import { revokeAllCredentials } from './session.commands.js';
import { requestTokenReview } from './api-token.commands.js';

async function findUnit(em: EntityManager, viewer: Viewer, id: string): Promise<Unit> {
  const unit = await em.findOne(Unit, { id, organization: viewer.organizationId }, { refresh: true });
  if (!unit) throw new NotFoundError('Unit', id);
  return unit;
}

async function findUser(em: EntityManager, viewer: Viewer, id: string): Promise<User> {
  const user = await em.findOne(User, { id, organization: viewer.organizationId }, { refresh: true });
  if (!user) throw new NotFoundError('User', id);
  return user;
}

/**
 * The new parent of a unit (null for none), refused when unknown or when it would put the unit under itself.
 * Called with the organization's units locked, before anything is changed.
 */
async function checkParent(
  em: EntityManager,
  viewer: Viewer,
  unit: Unit | undefined,
  parentId: string | null | undefined,
): Promise<Unit | null> {
  if (!parentId) return null;
  const units = await em.find(Unit, { organization: viewer.organizationId }, { refresh: true });
  const byId = new Map(units.map((u) => [u.id, u]));
  const parent = byId.get(parentId);
  if (!parent) throw new NotFoundError('Unit', parentId);
  // Walk up from the new parent: meeting the unit itself would make a cycle. `seen` stops on a stored cycle.
  const seen = new Set<string>();
  for (let at: Unit | undefined = parent; at && !seen.has(at.id); at = at.parent && byId.get(at.parent.id)) {
    if (unit && at.id === unit.id)
      throw new BadInputError('parentId', 'A unit cannot be placed under itself');
    seen.add(at.id);
  }
  return parent;
}

/** An email taken by someone else, also when a concurrent command took it first (the unique index). */
async function refuseTakenEmail<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw new BadInputError('email', 'A user with this email already exists');
    throw error;
  }
}

export async function createUnit(
  ctx: Context,
  viewer: Viewer,
  input: { name: string; shortName?: string | null; kind: UnitKind; parentId?: string | null },
): Promise<Unit> {
  authorize(directoryPolicy.canAdminister(viewer));
  return runCommand(ctx, async (em) => {
    await lockUnits(em, viewer.organizationId);
    const parent = await checkParent(em, viewer, undefined, input.parentId);
    const unit = em.create(Unit, {
      organization: viewer.organizationId,
      name: input.name.trim(),
      shortName: input.shortName?.trim() || null,
      kind: input.kind,
      parent,
    });
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.UNIT_CREATED,
      subject: unit,
      changes: created({
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        parentId: parent?.id,
      }),
    });
    return unit;
  });
}

/**
 * Renames, re-kinds or moves a unit. Everything is checked (the unit, the viewer's right, the new parent and
 * that it makes no cycle) before the unit is touched, and all of it is one transaction: a refused update
 * leaves the unit as it was (its kind decides who is office staff).
 */
export async function updateUnit(
  ctx: Context,
  viewer: Viewer,
  input: {
    id: string;
    name?: string | null;
    shortName?: string | null;
    kind?: UnitKind | null;
    parentId?: string | null;
  },
): Promise<Unit> {
  return runCommand(ctx, async (em) => {
    await lockUnits(em, viewer.organizationId);
    const unit = await findUnit(em, viewer, input.id);
    authorize(directoryPolicy.canUpdateUnit(viewer, unit));
    if (input.name === null) throw new BadInputError('name', '"name" cannot be cleared');
    const parent =
      input.parentId === undefined ? undefined : await checkParent(em, viewer, unit, input.parentId);
    const changes: FieldChanges = applyChanges<{ name?: string; shortName?: string | null; kind?: UnitKind }>(
      unit,
      {
        name: input.name?.trim(),
        shortName: input.shortName === undefined ? undefined : input.shortName?.trim() || null,
        kind: input.kind ?? undefined,
      },
    );
    if (parent !== undefined) {
      const change = refChange(unit.parent, parent);
      if (change) {
        unit.parent = parent ? em.getReference(Unit, parent.id, { wrapped: true }) : undefined;
        changes.parentId = change;
      }
    }
    if (Object.keys(changes).length > 0)
      await appendDirectoryEvent(ctx, em, viewer, { type: EventType.UNIT_UPDATED, subject: unit, changes });
    return unit;
  });
}

/**
 * Adds a user to the organization with a one-time password (shown once to the administrator, who passes it
 * on); there is no e-mail here. The user should change it at first login.
 */
export async function inviteUser(
  ctx: Context,
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
  const temporaryPassword = randomBytes(9).toString('base64url');
  // Hashing is slow: done before the transaction opens, not while it holds locks.
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await refuseTakenEmail(() =>
    runCommand(ctx, async (em) => {
      if (await em.count(User, { organization: viewer.organizationId, email })) {
        throw new BadInputError('email', 'A user with this email already exists');
      }
      const unit = input.unitId ? await findUnit(em, viewer, input.unitId) : undefined;
      const user = em.create(User, {
        organization: viewer.organizationId,
        email,
        fullName: input.fullName.trim(),
        jobTitle: input.jobTitle?.trim() || null,
        passwordHash,
      });
      await appendDirectoryEvent(ctx, em, viewer, {
        type: EventType.USER_INVITED,
        subject: user,
        changes: created({ email: user.email, fullName: user.fullName, jobTitle: user.jobTitle }),
      });
      if (unit) {
        const membership = em.create(Membership, { user, unit, role: input.role ?? MembershipRole.STAFF });
        await appendDirectoryEvent(ctx, em, viewer, {
          type: EventType.MEMBERSHIP_ADDED,
          subject: user,
          unit,
          changes: membershipChanges(unit, null, membership.role),
        });
      }
      return user;
    }),
  );
  return { user, temporaryPassword };
}

/** Deactivation ends the user's sessions and API tokens at once; the caller closes their live connections. */
export async function setUserActive(
  ctx: Context,
  viewer: Viewer,
  id: string,
  active: boolean,
): Promise<User> {
  return runCommand(ctx, async (em) => {
    const user = await findUser(em, viewer, id);
    authorize(directoryPolicy.canUpdateUser(viewer, user));
    if (!active && user.id === viewer.userId) throw new BadInputError('id', 'You cannot deactivate yourself');
    const changes = applyChanges(user, { active });
    if (!active) await revokeAllCredentials(em, user.id);
    if (Object.keys(changes).length > 0)
      await appendDirectoryEvent(ctx, em, viewer, {
        type: active ? EventType.USER_REACTIVATED : EventType.USER_DEACTIVATED,
        subject: user,
        changes,
      });
    return user;
  });
}

/** Administrators edit anyone's profile; a user edits their own name, job title and language (not the email). */
export async function updateUser(
  ctx: Context,
  viewer: Viewer,
  input: {
    id: string;
    fullName?: string | null;
    jobTitle?: string | null;
    email?: string | null;
    locale?: string | null;
  },
): Promise<User> {
  const email = input.email?.trim().toLowerCase() || undefined;
  return refuseTakenEmail(() =>
    runCommand(ctx, async (em) => {
      const user = await findUser(em, viewer, input.id);
      authorize(directoryPolicy.canEditProfile(viewer, user));
      if (input.fullName === null) throw new BadInputError('fullName', '"fullName" cannot be cleared');
      if (email !== undefined && email !== user.email) {
        authorize(directoryPolicy.canUpdateUser(viewer, user), 'Only an administrator can change an email');
        if (await em.count(User, { organization: viewer.organizationId, email, id: { $ne: user.id } })) {
          throw new BadInputError('email', 'A user with this email already exists');
        }
      }
      const changes = applyChanges<{
        email?: string;
        fullName?: string;
        jobTitle?: string | null;
        locale?: string;
      }>(user, {
        email,
        fullName: input.fullName?.trim(),
        jobTitle: input.jobTitle === undefined ? undefined : input.jobTitle?.trim() || null,
        locale: input.locale || undefined,
      });
      if (Object.keys(changes).length > 0)
        await appendDirectoryEvent(ctx, em, viewer, { type: EventType.USER_UPDATED, subject: user, changes });
      return user;
    }),
  );
}

/** Gives a user a new one-time password (shown once), ends their sessions and asks them to review their tokens. */
export async function resetUserPassword(
  ctx: Context,
  viewer: Viewer,
  id: string,
): Promise<{ user: User; temporaryPassword: string }> {
  // Checked before the slow hash, so that nobody else can make the server spend it.
  authorize(directoryPolicy.canAdminister(viewer));
  const temporaryPassword = randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(temporaryPassword);
  const user = await runCommand(ctx, async (em) => {
    const user = await findUser(em, viewer, id);
    authorize(directoryPolicy.canUpdateUser(viewer, user));
    user.passwordHash = passwordHash;
    await em.nativeUpdate(Session, { user: user.id, revokedAt: null }, { revokedAt: new Date() });
    // As after the user's own change: their API tokens keep working and are listed for them to review.
    await requestTokenReview(em, user.id);
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.USER_PASSWORD_RESET,
      subject: user,
      auditOnly: true,
    });
    return user;
  });
  return { user, temporaryPassword };
}

export async function setSystemRole(
  ctx: Context,
  viewer: Viewer,
  id: string,
  systemRole: SystemRole,
): Promise<User> {
  return runCommand(ctx, async (em) => {
    const user = await findUser(em, viewer, id);
    authorize(directoryPolicy.canUpdateUser(viewer, user));
    if (user.id === viewer.userId && systemRole !== SystemRole.ADMIN) {
      throw new BadInputError('systemRole', 'You cannot remove your own administrator role');
    }
    const changes = applyChanges(user, { systemRole });
    if (Object.keys(changes).length > 0)
      await appendDirectoryEvent(ctx, em, viewer, {
        type: EventType.USER_SYSTEM_ROLE_CHANGED,
        subject: user,
        changes,
      });
    return user;
  });
}

function membershipChanges(
  unit: Unit,
  before: MembershipRole | null,
  after: MembershipRole | null,
): FieldChanges {
  return {
    unitId: { before: before ? unit.id : null, after: after ? unit.id : null },
    ...(before === after ? {} : { role: { before, after } }),
  };
}

/** Adds the membership or changes its role. */
export async function setMembership(
  ctx: Context,
  viewer: Viewer,
  input: { userId: string; unitId: string; role: MembershipRole },
): Promise<Membership> {
  authorize(directoryPolicy.canAdminister(viewer));
  return runCommand(ctx, async (em) => {
    const user = await findUser(em, viewer, input.userId);
    const unit = await findUnit(em, viewer, input.unitId);
    const existing = await em.findOne(Membership, { user, unit }, { refresh: true });
    const membership = existing ?? em.create(Membership, { user, unit, role: input.role });
    authorize(directoryPolicy.canUpdateMembership(viewer, membership, unit));
    const before = existing ? existing.role : null;
    if (before === input.role) return membership;
    membership.role = input.role;
    await appendDirectoryEvent(ctx, em, viewer, {
      type: existing ? EventType.MEMBERSHIP_UPDATED : EventType.MEMBERSHIP_ADDED,
      subject: user,
      unit,
      changes: membershipChanges(unit, before, input.role),
    });
    return membership;
  });
}

export async function removeMembership(
  ctx: Context,
  viewer: Viewer,
  input: { userId: string; unitId: string },
): Promise<void> {
  authorize(directoryPolicy.canAdminister(viewer));
  await runCommand(ctx, async (em) => {
    const unit = await findUnit(em, viewer, input.unitId);
    const membership = await em.findOne(
      Membership,
      { user: input.userId, unit },
      { populate: ['user'], refresh: true },
    );
    if (!membership) throw new NotFoundError('Membership', `${input.userId}/${input.unitId}`);
    authorize(directoryPolicy.canUpdateMembership(viewer, membership, unit));
    em.remove(membership);
    await appendDirectoryEvent(ctx, em, viewer, {
      type: EventType.MEMBERSHIP_REMOVED,
      subject: membership.user.getEntity(),
      unit,
      changes: membershipChanges(unit, membership.role, null),
    });
  });
}
