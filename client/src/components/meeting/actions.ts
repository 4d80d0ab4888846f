// What the viewer can do in a meeting room. Each action is present only when the meeting's
// (or the item's) `viewerCan` allows it; an absent action shows no control.
import type {
  AgendaItemStatus,
  Attendance,
  MeetingStatus,
  ParticipantRole,
  VoteOutcome,
} from '@quorum/shared';
import type { AgendaItem, AttachmentSummary, Participant } from '../../apollo/types';
import type { MoveTarget } from './agenda-tree';

export interface VoteInput {
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  outcome: VoteOutcome;
}

export interface AgendaItemDraft {
  title: string;
  durationMinutes: number | null;
  description: string | null;
}

export interface MeetingActions {
  /** The statuses the viewer may move the meeting to now. */
  transitions: MeetingStatus[];
  transition?: (to: MeetingStatus) => Promise<void>;
  moveItem?: (target: MoveTarget) => Promise<void>;
  addItem?: (parentId: string | null, draft: AgendaItemDraft) => Promise<void>;
  /** Present when the viewer may edit, remove or add under this item. */
  editItem?: (item: AgendaItem, draft: AgendaItemDraft) => Promise<void>;
  removeItem?: (item: AgendaItem) => Promise<void>;
  canEdit: (item: AgendaItem) => boolean;
  /** Statuses the item may move to now, for this viewer (empty when none). */
  itemTransitions: (item: AgendaItem) => AgendaItemStatus[];
  setItemStatus?: (item: AgendaItem, status: AgendaItemStatus) => Promise<void>;
  setConclusion?: (item: AgendaItem, conclusion: string) => Promise<void>;
  canConclude: (item: AgendaItem) => boolean;
  recordVote?: (item: AgendaItem, vote: VoteInput) => Promise<void>;
  canVote: (item: AgendaItem) => boolean;
  confirmPresenter?: (item: AgendaItem) => Promise<void>;
  canConfirmPresenter: (item: AgendaItem) => boolean;
  setAttendance?: (participant: Participant, attendance: Attendance) => Promise<void>;
  markMaterialsRead?: () => Promise<void>;
  /** Present when the viewer may manage who takes part. */
  /** People one by one, and whole units (their active members, skipping who already takes part). */
  addParticipants?: (
    entries: Array<{ userId: string; role: ParticipantRole }>,
    units?: Array<{ unitId: string; role: ParticipantRole }>,
  ) => Promise<void>;
  setParticipantRole?: (participant: Participant, role: ParticipantRole) => Promise<void>;
  removeParticipant?: (participant: Participant) => Promise<void>;
  /**
   * Present when the viewer may add to the materials: of the meeting (`agendaItemId` null) or of an item
   * it may edit (`canEdit`). `onProgress` goes from 0 to 1 as the bytes leave.
   */
  uploadFile?: (
    file: File,
    agendaItemId: string | null,
    onProgress: (fraction: number) => void,
  ) => Promise<void>;
  /** Present when the viewer may remove files (the same right as adding them). */
  removeFile?: (file: AttachmentSummary) => Promise<void>;
  /** Present when the viewer may copy this meeting: returns the new meeting's id. */
  createFrom?: (input: { startsAt: string; title?: string; isTemplate?: boolean }) => Promise<string>;
  /** Present when the viewer may add to this agenda: appends another meeting's agenda. */
  copyAgendaFrom?: (sourceMeetingId: string) => Promise<void>;
}

export const NO_ACTIONS: MeetingActions = {
  transitions: [],
  canEdit: () => false,
  itemTransitions: () => [],
  canConclude: () => false,
  canVote: () => false,
  canConfirmPresenter: () => false,
};
