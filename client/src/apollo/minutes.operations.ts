// A meeting's minutes as GraphQL tells them (their text itself is co-edited over /collab): whether this person
// writes them, whether they are locked, when last stored. Every field is in schema/schema.graphql.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import { DOCUMENT_VERSION_ROW, type DocumentVersionRow } from './document-versions.operations';

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

export interface MeetingMinutesVersionsData {
  meeting: {
    id: string;
    minutes: { viewerCanEdit: boolean } | null;
    minutesVersions: { totalCount: number; edges: { node: DocumentVersionRow }[] };
  } | null;
}

/**
 * The minutes' saved versions, newest first, and whether the viewer keeps and restores them (who writes the
 * minutes now does).
 */
export const MEETING_MINUTES_VERSIONS_QUERY: TypedDocumentNode<MeetingMinutesVersionsData, { id: string }> =
  gql`
    query MeetingMinutesVersions($id: ID!) {
      meeting(id: $id) {
        id
        minutes {
          viewerCanEdit
        }
        minutesVersions(first: 100) {
          totalCount
          edges {
            node {
              ...DocumentVersionRow
            }
          }
        }
      }
    }
    ${DOCUMENT_VERSION_ROW}
  `;
