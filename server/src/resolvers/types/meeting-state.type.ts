import { AgendaItemStatus, MeetingStatus } from '@quorum/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { AgendaItem } from '../../entities/index.js';
import type { Row } from '../../read/rows.js';

@ObjectType({
  simpleResolvers: true,
  description:
    'Túc số: the voting members are the participants with role CHAIR or MEMBER (invitees and the secretary do not count); the quorum is reached when more than half of them are PRESENT.',
})
export class Quorum {
  @Field(() => Int, { description: 'Voting members invited (CHAIR and MEMBER).' })
  members!: number;

  @Field(() => Int, { description: 'Voting members recorded PRESENT.' })
  present!: number;

  @Field(() => Int, { description: 'Present members needed: more than half of `members`.' })
  required!: number;

  @Field(() => Boolean, { description: 'Whether `present` reaches `required`: the meeting may decide.' })
  reached!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'What is ready for one agenda item. An item with sub-items is ready when all of them are (its flags are theirs, combined); a leaf item is ready when all three hold.',
})
export class AgendaItemReadiness {
  @Field(() => Boolean, {
    description:
      'A proposal or at least one file is attached (always true when `materialsRequired` is false).',
  })
  materialsAttached!: boolean;

  @Field(() => Boolean, {
    description:
      'No proposal, or its appraisal is over: the proposal is APPRAISED or later, or it has appraisal rounds and all are CLOSED.',
  })
  appraisalFinished!: boolean;

  @Field(() => Boolean, { description: 'A presenter is named and has confirmed.' })
  presenterConfirmed!: boolean;

  @Field(() => Boolean, {
    description: 'All three hold (for an item with sub-items: every sub-item is ready).',
  })
  ready!: boolean;
}

@ObjectType({
  simpleResolvers: true,
  description: "Readiness of a meeting's agenda (leaf items) and of its participants' reading.",
})
export class MeetingReadiness {
  @Field(() => Int, { description: 'Leaf agenda items (items with no sub-items).' })
  total!: number;

  @Field(() => Int, { description: 'Leaf items ready.' })
  ready!: number;

  @Field(() => Int, { description: 'Leaf items with their materials attached (or needing none).' })
  materialsAttached!: number;

  @Field(() => Int, { description: "Leaf items whose proposal's appraisal is finished (or that need none)." })
  appraisalFinished!: number;

  @Field(() => Int, { description: 'Leaf items whose presenter has confirmed.' })
  presenterConfirmed!: number;

  @Field(() => Boolean, { description: 'Every leaf item is ready (and there is at least one).' })
  complete!: boolean;

  @Field(() => Int, { description: 'Participants invited.' })
  participants!: number;

  @Field(() => Int, { description: 'Participants who have opened the materials (`materialsReadAt`).' })
  materialsRead!: number;

  @Field(() => [AgendaItem], { description: 'The leaf items in agenda order, each with its `readiness`.' })
  items!: Row<AgendaItem>[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'What the viewer may do with this meeting now (the policies the mutations apply).',
})
export class MeetingViewerCan {
  @Field(() => Boolean, { description: 'updateMeeting' })
  update!: boolean;

  @Field(() => Boolean, { description: 'scheduleMeeting' })
  schedule!: boolean;

  @Field(() => Boolean, { description: 'startMeeting' })
  start!: boolean;

  @Field(() => Boolean, { description: 'closeMeeting' })
  close!: boolean;

  @Field(() => Boolean, { description: 'cancelMeeting' })
  cancel!: boolean;

  @Field(() => [MeetingStatus], { description: 'The statuses the viewer may move the meeting to.' })
  nextStatuses!: MeetingStatus[];

  @Field(() => Boolean, {
    description:
      'add, update, move, remove agenda items; copyAgenda into it; add (`POST /uploads`) and remove files',
  })
  manageAgenda!: boolean;

  @Field(() => Boolean, { description: 'addParticipants, updateParticipant, removeParticipant' })
  manageParticipants!: boolean;

  @Field(() => Boolean, { description: 'recordAttendance' })
  recordAttendance!: boolean;

  @Field(() => Boolean, { description: 'recordVote, on items under discussion' })
  recordVote!: boolean;

  @Field(() => Boolean, { description: 'markMaterialsRead (the viewer is a participant)' })
  markMaterialsRead!: boolean;

  @Field(() => Boolean, { description: 'createMeetingFrom this one, copyAgenda from it' })
  copy!: boolean;
}

@ObjectType({ simpleResolvers: true, description: 'What the viewer may do with this agenda item now.' })
export class AgendaItemViewerCan {
  @Field(() => Boolean, {
    description:
      'updateAgendaItem, removeAgendaItem, moveAgendaItem; add (`POST /uploads`) and remove its files',
  })
  update!: boolean;

  @Field(() => Boolean, { description: 'changeAgendaItemStatus (to one of `nextStatuses`)' })
  changeStatus!: boolean;

  @Field(() => [AgendaItemStatus], { description: 'The statuses changeAgendaItemStatus may take it to now.' })
  nextStatuses!: AgendaItemStatus[];

  @Field(() => Boolean, { description: 'updateAgendaItem with a conclusion' })
  conclude!: boolean;

  @Field(() => Boolean, { description: 'recordVote' })
  recordVote!: boolean;

  @Field(() => Boolean, { description: 'confirmPresenter' })
  confirmPresenter!: boolean;
}
