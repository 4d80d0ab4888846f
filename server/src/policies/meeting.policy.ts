import { AgendaItemStatus, Classification, MeetingStatus, SystemRole } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { isMeetingOpen, nextAgendaItemStatuses, nextMeetingStatuses } from '../domain/meeting-lifecycle.js';
import type { AgendaItem, Meeting, Membership, User } from '../entities/index.js';
import type { Row } from '../read/rows.js';

/**
 * Meetings. INTERNAL: the whole organization. RESTRICTED: participants, members of the committee that meets,
 * the office. CONFIDENTIAL: participants and the explicit access list only.
 * The read rule is stated twice, in the same shape: a predicate over a loaded meeting (nested fields, event
 * delivery) and a filter (lists, counts); the authorization matrix test holds them to each other.
 */
export const meetingPolicy = {
  canRead(viewer: Viewer, meeting: Row<Meeting>): boolean {
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

  /**
   * The office prepares and runs the sessions it can see. Commands ask this first (FORBIDDEN when false),
   * then the state (BAD_USER_INPUT when the meeting is not in a state that allows the change); the `can*`
   * abilities below combine both and are what `viewerCan` shows.
   */
  canManage(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return viewer.isOfficeStaff && meetingPolicy.canRead(viewer, meeting);
  },

  /** Details, agenda and participants change until the meeting is closed or cancelled. */
  canUpdate(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return meetingPolicy.canManage(viewer, meeting) && isMeetingOpen(meeting.status);
  },

  canChangeStatus(viewer: Viewer, meeting: Row<Meeting>, to: MeetingStatus): boolean {
    return meetingPolicy.canManage(viewer, meeting) && nextMeetingStatuses(meeting).includes(to);
  },

  canManageAgenda(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return meetingPolicy.canUpdate(viewer, meeting);
  },

  canManageParticipants(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return meetingPolicy.canUpdate(viewer, meeting);
  },

  /** Attendance is known from the invitation on (excused absences) and taken during the session. */
  attendanceOpen(meeting: Row<Meeting>): boolean {
    return (
      !meeting.isTemplate &&
      (meeting.status === MeetingStatus.SCHEDULED || meeting.status === MeetingStatus.IN_PROGRESS)
    );
  },

  canRecordAttendance(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return meetingPolicy.canManage(viewer, meeting) && meetingPolicy.attendanceOpen(meeting);
  },

  /** Votes are taken during the session on an item under discussion (or just concluded). */
  votingOpen(meeting: Row<Meeting>, item?: Row<AgendaItem>): boolean {
    return (
      meeting.status === MeetingStatus.IN_PROGRESS &&
      (!item || item.status === AgendaItemStatus.IN_DISCUSSION || item.status === AgendaItemStatus.CONCLUDED)
    );
  },

  canRecordVote(viewer: Viewer, meeting: Row<Meeting>, item?: Row<AgendaItem>): boolean {
    return meetingPolicy.canManage(viewer, meeting) && meetingPolicy.votingOpen(meeting, item);
  },

  canChangeItemStatus(viewer: Viewer, meeting: Row<Meeting>, item: Row<AgendaItem>): boolean {
    return (
      meetingPolicy.canManage(viewer, meeting) && nextAgendaItemStatuses(item, meeting.status).length > 0
    );
  },

  /** Conclusions are written during the session. */
  canConclude(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return meetingPolicy.canManage(viewer, meeting) && meeting.status === MeetingStatus.IN_PROGRESS;
  },

  /** The presenter confirms: the user named, anyone of the unit named, or the office on their behalf. */
  isPresenter(viewer: Viewer, item: Row<AgendaItem>): boolean {
    return item.presenterUser?.id === viewer.userId || viewer.unitIds.has(item.presenterUnit?.id ?? '');
  },

  canConfirmPresenter(viewer: Viewer, meeting: Row<Meeting>, item: Row<AgendaItem>): boolean {
    return (
      meetingPolicy.canRead(viewer, meeting) &&
      isMeetingOpen(meeting.status) &&
      !!(item.presenterUser || item.presenterUnit) &&
      (meetingPolicy.isPresenter(viewer, item) || viewer.isOfficeStaff)
    );
  },

  /** A participant records that they opened the materials. */
  canMarkMaterialsRead(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return viewer.meetingIds.has(meeting.id) && meetingPolicy.canRead(viewer, meeting);
  },

  /**
   * Who can be invited: anyone of the organization but a system administrator who belongs to no unit. That is
   * a technical account (it manages the directory), and taking part would let it read restricted and
   * confidential meetings. `belongsToUnit`: whether the user is a member of some unit.
   */
  mayTakePart(user: Row<User>, belongsToUnit: boolean): boolean {
    return user.systemRole !== SystemRole.ADMIN || belongsToUnit;
  },

  /** The same rule as a filter over the organization's users; `adminMemberships`: memberships of administrators. */
  takingPart(viewer: Viewer, adminMemberships: readonly Pick<Membership, 'user'>[]): FilterQuery<User> {
    return {
      organization: viewer.organizationId,
      $or: [
        { systemRole: { $ne: SystemRole.ADMIN } },
        { id: { $in: adminMemberships.map((m) => m.user.id) } },
      ],
    };
  },

  /** Copying a meeting (or a template) into a new one, or its agenda into another. */
  canCopy(viewer: Viewer, meeting: Row<Meeting>): boolean {
    return meetingPolicy.canCreate(viewer) && meetingPolicy.canRead(viewer, meeting);
  },
};
