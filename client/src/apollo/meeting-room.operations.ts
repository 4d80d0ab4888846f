// The meeting room's operations. Every field here is in schema/schema.graphql (checked by
// `pnpm --filter @quorum/client check:operations`); the change feed asks for the same
// fields the room's query does, so an event's subject updates the cache in place.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  AgendaItemStatus,
  Attendance,
  MeetingStatus,
  ParticipantRole,
  VoteOutcome,
} from '@quorum/shared';
import { limits } from '@quorum/shared';
import { MEETING_FIELDS } from './operations';
import type {
  AgendaItem,
  Meeting,
  MeetingEventsSubscriptionData,
  MeetingEventsSubscriptionVariables,
  MeetingRoom,
  MeetingRoomQueryData,
  Participant,
  UpdateMeetingInput,
} from './types';
import { CHANGE_EVENT_FIELDS } from './event.fragments';

/** How deep the agenda goes ("1", "2.1", "2.1.1", …): the server's limit. Indenting stops here. */
export const AGENDA_DEPTH = limits.agendaDepthMax;

export const AGENDA_ITEM_FIELDS: TypedDocumentNode<AgendaItem> = gql`
  fragment AgendaItemFields on AgendaItem {
    id
    version
    number
    depth
    parentId
    title
    description
    durationMinutes
    totalDurationMinutes
    childrenDurationMinutes
    status
    conclusion
    materialsRequired
    presenterConfirmedAt
    presenterUser {
      id
      fullName
      jobTitle
    }
    presenterUnit {
      id
      name
      shortName
    }
    proposal {
      id
      title
      status
      kind
      referenceNumber
      summary
    }
    vote {
      id
      votesFor
      votesAgainst
      abstentions
      outcome
    }
    attachments {
      id
      name
      mediaType
      size
    }
    readiness {
      appraisalFinished
      materialsAttached
      presenterConfirmed
      ready
    }
    viewerCan {
      changeStatus
      conclude
      confirmPresenter
      nextStatuses
      recordVote
      update
    }
  }
`;

export const PARTICIPANT_FIELDS: TypedDocumentNode<Participant> = gql`
  fragment ParticipantFields on Participant {
    id
    version
    role
    attendance
    materialsReadAt
    user {
      id
      fullName
      jobTitle
    }
  }
`;

/** What changes with the meeting as a whole: its permissions, quorum and readiness. */
export const MEETING_ROOM_FIELDS: TypedDocumentNode<MeetingRoom> = gql`
  fragment MeetingRoomFields on Meeting {
    ...MeetingFields
    isTemplate
    agendaDurationMinutes
    chair {
      id
      fullName
      jobTitle
    }
    secretary {
      id
      fullName
      jobTitle
    }
    viewerCan {
      update
      cancel
      close
      copy
      manageAgenda
      manageParticipants
      markMaterialsRead
      nextStatuses
      recordAttendance
      recordVote
      schedule
      start
    }
    quorum {
      members
      present
      required
      reached
    }
    readiness {
      complete
      total
      ready
      appraisalFinished
      materialsAttached
      presenterConfirmed
      participants
      materialsRead
    }
    viewerParticipant {
      id
      materialsReadAt
    }
    attachments {
      id
      name
      mediaType
      size
    }
  }
  ${MEETING_FIELDS}
`;

export const MEETING_ROOM_QUERY: TypedDocumentNode<MeetingRoomQueryData, { id: string }> = gql`
  query MeetingRoom($id: ID!) {
    meeting(id: $id) {
      ...MeetingRoomFields
      participants(first: 100) {
        totalCount
        edges {
          node {
            ...ParticipantFields
          }
        }
      }
      agenda {
        ...AgendaItemFields
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
  ${PARTICIPANT_FIELDS}
  ${AGENDA_ITEM_FIELDS}
`;

/**
 * The meeting's own feed. On an agenda item, `status`, `readiness` and `viewerCan` are
 * aliased: in one selection they would clash with the Meeting's fields of the same names
 * (other types); the cache stores them under their own names all the same.
 */
export const MEETING_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  MeetingEventsSubscriptionData,
  MeetingEventsSubscriptionVariables
