// What the viewer can do in a meeting room. Each action is present only when the meeting's
// (or the item's) `viewerCan` allows it; an absent action shows no control.
import type {
  AgendaItemStatus,
  Attendance,
  MeetingStatus,
  ParticipantRole,
  VoteOutcome,
} from '@quorum/shared';
import type { MoveTarget } from './agenda-tree';
import type {
  AgendaItemFieldsFragment,
  AttachmentFieldsFragment,
  ParticipantFieldsFragment,
} from '../../generated/graphql';

export interface VoteInput {
  votesFor: number;
  votesAgainst: number;
  abstentions: number;
  outcome: VoteOutcome;
}

/** What the item form sets on an existing item; its description and conclusion are co-edited notes. */
export interface AgendaItemFields {
  title: string;
  durationMinutes: number | null;
}

/** A new item: its description is a plain field, the first text of its co-edited note. */
export interface AgendaItemDraft extends AgendaItemFields {
  description: string | null;
}

export interface MeetingActions {
  /** The statuses the viewer may move the meeting to now. */
  transitions: MeetingStatus[];
  transition?: (to: MeetingStatus) => Promise<void>;
  moveItem?: (target: MoveTarget) => Promise<void>;
  addItem?: (parentId: string | null, draft: AgendaItemDraft) => Promise<void>;
  /** Present when the viewer may edit, remove or add under this item. */
  editItem?: (item: AgendaItemFieldsFragment, fields: AgendaItemFields) => Promise<void>;
  removeItem?: (item: AgendaItemFieldsFragment) => Promise<void>;
  canEdit: (item: AgendaItemFieldsFragment) => boolean;
  /** Statuses the item may move to now, for this viewer (empty when none). */
  itemTransitions: (item: AgendaItemFieldsFragment) => AgendaItemStatus[];
  setItemStatus?: (item: AgendaItemFieldsFragment, status: AgendaItemStatus) => Promise<void>;
  /** Whether the viewer may write the item's conclusion (a co-edited note, `agenda-item:<id>:conclusion`). */
  canConclude: (item: AgendaItemFieldsFragment) => boolean;
  recordVote?: (item: AgendaItemFieldsFragment, vote: VoteInput) => Promise<void>;
  canVote: (item: AgendaItemFieldsFragment) => boolean;
  confirmPresenter?: (item: AgendaItemFieldsFragment) => Promise<void>;
  canConfirmPresenter: (item: AgendaItemFieldsFragment) => boolean;
  setAttendance?: (participant: ParticipantFieldsFragment, attendance: Attendance) => Promise<void>;
  markMaterialsRead?: () => Promise<void>;
  /** Present when the viewer may manage who takes part. */
  /** People one by one, and whole units (their active members, skipping who already takes part). */
  addParticipants?: (
    entries: Array<{ userId: string; role: ParticipantRole }>,
    units?: Array<{ unitId: string; role: ParticipantRole }>,
  ) => Promise<void>;
  setParticipantRole?: (participant: ParticipantFieldsFragment, role: ParticipantRole) => Promise<void>;
  removeParticipant?: (participant: ParticipantFieldsFragment) => Promise<void>;
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
  removeFile?: (file: AttachmentFieldsFragment) => Promise<void>;
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
