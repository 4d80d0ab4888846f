import {
  allowedProposalTransitions,
  ApiTokenScope,
  Classification,
  isProposalFinal,
  type ProposalActor,
  type ProposalStatus,
} from '@quorum/shared';
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

  /** As whom the viewer acts on a proposal they may read: a drafter (its owner, a member of its lead unit), the office. */
  actors(viewer: Viewer, proposal: Row<Proposal>): Set<ProposalActor> {
    const actors = new Set<ProposalActor>();
    if (!viewer.scopes.has(ApiTokenScope.WRITE)) return actors;
    if (proposal.owner.id === viewer.userId || viewer.unitIds.has(proposal.leadUnit.id))
      actors.add('drafter');
    if (viewer.isOfficeStaff) actors.add('office');
    return actors;
  },

  /** A new proposal is drafted by a member of its lead unit, or set up by the office. */
  canCreate(viewer: Viewer, leadUnitId: string): boolean {
    return viewer.scopes.has(ApiTokenScope.WRITE) && (viewer.isOfficeStaff || viewer.unitIds.has(leadUnitId));
  },

  /** Its details change while it is still in the workflow, by its drafters or the office. */
  canUpdate(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return !isProposalFinal(proposal.status) && this.actors(viewer, proposal).size > 0;
  },

  /** Where the viewer may take it now (`changeProposalStatus`). */
  transitions(viewer: Viewer, proposal: Row<Proposal>): ProposalStatus[] {
    return allowedProposalTransitions(proposal.status, this.actors(viewer, proposal));
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
