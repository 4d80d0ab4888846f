import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  CreateMeetingInput,
  CreateMeetingMutationData,
  EventsSubscriptionData,
  EventsSubscriptionVariables,
  LoginMutationData,
  LoginMutationVariables,
  LogoutMutationData,
  Meeting,
  MeetingQueryData,
  MeetingsQueryData,
  MeetingsQueryVariables,
  UnitsQueryData,
  UpdateMeetingInput,
  UpdateMeetingMutationData,
  ViewerQueryData,
} from './types';
import { CHANGE_EVENT_FIELDS } from './event.fragments';

/** Every field a meeting row shows; the subscription asks for the same, so a live event refreshes the row completely. */
export const MEETING_FIELDS: TypedDocumentNode<Meeting> = gql`
  fragment MeetingFields on Meeting {
    id
    version
    title
    kind
    status
    startsAt
    endsAt
    location
    classification
    updatedAt
    committee {
      id
      name
      shortName
    }
    viewerCan {
      update
    }
  }
`;

export const VIEWER_QUERY: TypedDocumentNode<ViewerQueryData, Record<string, never>> = gql`
  query Viewer {
    viewer {
      id
      email
      fullName
      jobTitle
      locale
      can {
        createMeeting
      }
    }
    organization {
      id
      name
      slug
      locale
      timeZone
    }
  }
`;

export const MEETINGS_QUERY: TypedDocumentNode<MeetingsQueryData, MeetingsQueryVariables> = gql`
  query Meetings($filter: MeetingFilter, $first: Int, $after: String) {
    meetings(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...MeetingFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${MEETING_FIELDS}
`;

export const MEETING_QUERY: TypedDocumentNode<MeetingQueryData, { id: string }> = gql`
  query Meeting($id: ID!) {
    meeting(id: $id) {
      ...MeetingFields
    }
  }
  ${MEETING_FIELDS}
`;

export const UNITS_QUERY: TypedDocumentNode<UnitsQueryData, { first?: number; after?: string | null }> = gql`
  query Units($first: Int, $after: String) {
    units(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          name
          shortName
          kind
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

export const LOGIN_MUTATION: TypedDocumentNode<LoginMutationData, LoginMutationVariables> = gql`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      token
      user {
        id
        email
        fullName
        jobTitle
        locale
      }
    }
  }
`;

export const LOGOUT_MUTATION: TypedDocumentNode<LogoutMutationData, Record<string, never>> = gql`
  mutation Logout {
    logout
  }
`;

export const CREATE_MEETING_MUTATION: TypedDocumentNode<
  CreateMeetingMutationData,
  { input: CreateMeetingInput }
> = gql`
  mutation CreateMeeting($input: CreateMeetingInput!) {
    createMeeting(input: $input) {
      meeting {
        ...MeetingFields
      }
    }
  }
  ${MEETING_FIELDS}
`;

export const UPDATE_MEETING_MUTATION: TypedDocumentNode<
  UpdateMeetingMutationData,
  { input: UpdateMeetingInput }
> = gql`
  mutation UpdateMeeting($input: UpdateMeetingInput!) {
    updateMeeting(input: $input) {
      meeting {
        ...MeetingFields
      }
    }
  }
  ${MEETING_FIELDS}
`;

/**
 * The change feed of everything the viewer may see. `subject` comes back with the same
 * type and id a query returns, so Apollo's normalized cache updates every row showing it.
 * The scope is written inline: the operation then does not depend on the input type's name.
 */
export const ORGANIZATION_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  EventsSubscriptionData,
  EventsSubscriptionVariables
> = gql`
  subscription OrganizationEvents($after: String) {
    events(scope: { type: ORGANIZATION }, after: $after) {
      ...ChangeEventFields
      subject {
        __typename
        ... on Meeting {
          ...MeetingFields
        }
        ... on Unit {
          # not \`kind\`: in one selection it would clash with Meeting.kind (another enum)
          id
          name
          shortName
        }
        ... on Organization {
          id
          name
        }
      }
    }
  }
  ${MEETING_FIELDS}
  ${CHANGE_EVENT_FIELDS}
`;
