import { randomBytes } from 'node:crypto';
import {
  MembershipRole,
  MeetingKind,
  SystemRole,
  UnitKind,
  type ApiTokenScope,
  type Classification,
} from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { hashToken, newToken } from '../../src/auth/tokens.js';
import {
  ApiToken,
  Meeting,
  Membership,
  Organization,
  Session,
  Unit,
  User,
} from '../../src/entities/index.js';

/** Builds a tenant of its own for one test: an organization, its committee, office and one department. */
export async function buildOrganization(em: EntityManager, name = 'Test organization') {
  const slug = `org-${randomBytes(4).toString('hex')}`;
  const organization = em.create(Organization, { name, slug });
  const committee = em.create(Unit, { organization, name: 'Ban Thường vụ', kind: UnitKind.COMMITTEE });
  const office = em.create(Unit, { organization, name: 'Văn phòng', kind: UnitKind.OFFICE });
  const department = em.create(Unit, { organization, name: 'Ban Tổ chức', kind: UnitKind.DEPARTMENT });
  await em.flush();
  return { organization, committee, office, department };
}

export interface UserOptions {
  unit?: Unit;
  role?: MembershipRole;
  systemRole?: SystemRole;
  active?: boolean;
}

/** A user with a membership and an open session; `token` is what a client sends as Bearer. */
export async function buildUser(em: EntityManager, organization: Organization, options: UserOptions = {}) {
  const suffix = randomBytes(4).toString('hex');
  const user = em.create(User, {
    organization,
    email: `user-${suffix}@quorum.test`,
    fullName: `Người dùng ${suffix}`,
    passwordHash: 'not-used-by-token-tests',
    systemRole: options.systemRole ?? SystemRole.MEMBER,
    active: options.active ?? true,
  });
  if (options.unit)
    em.create(Membership, { user, unit: options.unit, role: options.role ?? MembershipRole.STAFF });
  const token = newToken('qs');
  const now = new Date();
  em.create(Session, {
    user,
    tokenHash: hashToken(token),
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 86_400_000),
  });
  await em.flush();
  return { user, token };
}

export async function buildMeeting(
  em: EntityManager,
  organization: Organization,
  committee: Unit,
  overrides: { title?: string; startsAt?: Date; classification?: Classification } = {},
) {
  const meeting = em.create(Meeting, {
    organization,
    committee,
    title: overrides.title ?? 'Hội nghị Ban Thường vụ',
    kind: MeetingKind.REGULAR,
    startsAt: overrides.startsAt ?? new Date('2026-12-01T01:00:00Z'),
    ...(overrides.classification ? { classification: overrides.classification } : {}),
  });
  await em.flush();
  return meeting;
}

/** An API token of `owner` with the given scopes; `token` is what an integrator sends as Bearer. */
export async function buildApiToken(em: EntityManager, owner: User, scopes: ApiTokenScope[]) {
  const token = newToken('qt');
  const apiToken = em.create(ApiToken, { name: 'integration', owner, scopes, tokenHash: hashToken(token) });
  await em.flush();
  return { apiToken, token };
}
