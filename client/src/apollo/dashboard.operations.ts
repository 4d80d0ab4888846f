// The leaders' dashboard: one query for its figures, and the organization's feed that tells it to read them
// again. Validated against the schema by `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type { AppraisalStatus, MeetingStatus, TaskStatus } from '@quorum/shared';
import type { LiveFeedEvent } from '../hooks/useLiveFeed';
import type { ProgrammeMonthProgress } from './programme.types';
import { EVENT_ACTOR_FIELDS, SUBJECT_TITLE_FIELDS } from './event.fragments';

interface UnitRef {
  id: string;
  name: string;
  shortName: string | null;
}

export interface DashboardData {
  dashboard: {
    year: number;
    asOf: string;
    plannedCount: number;
    adoptedCount: number;
    openStatuses: TaskStatus[];
    programmes: { id: string; title: string; plannedCount: number; adoptedCount: number; unit: UnitRef }[];
    programmeProgress: ProgrammeMonthProgress[];
    tasksByStatus: { status: TaskStatus; count: number }[];
    tasksByUnit: { unit: UnitRef; open: number; overdue: number; done: number }[];
    overdueTrend: { at: string; date: string; overdue: number }[];
    upcomingStatuses: MeetingStatus[];
    upcomingFrom: string;
    upcomingMeetingCount: number;
    upcomingMeetings: {
      id: string;
      title: string;
      startsAt: string;
      status: MeetingStatus;
      committee: UnitRef;
      readiness: {
        total: number;
        ready: number;
        complete: boolean;
        participants: number;
        materialsRead: number;
      };
    }[];
    appraisalsWaiting: number;
    appraisalsOverdue: number;
    waitingForViewerUnits: {
      overdue: boolean;
      assignment: { id: string; unit: UnitRef };
      appraisal: {
        id: string;
        dueAt: string;
        status: AppraisalStatus;
        proposal: { id: string; title: string };
      };
    }[];
    ownOpenTaskCount: number;
    ownTasks: { id: string; title: string; status: TaskStatus; dueAt: string; overdue: boolean }[];
  };
}

const UNIT_FIELDS = gql`
  fragment DashboardUnitFields on Unit {
    id
    name
    shortName
  }
`;

export const DASHBOARD_QUERY: TypedDocumentNode<DashboardData, { year?: number }> = gql`
  query Dashboard($year: Int) {
    dashboard(year: $year) {
      year
      asOf
      plannedCount
      adoptedCount
      openStatuses
      programmes {
        id
        title
        plannedCount
        adoptedCount
        unit {
          ...DashboardUnitFields
        }
      }
      programmeProgress {
        month
        planned
        adopted
        plannedToDate
        adoptedToDate
      }
      tasksByStatus {
        status
        count
      }
      tasksByUnit {
        unit {
          ...DashboardUnitFields
        }
        open
        overdue
        done
      }
      overdueTrend {
        at
        date
        overdue
      }
      upcomingStatuses
      upcomingFrom
      upcomingMeetingCount
      upcomingMeetings {
        id
        title
        startsAt
        status
        committee {
          ...DashboardUnitFields
        }
        readiness {
          total
          ready
          complete
          participants
          materialsRead
        }
      }
      appraisalsWaiting
      appraisalsOverdue
      waitingForViewerUnits {
        overdue
        assignment {
          id
          unit {
            ...DashboardUnitFields
          }
        }
        appraisal {
          id
          dueAt
          status
          proposal {
            id
            title
          }
        }
      }
      ownOpenTaskCount
      ownTasks {
        id
        title
        status
        dueAt
        overdue
      }
    }
  }
  ${UNIT_FIELDS}
`;

export interface DashboardFeedEvent extends LiveFeedEvent {
  actor: { id: string; fullName: string } | null;
  subject: { __typename: string; title?: string } | null;
}

/** Every change the viewer may see: any of them may move a figure. */
export const DASHBOARD_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  { events: DashboardFeedEvent },
  { after?: string }
> = gql`
  subscription DashboardEvents($after: String) {
    events(scope: { type: ORGANIZATION }, after: $after) {
      cursor
      type
      actor {
        ...EventActorFields
      }
      subject {
        ...SubjectTitleFields
      }
    }
  }
  ${EVENT_ACTOR_FIELDS}
  ${SUBJECT_TITLE_FIELDS}
`;
