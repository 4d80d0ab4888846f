// A meeting's minutes as GraphQL tells them (their text itself is co-edited over /collab): whether this person
// writes them, whether they are locked, when last stored. Every field is in schema/schema.graphql.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';

export interface MeetingMinutesSummary {
  updatedAt: string;
  viewerCanEdit: boolean;
  locked: boolean;
}

export interface MeetingMinutesQueryData {
  meeting: { id: string; minutes: MeetingMinutesSummary | null } | null;
}

export const MEETING_MINUTES_QUERY: TypedDocumentNode<MeetingMinutesQueryData, { id: string }> = gql`
  query MeetingMinutes($id: ID!) {
    meeting(id: $id) {
      id
      minutes {
        updatedAt
        viewerCanEdit
        locked
      }
    }
  }
`;
