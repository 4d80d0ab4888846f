// Presence in the meeting room. The two mutations travel on the WebSocket (see client.ts), so that closing
// the tab or losing the connection takes the announcement with it at once, not after the server's timeout.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  AnnouncePresenceMutationData,
  AnnouncePresenceMutationVariables,
  LeavePresenceMutationData,
  LeavePresenceMutationVariables,
  PresenceSubscriptionData,
  PresenceVariables,
} from './types';

/** The operations that go over the socket although they are not subscriptions. */
export const SOCKET_MUTATIONS: ReadonlySet<string> = new Set(['AnnouncePresence', 'LeavePresence']);

export const PRESENCE_SUBSCRIPTION: TypedDocumentNode<PresenceSubscriptionData, PresenceVariables> = gql`
  subscription Presence($scope: PresenceScopeInput!) {
    presence(scope: $scope) {
      user {
        id
        fullName
      }
      editing
      since
    }
  }
`;

export const ANNOUNCE_PRESENCE_MUTATION: TypedDocumentNode<
  AnnouncePresenceMutationData,
  AnnouncePresenceMutationVariables
> = gql`
  mutation AnnouncePresence($input: AnnouncePresenceInput!) {
    announcePresence(input: $input) {
      presence {
        user {
          id
          fullName
        }
        editing
        since
      }
    }
  }
`;

export const LEAVE_PRESENCE_MUTATION: TypedDocumentNode<
  LeavePresenceMutationData,
  LeavePresenceMutationVariables
> = gql`
  mutation LeavePresence($input: LeavePresenceInput!) {
    leavePresence(input: $input) {
      presence {
        user {
          id
        }
      }
    }
  }
`;
