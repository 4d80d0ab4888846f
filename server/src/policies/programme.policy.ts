import type { Viewer } from '../auth/viewer.js';
import type { WorkProgramme } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import { canWrite } from './viewer.policy.js';

/**
 * Work programmes: the whole organization reads them (the year's plan is no secret inside it; a CONFIDENTIAL
 * proposal an item links to stays behind its own policy); the office draws them up and edits them.
 */
export const programmePolicy = {
  canRead(viewer: Viewer, programme: Row<WorkProgramme>): boolean {
    return programme.organization.id === viewer.organizationId;
  },

  readable(viewer: Viewer) {
    return { organization: viewer.organizationId };
  },

  /** `createWorkProgramme`, `updateWorkProgramme` and its items' commands. */
  canEdit(viewer: Viewer): boolean {
    return canWrite(viewer) && viewer.isOfficeStaff;
  },
};
