// The notification centre in the header and the preferences on /account. Validated against the schema by
// `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type { NotificationKind } from '@quorum/shared';
import { EVENT_ACTOR_FIELDS, SUBJECT_TITLE_FIELDS } from './event.fragments';

/** What a notification is about, as far as the centre needs it: a title and where it lives. */
export type NotificationSubject =
  | { __typename: 'Task' | 'Meeting' | 'Proposal' | 'WorkProgramme'; id: string; title: string }
  | { __typename: 'AgendaItem'; id: string; title: string; meeting: { id: string } }
  | { __typename: 'Appraisal'; id: string; proposal: { id: string; title: string } }
  | { __typename: 'ProgrammeItem'; id: string; title: string; programme: { id: string } }
  | { __typename: 'Organization' | 'Unit' | 'User'; id: string };

export interface NotificationNode {
  __typename?: 'Notification';
  id: string;
  kind: NotificationKind;
  createdAt: string;
  readAt: string | null;
  event: {
    type: string;
    actor: { id: string; fullName: string } | null;
    subject: NotificationSubject | null;
  };
}

const NOTIFICATION_FIELDS = gql`
  fragment NotificationFields on Notification {
    id
    kind
    createdAt
    readAt
    event {
      type
      actor {
        ...EventActorFields
      }
      subject {
        ...SubjectTitleFields
        ... on WorkProgramme {
          id
          title
        }
        ... on AgendaItem {
          id
          title
          meeting {
            id
          }
        }
        ... on Appraisal {
          id
          proposal {
            id
            title
          }
        }
        ... on ProgrammeItem {
          id
          title
          programme {
            id
          }
        }
        ... on Organization {
          id
        }
        ... on Unit {
          id
        }
        ... on User {
          id
        }
      }
    }
  }
  ${EVENT_ACTOR_FIELDS}
  ${SUBJECT_TITLE_FIELDS}
`;

export interface NotificationsQueryData {
  notifications: {
    edges: { cursor: string; node: NotificationNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number;
    unreadCount: number;
  };
}

export const NOTIFICATIONS_QUERY: TypedDocumentNode<
  NotificationsQueryData,
  { first?: number; after?: string | null; unreadOnly?: boolean }
> = gql`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      unreadCount
    }
  }
  ${NOTIFICATION_FIELDS}
`;

export interface NotificationsSubscriptionData {
  notifications: { unreadCount: number; notification: NotificationNode | null };
}

export const NOTIFICATIONS_SUBSCRIPTION: TypedDocumentNode<
  NotificationsSubscriptionData,
  Record<string, never>
> = gql`
  subscription NotificationUpdates {
    notifications {
      unreadCount
      notification {
        ...NotificationFields
      }
    }
  }
  ${NOTIFICATION_FIELDS}
`;

export const MARK_NOTIFICATIONS_READ_MUTATION: TypedDocumentNode<
  { markNotificationsRead: { unreadCount: number } },
  { input: { ids?: string[]; all?: boolean } }
> = gql`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) {
      unreadCount
    }
  }
`;

export interface NotificationPreferenceNode {
  kind: NotificationKind;
  inApp: boolean;
  email: boolean;
}

export const NOTIFICATION_PREFERENCES_QUERY: TypedDocumentNode<
  { viewer: { id: string; notificationPreferences: NotificationPreferenceNode[] | null } | null },
  Record<string, never>
> = gql`
  query NotificationPreferences {
    viewer {
      id
      notificationPreferences {
        kind
        inApp
        email
      }
    }
  }
`;

export const UPDATE_NOTIFICATION_PREFERENCES_MUTATION: TypedDocumentNode<
  { updateNotificationPreferences: { preferences: NotificationPreferenceNode[] } },
  { input: { preferences: NotificationPreferenceNode[] } }
> = gql`
  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {
    updateNotificationPreferences(input: $input) {
      preferences {
        kind
        inApp
        email
      }
    }
  }
`;

/** The client's page of a notification's object (an agenda item's meeting, a round's proposal), if any. */
export function notificationPath(subject: NotificationSubject | null): string | null {
  if (!subject) return null;
  switch (subject.__typename) {
    case 'Task':
      return `/tasks/${subject.id}`;
    case 'Meeting':
      return `/meetings/${subject.id}`;
    case 'Proposal':
      return `/proposals/${subject.id}`;
    case 'WorkProgramme':
      return `/programme/${subject.id}`;
    case 'AgendaItem':
      return `/meetings/${subject.meeting.id}`;
    case 'Appraisal':
      return `/proposals/${subject.proposal.id}`;
    case 'ProgrammeItem':
      return `/programme/${subject.programme.id}`;
    default:
      return null;
  }
}

/** The title shown for a notification's object. */
export function notificationTitle(subject: NotificationSubject | null): string | null {
  if (!subject) return null;
  if (subject.__typename === 'Appraisal') return subject.proposal.title;
  return 'title' in subject ? subject.title : null;
}
