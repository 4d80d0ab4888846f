import type { Viewer } from '../auth/viewer.js';
import type { ApiToken, Membership, Unit, User } from '../entities/index.js';
import type { Row } from '../read/rows.js';

/**
 * The directory: units, users, memberships and API tokens. Everyone in the organization may read units and
 * users; only administrators change them. A user manages their own API tokens; administrators anyone's.
 */
export const directoryPolicy = {
  canAdminister(viewer: Viewer): boolean {
    return viewer.isAdmin;
  },

  canUpdateUnit(viewer: Viewer, unit: Row<Unit>): boolean {
    return viewer.isAdmin && unit.organization.id === viewer.organizationId;
  },

  canUpdateUser(viewer: Viewer, user: Row<User>): boolean {
    return viewer.isAdmin && user.organization.id === viewer.organizationId;
  },

  /** Profiles: administrators edit anyone's, everyone their own. */
  canEditProfile(viewer: Viewer, user: Row<User>): boolean {
    return user.organization.id === viewer.organizationId && (viewer.isAdmin || user.id === viewer.userId);
  },

  canUpdateMembership(viewer: Viewer, membership: Row<Membership>, unit: Row<Unit>): boolean {
    return viewer.isAdmin && unit.organization.id === viewer.organizationId && membership.unit.id === unit.id;
  },

  canManageToken(viewer: Viewer, token: Row<ApiToken>, owner: Row<User>): boolean {
    return (
      owner.organization.id === viewer.organizationId && (token.owner.id === viewer.userId || viewer.isAdmin)
    );
  },

  /**
   * Keeping a token flagged after a password change takes a session (the new password): a token, perhaps the
   * stolen one the change was meant to catch, cannot clear a flag, its own or another's.
   */
  canConfirmToken(viewer: Viewer, token: Row<ApiToken>, owner: Row<User>): boolean {
    return viewer.credential.kind === 'session' && directoryPolicy.canManageToken(viewer, token, owner);
  },

  /** Whose tokens a viewer may create: their own, or (administrators) anyone's in the organization. */
  canCreateTokenFor(viewer: Viewer, owner: Row<User>): boolean {
    return owner.organization.id === viewer.organizationId && (owner.id === viewer.userId || viewer.isAdmin);
  },
};
