import { isProposalFinal } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import { bodyAccess } from '../collab/collab.policy.js';
import type { Proposal } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import { proposalPolicy } from './proposal.policy.js';

/**
 * A proposal's versions and files. Whoever may read the proposal reads its versions (and their diffs) and its
 * files. Its drafters and the office name versions and add or remove files while the proposal is still in the
 * workflow (not ADOPTED, REJECTED or WITHDRAWN), as they change its details. Restoring a version changes the
 * text: only the drafters, only while the text may change (the rule of co-editing, `bodyAccess`).
 */
export const documentVersionPolicy = {
  /** As whom the viewer could keep versions or files at all (a drafter, the office); refusals tell the two apart. */
  takesPart(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return proposalPolicy.actors(viewer, proposal).size > 0;
  },

  /** `createDocumentVersion`, and adding or removing the proposal's files. */
  canKeep(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return !isProposalFinal(proposal.status) && this.takesPart(viewer, proposal);
  },

  /** `restoreDocumentVersion`. */
  canRestore(viewer: Viewer, proposal: Row<Proposal>): boolean {
    return bodyAccess(viewer, proposal) === 'edit';
  },
};
