// The parts of a change (ChangeEvent) that the feeds, the histories and the notifications select alike.
import { gql } from '@apollo/client';

/** Who made a change. */
export const EVENT_ACTOR_FIELDS = gql`
  fragment EventActorFields on User {
    id
    fullName
  }
`;

/** A change's place in the feed, its type, time and author: what every screen following changes reads. */
export const CHANGE_EVENT_FIELDS = gql`
  fragment ChangeEventFields on ChangeEvent {
    cursor
    type
    occurredAt
    actor {
      ...EventActorFields
    }
  }
  ${EVENT_ACTOR_FIELDS}
`;

/** A task, meeting or proposal that a change concerns, named by its title (the dashboard, a notification). */
export const SUBJECT_TITLE_FIELDS = gql`
  fragment SubjectTitleFields on EventSubject {
    __typename
    ... on Task {
      id
      title
    }
    ... on Meeting {
      id
      title
    }
    ... on Proposal {
      id
      title
    }
  }
`;
