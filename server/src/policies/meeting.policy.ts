import { Classification } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Meeting } from '../entities/index.js';

/**
 * Who may see and change meetings. The read rule is stated twice on purpose, in the same shape: as a
 * predicate over a loaded meeting (nested fields, event delivery) and as a filter (lists, counts).
 */
export const meetingPolicy = {
  canRead(viewer: Viewer, meeting: Meeting): boolean {
    if (meeting.organization.id !== viewer.organizationId) return false;
    if (viewer.isAdmin || viewer.isOfficeStaff) return true;
    switch (meeting.classification) {
      case Classification.INTERNAL:
        return true;
      case Classification.RESTRICTED:
        return viewer.meetingIds.has(meeting.id) || viewer.unitIds.has(meeting.committee.id);
      case Classification.CONFIDENTIAL:
        return viewer.meetingIds.has(meeting.id);
    }
  },

  readable(viewer: Viewer): FilterQuery<Meeting> {
    const tenant = { organization: viewer.organizationId };
    if (viewer.isAdmin || viewer.isOfficeStaff) return tenant;
    const meetings = [...viewer.meetingIds];
    const units = [...viewer.unitIds];
    return {
      ...tenant,
      $or: [
        { classification: Classification.INTERNAL },
        {
          classification: Classification.RESTRICTED,
          $or: [{ id: { $in: meetings } }, { committee: { $in: units } }],
        },
        { classification: Classification.CONFIDENTIAL, id: { $in: meetings } },
      ],
    };
  },

  /** The office prepares sessions; administrators can do everything. */
  canCreate(viewer: Viewer): boolean {
    return viewer.isAdmin || viewer.isOfficeStaff;
  },

  canUpdate(viewer: Viewer, meeting: Meeting): boolean {
    return meeting.organization.id === viewer.organizationId && (viewer.isAdmin || viewer.isOfficeStaff);
  },
};
