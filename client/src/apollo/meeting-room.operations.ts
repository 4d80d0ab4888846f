// The meeting room's constants around its operations (which are in schema/operations/client/meeting-room.graphql).
import type { MeetingStatus } from '@quorum/shared';
import { limits } from '@quorum/shared';
import {
  CancelMeetingDocument,
  CloseMeetingDocument,
  ScheduleMeetingDocument,
  StartMeetingDocument,
} from '../generated/graphql';

/** How deep the agenda goes ("1", "2.1", "2.1.1", …): the server's limit. Indenting stops here. */
export const AGENDA_DEPTH = limits.agendaDepthMax;

/** The transition mutation for each status the meeting can move to. */
export const TRANSITION_MUTATIONS = {
  SCHEDULED: ScheduleMeetingDocument,
  IN_PROGRESS: StartMeetingDocument,
  CLOSED: CloseMeetingDocument,
  CANCELLED: CancelMeetingDocument,
} as const satisfies Partial<Record<MeetingStatus, unknown>>;
