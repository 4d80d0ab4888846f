import { type ApiTokenScope, MembershipRole, SystemRole, UnitKind } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import {
  AgendaItem,
  AppraisalAssignment,
  Meeting,
  Membership,
  Participant,
  Proposal,
  Task,
  type User,
} from '../entities/index.js';

/** Who is asking, with the facts the policies decide on, loaded once per request or per event batch. */
export interface Viewer {
  user: User;
  userId: string;
  organizationId: string;
  isAdmin: boolean;
  /** Member of an OFFICE unit: the secretariat that prepares sessions. */
  isOfficeStaff: boolean;
  unitIds: ReadonlySet<string>;
  /** Units the viewer heads (HEAD or DEPUTY): they assign their unit's reviewers. */
  headUnitIds: ReadonlySet<string>;
  /** Meetings the viewer takes part in. */
  meetingIds: ReadonlySet<string>;
  /** Meetings, proposals and tasks whose CONFIDENTIAL access list names the viewer. */
  accessIds: ReadonlySet<string>;
  /** Proposals the viewer's units are assigned to appraise. */
  reviewProposalIds: ReadonlySet<string>;
  /** Proposals on the agenda of a meeting the viewer takes part in. */
  agendaProposalIds: ReadonlySet<string>;
  scopes: ReadonlySet<ApiTokenScope>;
  /** The session or API token this viewer authenticated with. */
  credential: { kind: 'session' | 'apiToken'; id: string };
}

const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));

export async function loadViewer(
  em: EntityManager,
  user: User,
  credential: Viewer['credential'],
  scopes: readonly ApiTokenScope[],
): Promise<Viewer> {
  // Partial loads stay in a fork of their own, so they never stand in for whole entities in the request's
  // identity map. Inside a command's transaction (the readers of a comment's mentions) they read in it: the
  // embedded database has a single connection, which the transaction holds.
  const facts = em.fork({ keepTransactionContext: true });
  const [memberships, participations, meetingAccess, proposalAccess, taskAccess] = await Promise.all([
    facts.find(Membership, { user: user.id }, { populate: ['unit'] }),
    facts.find(Participant, { user: user.id }, { fields: ['meeting'] }),
    facts.find(Meeting, { accessList: user.id }, { fields: ['id'] }),
    facts.find(Proposal, { accessList: user.id }, { fields: ['id'] }),
    facts.find(Task, { accessList: user.id }, { fields: ['id'] }),
  ]);
  const unitIds = new Set(memberships.map((m) => m.unit.id));
  const meetingIds = new Set(participations.map((p) => p.meeting.id));
  const [assignments, agendaItems] = await Promise.all([
    facts.find(
      AppraisalAssignment,
      { unit: { $in: [...unitIds] } },
      { populate: ['appraisal'], fields: ['appraisal.proposal'] },
    ),
    facts.find(
      AgendaItem,
      { meeting: { $in: [...meetingIds] }, proposal: { $ne: null } },
      { fields: ['proposal'] },
    ),
  ]);
  return {
    user,
    userId: user.id,
    organizationId: user.organization.id,
    isAdmin: user.systemRole === SystemRole.ADMIN,
    isOfficeStaff: memberships.some((m) => m.unit.getEntity().kind === UnitKind.OFFICE),
    unitIds,
    headUnitIds: new Set(
      memberships
        .filter((m) => m.role === MembershipRole.HEAD || m.role === MembershipRole.DEPUTY)
        .map((m) => m.unit.id),
    ),
    meetingIds,
    accessIds: new Set([...ids(meetingAccess), ...ids(proposalAccess), ...ids(taskAccess)]),
    reviewProposalIds: new Set(assignments.map((a) => a.appraisal.getEntity().proposal.id)),
    agendaProposalIds: new Set(agendaItems.flatMap((item) => (item.proposal ? [item.proposal.id] : []))),
    scopes: new Set(scopes),
    credential,
  };
}
