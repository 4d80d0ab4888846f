import { Classification } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Proposal } from '../entities/index.js';

/**
 * Proposals: INTERNAL for the whole organization; RESTRICTED for the lead unit and the office;
 * CONFIDENTIAL for the owner only (until an explicit access list exists).
 */
export const proposalPolicy = {
  canRead(viewer: Viewer, proposal: Proposal): boolean {
    if (proposal.organization.id !== viewer.organizationId) return false;
    switch (proposal.classification) {
      case Classification.INTERNAL:
        return true;
      case Classification.RESTRICTED:
        return viewer.isAdmin || viewer.isOfficeStaff || viewer.unitIds.has(proposal.leadUnit.id);
      case Classification.CONFIDENTIAL:
        return proposal.owner.id === viewer.userId;
    }
  },

  readable(viewer: Viewer): FilterQuery<Proposal> {
    const restricted =
      viewer.isAdmin || viewer.isOfficeStaff
        ? { classification: Classification.RESTRICTED }
        : { classification: Classification.RESTRICTED, leadUnit: { $in: [...viewer.unitIds] } };
    return {
      organization: viewer.organizationId,
      $or: [
        { classification: Classification.INTERNAL },
        restricted,
        { classification: Classification.CONFIDENTIAL, owner: viewer.userId },
      ],
    };
  },
};
