// The follow-up report ("theo dõi, đôn đốc"): tasks per assignee unit, and the meetings to narrow it to.
// Validated against the schema by `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type { FollowUpFilter, FollowUpMeetingsData, FollowUpReportData } from './followup.types';

export const FOLLOW_UP_REPORT_QUERY: TypedDocumentNode<
  FollowUpReportData,
  { filter: FollowUpFilter | null }
> = gql`
  query FollowUpReport($filter: FollowUpReportFilter) {
    followUpReport(filter: $filter) {
      asOf
      rows {
        unit {
          id
          name
          shortName
        }
        assigned
        doneOnTime
        doneLate
        overdue
        inProgress
      }
      totals {
        assigned
        doneOnTime
        doneLate
        overdue
        inProgress
      }
    }
  }
`;

/** The meetings whose conclusions give tasks: under way or closed, latest first. */
export const FOLLOW_UP_MEETINGS_QUERY: TypedDocumentNode<FollowUpMeetingsData, Record<string, never>> = gql`
  query FollowUpMeetings {
    meetings(first: 100, filter: { status: [IN_PROGRESS, CLOSED] }) {
      edges {
        cursor
        node {
          id
          title
          startsAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
