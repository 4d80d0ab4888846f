import { isProposalFinal } from '@quorum/shared';
import type { Viewer } from '../auth/viewer.js';
import { bodyAccess, minutesAccess } from '../collab/collab.policy.js';
import type { Meeting, Proposal } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import { proposalPolicy } from './proposal.policy.js';

/**
 * Versions of co-edited documents, and a proposal's files. Whoever may read the proposal reads its versions
 * (and their diffs) and its files. Its drafters and the office name versions and add or remove files while the
 * proposal is still in the workflow (not ADOPTED, REJECTED or WITHDRAWN), as they change its details.
 * Restoring a version changes the text: only the drafters, only while the text may change (the rule of
 * co-editing, `bodyAccess`). A meeting's minutes: whoever may read the meeting reads their versions; those who
 * write the minutes now (`minutesAccess`: its secretaries and the office, while the meeting is open) keep and
 * restore them, so nobody once it is closed or cancelled.
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

  /** `createDocumentVersion` and `restoreDocumentVersion` of a meeting's minutes: whoever writes them now. */
  canKeepMinutes(viewer: Viewer, meeting: Row<Meeting>, secretaryIds: ReadonlySet<string>): boolean {
    return minutesAccess(viewer, meeting, secretaryIds) === 'edit';
  },
};
