import { type ApiTokenScope, SystemRole, UnitKind } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { Membership, Participant, type User } from '../entities/index.js';

/** Who is asking, with the facts the policies decide on, loaded once per request or connection. */
export interface Viewer {
  user: User;
  userId: string;
  organizationId: string;
  isAdmin: boolean;
  /** Member of an OFFICE unit: the secretariat that prepares sessions. */
  isOfficeStaff: boolean;
  unitIds: ReadonlySet<string>;
  meetingIds: ReadonlySet<string>;
  scopes: ReadonlySet<ApiTokenScope>;
  /** The session or API token this viewer authenticated with. */
  credential: { kind: 'session' | 'apiToken'; id: string };
}

export async function loadViewer(
  em: EntityManager,
  user: User,
  credential: Viewer['credential'],
  scopes: readonly ApiTokenScope[],
): Promise<Viewer> {
  const [memberships, participations] = await Promise.all([
    em.find(Membership, { user }, { populate: ['unit'] }),
    em.find(Participant, { user }, { fields: ['meeting'] }),
  ]);
  return {
    user,
    userId: user.id,
    organizationId: user.organization.id,
    isAdmin: user.systemRole === SystemRole.ADMIN,
    isOfficeStaff: memberships.some((m) => m.unit.getEntity().kind === UnitKind.OFFICE),
    unitIds: new Set(memberships.map((m) => m.unit.id)),
    meetingIds: new Set(participations.map((p) => p.meeting.id)),
    scopes: new Set(scopes),
    credential,
  };
}
