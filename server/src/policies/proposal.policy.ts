import { Classification } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Proposal } from '../entities/index.js';
import type { Row } from '../read/rows.js';

/**
 * Proposals. INTERNAL: the whole organization. RESTRICTED: the lead unit, the units assigned to appraise it,
 * participants of a meeting that has it on the agenda, the office. CONFIDENTIAL: the owner and the explicit
 * access list. Predicate and filter state the same rule (see meeting.policy.ts).
 */
export const proposalPolicy = {
  canRead(viewer: Viewer, proposal: Row<Proposal>): boolean {
    if (proposal.organization.id !== viewer.organizationId) return false;
    const named = proposal.owner.id === viewer.userId || viewer.accessIds.has(proposal.id);
    switch (proposal.classification) {
      case Classification.INTERNAL:
        return true;
      case Classification.RESTRICTED:
        return (
          named ||
          viewer.isOfficeStaff ||
          viewer.unitIds.has(proposal.leadUnit.id) ||
          viewer.reviewProposalIds.has(proposal.id) ||
          viewer.agendaProposalIds.has(proposal.id)
        );
      case Classification.CONFIDENTIAL:
        return named;
    }
  },

  readable(viewer: Viewer): FilterQuery<Proposal> {
    const named = { $or: [{ owner: viewer.userId }, { id: { $in: [...viewer.accessIds] } }] };
    const restricted = viewer.isOfficeStaff
      ? {}
      : {
          $or: [
            named,
            { leadUnit: { $in: [...viewer.unitIds] } },
            { id: { $in: [...viewer.reviewProposalIds, ...viewer.agendaProposalIds] } },
          ],
        };
    return {
      organization: viewer.organizationId,
      $or: [
        { classification: Classification.INTERNAL },
        { classification: Classification.RESTRICTED, ...restricted },
        { classification: Classification.CONFIDENTIAL, ...named },
      ],
    };
  },
};
