// Result types of the follow-up report (followup.operations.ts), written by hand against schema/schema.graphql.

export interface FollowUpCounts {
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}

export interface FollowUpUnitRow extends FollowUpCounts {
  unit: { id: string; name: string; shortName: string | null };
}

export interface FollowUpReportData {
  followUpReport: {
    asOf: string;
    rows: FollowUpUnitRow[];
    totals: FollowUpCounts;
  };
}

/** `YYYY-MM-DD` days in the organization's time zone, and the meeting the tasks came from. */
export interface FollowUpFilter {
  dueFrom?: string;
  dueTo?: string;
  sourceMeetingId?: string;
}

export interface FollowUpMeetingsData {
  meetings: { edges: Array<{ node: { id: string; title: string; startsAt: string } }> };
}
