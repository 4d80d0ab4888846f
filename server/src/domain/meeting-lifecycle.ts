import { AgendaItemStatus, MeetingStatus } from '@quorum/shared';
import { BadInputError } from '../errors.js';

/**
 * The two state machines of a session, as data: the policy reads them to answer `viewerCan`, the commands
 * to refuse a transition (BAD_USER_INPUT naming the allowed ones), the tests to try every pair.
 */

/** DRAFT → SCHEDULED → IN_PROGRESS → CLOSED; a meeting that has not started can be CANCELLED. */
export const meetingTransitions: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  [MeetingStatus.DRAFT]: [MeetingStatus.SCHEDULED, MeetingStatus.CANCELLED],
  [MeetingStatus.SCHEDULED]: [MeetingStatus.IN_PROGRESS, MeetingStatus.CANCELLED],
  [MeetingStatus.IN_PROGRESS]: [MeetingStatus.CLOSED],
  [MeetingStatus.CLOSED]: [],
  [MeetingStatus.CANCELLED]: [],
};

/** A closed or cancelled meeting is a record: its agenda, participants and details no longer change. */
export function isMeetingOpen(status: MeetingStatus): boolean {
  return meetingTransitions[status].length > 0;
}

/** Where a meeting may go next; a template goes nowhere (it is only copied). */
export function nextMeetingStatuses(meeting: {
  status: MeetingStatus;
  isTemplate: boolean;
}): MeetingStatus[] {
  return meeting.isTemplate ? [] : [...meetingTransitions[meeting.status]];
}

export function checkMeetingTransition(
  meeting: { status: MeetingStatus; isTemplate: boolean },
  to: MeetingStatus,
): void {
  const allowed = nextMeetingStatuses(meeting);
  if (allowed.includes(to)) return;
  const why = meeting.isTemplate
    ? 'A template never changes status; create a meeting from it'
    : `A ${meeting.status} meeting cannot become ${to}`;
  throw new BadInputError('status', `${why}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`, {
    allowed,
  });
}

/**
 * PENDING → IN_DISCUSSION → CONCLUDED; an item not yet concluded can be DEFERRED or WITHDRAWN.
 * Discussion and conclusion happen during the session (the meeting IN_PROGRESS); deferring or withdrawing
 * an item can also be decided before it.
 */
export const agendaItemTransitions: Readonly<Record<AgendaItemStatus, readonly AgendaItemStatus[]>> = {
  [AgendaItemStatus.PENDING]: [
    AgendaItemStatus.IN_DISCUSSION,
    AgendaItemStatus.DEFERRED,
    AgendaItemStatus.WITHDRAWN,
  ],
  [AgendaItemStatus.IN_DISCUSSION]: [
    AgendaItemStatus.CONCLUDED,
    AgendaItemStatus.DEFERRED,
    AgendaItemStatus.WITHDRAWN,
  ],
  [AgendaItemStatus.CONCLUDED]: [],
  [AgendaItemStatus.DEFERRED]: [],
  [AgendaItemStatus.WITHDRAWN]: [],
};

const duringSession = new Set([AgendaItemStatus.IN_DISCUSSION, AgendaItemStatus.CONCLUDED]);

/** Where an agenda item may go next, given its meeting's status. */
export function nextAgendaItemStatuses(
  item: { status: AgendaItemStatus },
  meetingStatus: MeetingStatus,
): AgendaItemStatus[] {
  if (!isMeetingOpen(meetingStatus)) return [];
  return agendaItemTransitions[item.status].filter(
    (to) => meetingStatus === MeetingStatus.IN_PROGRESS || !duringSession.has(to),
  );
}

export function checkAgendaItemTransition(
  item: { status: AgendaItemStatus },
  meetingStatus: MeetingStatus,
  to: AgendaItemStatus,
): void {
  const allowed = nextAgendaItemStatuses(item, meetingStatus);
  if (allowed.includes(to)) return;
  const why =
    agendaItemTransitions[item.status].includes(to) && duringSession.has(to)
      ? `An item becomes ${to} only while the meeting is IN_PROGRESS (it is ${meetingStatus})`
      : `A ${item.status} agenda item cannot become ${to}`;
  throw new BadInputError('status', `${why}; allowed: ${allowed.length > 0 ? allowed.join(', ') : 'none'}`, {
    allowed,
  });
}
