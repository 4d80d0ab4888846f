import { Classification } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Meeting } from '../entities/index.js';

/**
 * Meetings. INTERNAL: the whole organization. RESTRICTED: participants, members of the committee that meets,
 * the office. CONFIDENTIAL: participants and the explicit access list only.
 * The read rule is stated twice, in the same shape: a predicate over a loaded meeting (nested fields, event
 * delivery) and a filter (lists, counts); the authorization matrix test holds them to each other.
 */
export const meetingPolicy = {
  canRead(viewer: Viewer, meeting: Meeting): boolean {
    if (meeting.organization.id !== viewer.organizationId) return false;
    const named = viewer.meetingIds.has(meeting.id) || viewer.accessIds.has(meeting.id);
    switch (meeting.classification) {
      case Classification.INTERNAL:
        return true;
      case Classification.RESTRICTED:
        return named || viewer.isOfficeStaff || viewer.unitIds.has(meeting.committee.id);
      case Classification.CONFIDENTIAL:
        return named;
    }
  },

  readable(viewer: Viewer): FilterQuery<Meeting> {
    const named = { id: { $in: [...viewer.meetingIds, ...viewer.accessIds] } };
    return {
      organization: viewer.organizationId,
      $or: [
        { classification: Classification.INTERNAL },
        {
          classification: Classification.RESTRICTED,
          ...(viewer.isOfficeStaff ? {} : { $or: [named, { committee: { $in: [...viewer.unitIds] } }] }),
        },
        { classification: Classification.CONFIDENTIAL, ...named },
      ],
    };
  },

  /** The office prepares sessions. */
  canCreate(viewer: Viewer): boolean {
    return viewer.isOfficeStaff;
  },

  canUpdate(viewer: Viewer, meeting: Meeting): boolean {
    return viewer.isOfficeStaff && meetingPolicy.canRead(viewer, meeting);
  },
};
