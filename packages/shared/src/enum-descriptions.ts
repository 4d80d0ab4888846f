import type * as enums from './enums.js';

/**
 * What an enum and each of its values mean, in English, for integrators: the GraphQL schema carries them as
 * its descriptions (the API reference), and the client may show them. Every value must have one, so a value
 * added to an enum does not compile until it is described.
 */
export interface EnumDescription<E extends object> {
  description: string;
  values: { readonly [K in keyof E]: string };
}

/** The names of the enums in `enums.ts` (not the lists of values exported beside them). */
export type SharedEnumName = {
  [K in keyof typeof enums]: (typeof enums)[K] extends readonly unknown[] ? never : K;
}[keyof typeof enums];

/** The descriptions of the enums in `enums.ts`, by enum name. */
export const enumDescriptions: { readonly [K in SharedEnumName]: EnumDescription<(typeof enums)[K]> } = {
  UnitKind: {
    description: 'What kind of body a unit of the organization is.',
    values: {
      COMMITTEE:
        'A Party committee or one of its boards (executive committee, standing board): the body that holds meetings and adopts proposals.',
      DEPARTMENT:
        'A department of the committee (organization, propaganda, inspection…): drafts proposals, appraises others and carries out tasks.',
      OFFICE:
        "The committee's office (secretariat): its members prepare meetings, programmes and appraisals and follow tasks up.",
    },
  },
  SystemRole: {
    description: "A user's role in the application as a whole, apart from their memberships of units.",
    values: {
      ADMIN: 'Manages the organization: units, users, memberships and roles.',
      MEMBER: 'An ordinary user: what they may do follows from their memberships and participations.',
    },
  },
  MembershipRole: {
    description: "A user's position in a unit.",
    values: {
      HEAD: 'Head of the unit.',
      DEPUTY: 'Deputy head of the unit.',
      MEMBER: 'Member of the unit (of a committee: a committee member).',
      STAFF: 'Staff officer of the unit.',
    },
  },
  ProgrammeItemStatus: {
    description: "Where an item of a committee's annual work programme stands.",
    values: {
      PLANNED: 'Planned for its month; work has not started.',
      IN_PREPARATION: 'Its lead unit is preparing the proposal.',
      SUBMITTED:
        "Its proposal is submitted to the committee (also where an item returns when its proposal's adoption is undone).",
      ADOPTED:
        "Its proposal was adopted at a meeting (set when the proposal is adopted); counts towards the programme's progress.",
      POSTPONED: 'Put off; counted as slipping once its planned month is over.',
      DROPPED: 'Dropped from the work to be done; never counted as slipping.',
    },
  },
  MeetingKind: {
    description: 'What kind of meeting it is.',
    values: {
      REGULAR: 'A regular session, held as the working regulations schedule it.',
      EXTRAORDINARY: 'An extraordinary session, called outside the regular schedule.',
      BRIEFING: 'A briefing ("giao ban"), such as the monthly briefing of the standing members.',
    },
  },
  MeetingStatus: {
    description:
      'Where a meeting stands: DRAFT, then SCHEDULED, IN_PROGRESS and CLOSED; DRAFT or SCHEDULED may go to CANCELLED.',
    values: {
      DRAFT: 'Being prepared by the office; participants are not invited yet.',
      SCHEDULED: 'Announced: participants are invited and materials are distributed.',
      IN_PROGRESS: 'In session: attendance, discussion, votes and conclusions are recorded.',
      CLOSED: 'Ended; its record (minutes, votes, conclusions) is kept.',
      CANCELLED: 'Called off before it took place.',
    },
  },
  Classification: {
    description:
      'Who may read something (a meeting, a proposal): the same rule governs queries, mutations and events.',
    values: {
      INTERNAL: 'Every member of the organization.',
      RESTRICTED:
        "Those involved and the office: a meeting's participants and its committee's members; a proposal's lead unit, appraising units and the participants of meetings that have it on the agenda; a task's assignee and assigned unit.",
      CONFIDENTIAL:
        "Only the people named: a meeting's participants, a proposal's owner or a task's assignee, and its explicit access list; every read is recorded in the audit trail.",
    },
  },
  ParticipantRole: {
    description: "A participant's role in a meeting.",
    values: {
      CHAIR: 'Chairs the meeting; votes and counts towards the quorum.',
      MEMBER: 'A member of the meeting body; votes and counts towards the quorum.',
      INVITEE: 'Invited to attend; does not vote and is not counted for the quorum.',
      SECRETARY: 'Keeps the minutes; does not vote and is not counted for the quorum.',
    },
  },
  Attendance: {
    description: "A participant's attendance at a meeting, as recorded by the office.",
    values: {
      UNKNOWN: 'Not recorded yet.',
      PRESENT: 'Present; counts towards the quorum if the participant votes.',
      ABSENT: 'Absent without excuse.',
      EXCUSED: 'Absent with leave.',
    },
  },
  AgendaItemStatus: {
    description:
      'Where an agenda item stands: PENDING, then IN_DISCUSSION and CONCLUDED (during the session), or DEFERRED or WITHDRAWN.',
    values: {
      PENDING: 'Not yet taken up.',
      IN_DISCUSSION: 'Being discussed in the session now.',
      CONCLUDED: 'Discussed, with its conclusion recorded.',
      DEFERRED: 'Put off to a later meeting.',
      WITHDRAWN: 'Taken off the agenda.',
    },
  },
  VoteOutcome: {
    description: 'The result of a vote on an agenda item.',
    values: {
      ADOPTED: 'Adopted.',
      REJECTED: 'Not adopted.',
      DEFERRED: 'Decision postponed.',
    },
  },
  ProposalKind: {
    description: 'What kind of paper a proposal is.',
    values: {
      PROPOSAL: 'A proposal or submission ("đề án", "tờ trình") asking the committee to decide.',
      REPORT: 'A report ("báo cáo").',
      RESOLUTION_DRAFT: 'A draft resolution ("dự thảo nghị quyết").',
      PROGRAMME: 'A programme or plan ("chương trình").',
      OTHER: 'Any other paper.',
    },
  },
  ProposalStatus: {
    description:
      'Where a proposal stands in its workflow: DRAFTING → IN_APPRAISAL → APPRAISED → SUBMITTED → SCHEDULED → ADOPTED, or RETURNED, REJECTED or WITHDRAWN (see `changeProposalStatus`).',
    values: {
      DRAFTING: 'Being drafted by its owner and lead unit.',
      IN_APPRAISAL: 'Sent by the office to other units for appraisal.',
      APPRAISED: 'The appraisal is closed; the drafters take its comments into account.',
      SUBMITTED: 'Submitted by its drafters to the committee, through the office.',
      SCHEDULED: "Put on a meeting's agenda by the office.",
      ADOPTED: 'Adopted by the committee; final.',
      RETURNED:
        'Returned by the office to the drafters for revision, with a reason; they take it back to DRAFTING.',
      REJECTED: 'Not adopted by the committee; final.',
      WITHDRAWN: 'Withdrawn by its drafters; final.',
    },
  },
  DocumentVersionKind: {
    description: "Why a snapshot of a proposal's body was taken.",
    values: {
      MANUAL: 'Named by a drafter or the office (`createDocumentVersion`).',
      STATUS_CHANGE: 'Taken as the proposal moved; its label is the new status.',
      RESTORE_POINT: 'The body as it was just before a version was restored over it.',
    },
  },
  DiffPartKind: {
    description: 'A part of a diff between two texts.',
    values: {
      ADDED: 'Text only in the newer version.',
      REMOVED: 'Text only in the older version.',
      SAME: 'Text in both versions.',
    },
  },
  DiffGranularity: {
    description: 'What a diff compares: words (within lines) or whole lines.',
    values: {
      WORDS: 'Compares word by word, so a changed word shows alone.',
      LINES: 'Compares whole lines.',
    },
  },
  AppraisalStatus: {
    description: 'Whether an appraisal round still takes verdicts and comments.',
    values: {
      OPEN: 'The appraising units are reviewing; verdicts and comments are taken.',
      CLOSED: 'Closed by the office; the proposal has moved on.',
    },
  },
  Verdict: {
    description: "An appraising unit's verdict on a proposal.",
    values: {
      PENDING: 'Not given yet.',
      AGREE: 'Agrees with the proposal.',
      AGREE_WITH_CHANGES: 'Agrees, provided the changes it asks for are made.',
      DISAGREE: 'Does not agree.',
    },
  },
  CommentStatus: {
    description: 'Whether the drafters have dealt with an appraisal comment.',
    values: {
      OPEN: 'Awaiting the drafters.',
      RESOLVED: 'Taken into account or answered by the drafters.',
    },
  },
  TaskStatus: {
    description:
      'Where a task stands. TODO, IN_PROGRESS and BLOCKED are open (they take progress reports and may be overdue); DONE and CANCELLED are not.',
    values: {
      TODO: 'Assigned, not started.',
      IN_PROGRESS: 'Being carried out.',
      BLOCKED: 'Stopped by an obstacle, given as the reason, for the office to act on.',
      DONE: 'Completed; the office may reopen it.',
      CANCELLED: 'Cancelled by the office; the office may restore it.',
    },
  },
  TaskPriority: {
    description: 'How urgent a task is.',
    values: {
      LOW: 'Low priority.',
      NORMAL: 'Normal priority (the default).',
      HIGH: 'High priority.',
      URGENT: 'Urgent.',
    },
  },
  ApiTokenScope: {
    description: 'What an API token may do.',
    values: {
      READ: 'Queries and subscriptions, with the access of its owner.',
      WRITE: 'Mutations too, with the access of its owner.',
      CALENDAR: "Only the viewer's iCalendar feed (a token that lives in a calendar application's URL).",
    },
  },
  SubjectType: {
    description: 'What an event is about; also the kinds of scope a subscriber or webhook can follow.',
    values: {
      ORGANIZATION: 'The organization as a whole (as a scope: everything the viewer may see).',
      UNIT: 'A unit (committee, department, office).',
      USER: 'A user.',
      MEETING: 'A meeting.',
      AGENDA_ITEM: "An item of a meeting's agenda.",
      PROPOSAL: 'A proposal.',
      TASK: 'A task.',
      APPRAISAL: "An appraisal round of a proposal (its events are in the proposal's scope).",
      PROGRAMME: "A committee's annual work programme (the office's edits of its items are in its scope).",
      PROGRAMME_ITEM:
        "An item of a work programme: the office's edits are in its programme's scope; an adoption, in the scope of the proposal that moved it.",
    },
  },
  WebhookDeliveryStatus: {
    description: "Where a webhook's delivery of one event stands.",
    values: {
      PENDING: 'Not delivered yet: waiting for its turn, or for its next attempt after a failure.',
      DELIVERED: 'The endpoint answered 2xx.',
      FAILED: 'Retried for the whole retry window without success: the endpoint was disabled.',
    },
  },
};