> = gql`
  subscription MeetingEvents($id: ID!, $after: String) {
    events(scope: { type: MEETING, id: $id }, after: $after) {
      ...ChangeEventFields
      changes
      subject {
        __typename
        ... on Meeting {
          ...MeetingRoomFields
        }
        ... on AgendaItem {
          id
          version
          number
          depth
          parentId
          title
          description
          durationMinutes
          totalDurationMinutes
          childrenDurationMinutes
          itemStatus: status
          conclusion
          materialsRequired
          presenterConfirmedAt
          presenterUser {
            id
            fullName
            jobTitle
          }
          presenterUnit {
            id
            name
            shortName
          }
          proposal {
            id
            title
            status
            kind
            referenceNumber
            summary
          }
          vote {
            id
            votesFor
            votesAgainst
            abstentions
            outcome
          }
          itemAttachments: attachments {
            id
            name
            mediaType
            size
          }
          itemReadiness: readiness {
            appraisalFinished
            materialsAttached
            presenterConfirmed
            ready
          }
          itemViewerCan: viewerCan {
            changeStatus
            conclude
            confirmPresenter
            nextStatuses
            recordVote
            update
          }
        }
        ... on Proposal {
          id
          title
          proposalStatus: status
        }
        ... on Organization {
          id
        }
        ... on Task {
          id
        }
        ... on Unit {
          id
        }
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
  ${CHANGE_EVENT_FIELDS}
`;

// ---------------------------------------------------------------------------
// Mutations. Each returns what it changed with the fields the room shows.

type MeetingPayload = { meeting: MeetingRoom };

export const SCHEDULE_MEETING_MUTATION: TypedDocumentNode<
  { scheduleMeeting: MeetingPayload },
  { input: { id: string; expectedVersion: number } }
> = gql`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      meeting {
        ...MeetingRoomFields
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
`;

export const START_MEETING_MUTATION: TypedDocumentNode<
  { startMeeting: MeetingPayload },
  { input: { id: string; expectedVersion: number } }
> = gql`
  mutation StartMeeting($input: StartMeetingInput!) {
    startMeeting(input: $input) {
      meeting {
        ...MeetingRoomFields
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
`;

export const CLOSE_MEETING_MUTATION: TypedDocumentNode<
  { closeMeeting: MeetingPayload },
  { input: { id: string; expectedVersion: number } }
> = gql`
  mutation CloseMeeting($input: CloseMeetingInput!) {
    closeMeeting(input: $input) {
      meeting {
        ...MeetingRoomFields
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
`;

export const CANCEL_MEETING_MUTATION: TypedDocumentNode<
  { cancelMeeting: MeetingPayload },
  { input: { id: string; expectedVersion: number } }
> = gql`
  mutation CancelMeeting($input: CancelMeetingInput!) {
    cancelMeeting(input: $input) {
      meeting {
        ...MeetingRoomFields
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
`;

export interface MoveAgendaItemInput {
  id: string;
  parentId: string | null;
  afterId?: string | null;
  beforeId?: string | null;
}

export const MOVE_AGENDA_ITEM_MUTATION: TypedDocumentNode<
  { moveAgendaItem: { agendaItem: AgendaItem; meeting: { id: string; agenda: AgendaItem[] } } },
  { input: MoveAgendaItemInput }
> = gql`
  mutation MoveAgendaItem($input: MoveAgendaItemInput!) {
    moveAgendaItem(input: $input) {
      agendaItem {
        id
      }
      meeting {
        id
        version
        agendaDurationMinutes
        agenda {
          ...AgendaItemFields
        }
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export interface AddAgendaItemInput {
  meetingId: string;
  parentId?: string | null;
  afterId?: string | null;
  beforeId?: string | null;
  title: string;
  description?: string | null;
  durationMinutes?: number | null;
}

export const ADD_AGENDA_ITEM_MUTATION: TypedDocumentNode<
  { addAgendaItem: { agendaItem: AgendaItem } },
  { input: AddAgendaItemInput }
> = gql`
  mutation AddAgendaItem($input: AddAgendaItemInput!) {
    addAgendaItem(input: $input) {
      agendaItem {
        ...AgendaItemFields
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export interface UpdateAgendaItemInput {
  id: string;
  expectedVersion: number;
  title?: string;
  description?: string | null;
  durationMinutes?: number | null;
  conclusion?: string | null;
}

export const UPDATE_AGENDA_ITEM_MUTATION: TypedDocumentNode<
  { updateAgendaItem: { agendaItem: AgendaItem } },
  { input: UpdateAgendaItemInput }
> = gql`
  mutation UpdateAgendaItem($input: UpdateAgendaItemInput!) {
    updateAgendaItem(input: $input) {
      agendaItem {
        ...AgendaItemFields
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const REMOVE_AGENDA_ITEM_MUTATION: TypedDocumentNode<
  { removeAgendaItem: { removedIds: string[]; meeting: { id: string } } },
  { input: { id: string; expectedVersion: number } }
> = gql`
  mutation RemoveAgendaItem($input: RemoveAgendaItemInput!) {
    removeAgendaItem(input: $input) {
      removedIds
      meeting {
        id
      }
    }
  }
`;

export const CHANGE_AGENDA_ITEM_STATUS_MUTATION: TypedDocumentNode<
  { changeAgendaItemStatus: { agendaItem: AgendaItem } },
  { input: { id: string; expectedVersion: number; status: AgendaItemStatus; conclusion?: string | null } }
> = gql`
  mutation ChangeAgendaItemStatus($input: ChangeAgendaItemStatusInput!) {
    changeAgendaItemStatus(input: $input) {
      agendaItem {
        ...AgendaItemFields
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const RECORD_VOTE_MUTATION: TypedDocumentNode<
  { recordVote: { agendaItem: AgendaItem } },
  {
    input: {
      agendaItemId: string;
      expectedVersion: number;
      votesFor: number;
      votesAgainst: number;
      abstentions: number;
      outcome: VoteOutcome;
    };
  }
> = gql`
  mutation RecordVote($input: RecordVoteInput!) {
    recordVote(input: $input) {
      agendaItem {
        ...AgendaItemFields
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const CONFIRM_PRESENTER_MUTATION: TypedDocumentNode<
  { confirmPresenter: { agendaItem: AgendaItem } },
  { input: { agendaItemId: string } }
> = gql`
  mutation ConfirmPresenter($input: ConfirmPresenterInput!) {
    confirmPresenter(input: $input) {
      agendaItem {
        ...AgendaItemFields
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

export const RECORD_ATTENDANCE_MUTATION: TypedDocumentNode<
  {
    recordAttendance: {
      participant: Participant;
      meeting: Pick<MeetingRoom, 'id' | 'quorum' | 'readiness'>;
    };
  },
  { input: { participantId: string; attendance: Attendance; expectedVersion?: number } }
> = gql`
  mutation RecordAttendance($input: RecordAttendanceInput!) {
    recordAttendance(input: $input) {
      participant {
        ...ParticipantFields
      }
      meeting {
        id
        quorum {
          members
          present
          required
          reached
        }
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

export const MARK_MATERIALS_READ_MUTATION: TypedDocumentNode<
  { markMaterialsRead: { participant: Participant } },
  { input: { meetingId: string } }
> = gql`
  mutation MarkMaterialsRead($input: MarkMaterialsReadInput!) {
    markMaterialsRead(input: $input) {
      participant {
        ...ParticipantFields
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

export const CREATE_MEETING_FROM_MUTATION: TypedDocumentNode<
  { createMeetingFrom: { meeting: Meeting } },
  { input: { sourceMeetingId: string; startsAt: string; title?: string; isTemplate?: boolean } }
> = gql`
  mutation CreateMeetingFrom($input: CreateMeetingFromInput!) {
    createMeetingFrom(input: $input) {
      meeting {
        ...MeetingFields
      }
    }
  }
  ${MEETING_FIELDS}
`;

export const COPY_AGENDA_MUTATION: TypedDocumentNode<
  { copyAgenda: { meeting: { id: string } } },
  { input: { fromMeetingId: string; toMeetingId: string } }
> = gql`
  mutation CopyAgenda($input: CopyAgendaInput!) {
    copyAgenda(input: $input) {
      meeting {
        id
      }
    }
  }
`;

/** Meetings (or templates) an agenda can be copied from: the latest of the committee first. */
export const AGENDA_SOURCES_QUERY: TypedDocumentNode<
  { templates: { edges: Array<{ node: Meeting }> }; recent: { edges: Array<{ node: Meeting }> } },
  { committeeId: string }
> = gql`
  query AgendaSources($committeeId: ID!) {
    templates: meetings(filter: { templates: true }, first: 20) {
      edges {
        node {
          ...MeetingFields
        }
      }
    }
    recent: meetings(filter: { committeeId: $committeeId }, first: 20) {
      edges {
        node {
          ...MeetingFields
        }
      }
    }
  }
  ${MEETING_FIELDS}
`;

/** The transition mutation for each status the meeting can move to. */
export const TRANSITION_MUTATIONS = {
  SCHEDULED: SCHEDULE_MEETING_MUTATION,
  IN_PROGRESS: START_MEETING_MUTATION,
  CLOSED: CLOSE_MEETING_MUTATION,
  CANCELLED: CANCEL_MEETING_MUTATION,
} as const satisfies Partial<Record<MeetingStatus, unknown>>;

/** One file with its bytes, asked for only when it is opened. */
export const ATTACHMENT_QUERY: TypedDocumentNode<
  { attachment: { id: string; name: string; mediaType: string; contentBase64: string } | null },
  { id: string }
> = gql`
  query Attachment($id: ID!) {
    attachment(id: $id) {
      id
      name
      mediaType
      contentBase64
    }
  }
`;

/** Removes a file; the meeting's or the item's list of files comes back without it. */
export const REMOVE_ATTACHMENT_MUTATION: TypedDocumentNode<
  { removeAttachment: { removedId: string } },
  { input: { id: string } }
> = gql`
  mutation RemoveAttachment($input: RemoveAttachmentInput!) {
    removeAttachment(input: $input) {
      removedId
      meeting {
        id
        attachments {
          id
          name
          mediaType
          size
        }
      }
      agendaItem {
        id
        attachments {
          id
          name
          mediaType
          size
        }
      }
    }
  }
`;

/** The agenda alone: what an item added, moved, removed or voted on changes. */
export const MEETING_AGENDA_QUERY: TypedDocumentNode<
  { meeting: Pick<MeetingRoom, 'id' | 'version' | 'agendaDurationMinutes' | 'readiness' | 'agenda'> | null },
  { id: string }
> = gql`
  query MeetingAgenda($id: ID!) {
    meeting(id: $id) {
      id
      version
      agendaDurationMinutes
      readiness {
        complete
        total
        ready
        appraisalFinished
        materialsAttached
        presenterConfirmed
        participants
        materialsRead
      }
      agenda {
        ...AgendaItemFields
      }
    }
  }
  ${AGENDA_ITEM_FIELDS}
`;

/** The participants alone, with the quorum and readiness their attendance and reading move. */
export const MEETING_PARTICIPANTS_QUERY: TypedDocumentNode<
  { meeting: Pick<MeetingRoom, 'id' | 'quorum' | 'readiness' | 'participants'> | null },
  { id: string }
> = gql`
  query MeetingParticipants($id: ID!) {
    meeting(id: $id) {
      id
      quorum {
        members
        present
        required
        reached
      }
      readiness {
        complete
        total
        ready
        appraisalFinished
        materialsAttached
        presenterConfirmed
        participants
        materialsRead
      }
      participants(first: 100) {
        totalCount
        edges {
          node {
            ...ParticipantFields
          }
        }
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

/** The meeting's details from the room's header; chair and secretary change participants' roles too. */
export const UPDATE_MEETING_DETAILS_MUTATION: TypedDocumentNode<
  { updateMeeting: { meeting: Omit<MeetingRoom, 'agenda'> } },
  { input: UpdateMeetingInput }
> = gql`
  mutation UpdateMeetingDetails($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      meeting {
        ...MeetingRoomFields
        participants(first: 100) {
          totalCount
          edges {
            node {
              ...ParticipantFields
            }
          }
        }
      }
    }
  }
  ${MEETING_ROOM_FIELDS}
  ${PARTICIPANT_FIELDS}
`;

/** People who can be invited to a meeting (the server leaves out who may not take part). */
export const PEOPLE_QUERY: TypedDocumentNode<
  {
    users: {
      edges: Array<{ node: { id: string; fullName: string; jobTitle: string | null; active: boolean } }>;
    };
  },
  Record<string, never>
> = gql`
  query People {
    users(first: 100, filter: { mayTakePart: true }) {
      edges {
        node {
          id
          fullName
          jobTitle
          active
        }
      }
    }
  }
`;

export const ADD_PARTICIPANTS_MUTATION: TypedDocumentNode<
  { addParticipants: { participants: Participant[] } },
  {
    input: {
      meetingId: string;
      participants: Array<{ userId: string; role: ParticipantRole }>;
      units?: Array<{ unitId: string; role: ParticipantRole }>;
    };
  }
> = gql`
  mutation AddParticipants($input: AddParticipantsInput!) {
    addParticipants(input: $input) {
      participants {
        ...ParticipantFields
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

export const UPDATE_PARTICIPANT_MUTATION: TypedDocumentNode<
  { updateParticipant: { participant: Participant } },
  { input: { id: string; expectedVersion: number; role: ParticipantRole } }
> = gql`
  mutation UpdateParticipant($input: UpdateParticipantInput!) {
    updateParticipant(input: $input) {
      participant {
        ...ParticipantFields
      }
    }
  }
  ${PARTICIPANT_FIELDS}
`;

export const REMOVE_PARTICIPANT_MUTATION: TypedDocumentNode<
  { removeParticipant: { removedId: string } },
  { input: { id: string } }
> = gql`
  mutation RemoveParticipant($input: RemoveParticipantInput!) {
    removeParticipant(input: $input) {
      removedId
    }
  }
`;
