// Result types of the client's operations, written by hand against the contract in
// schema/schema.graphql. Enum values are the shared enums, so labels and payloads agree.
import type { Classification, MeetingKind, MeetingStatus, UnitKind } from '@quorum/shared';

export interface UserSummary {
  __typename?: 'User';
  id: string;
  fullName: string;
}

export interface Viewer extends UserSummary {
  email: string;
  jobTitle: string | null;
  locale: string;
}

export interface Organization {
  __typename?: 'Organization';
  id: string;
  name: string;
  slug: string;
  locale: string;
  timeZone: string;
}

export interface Unit {
  __typename?: 'Unit';
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
}

export interface Meeting {
  __typename?: 'Meeting';
  id: string;
  version: number;
  title: string;
  kind: MeetingKind;
  status: MeetingStatus;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  classification: Classification;
  committee: Pick<Unit, '__typename' | 'id' | 'name' | 'shortName'>;
  updatedAt: string;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

export interface ViewerQueryData {
  viewer: Viewer | null;
  organization: Organization;
}

export interface MeetingsQueryData {
  meetings: Connection<Meeting>;
}

export interface MeetingFilter {
  status?: MeetingStatus[];
  kind?: MeetingKind[];
  committeeId?: string;
  from?: string;
  to?: string;
}

export interface MeetingsQueryVariables {
  filter?: MeetingFilter | null;
  first?: number;
  after?: string | null;
}

export interface MeetingQueryData {
  meeting: Meeting | null;
}

export interface UnitsQueryData {
  units: Connection<Unit>;
}

export interface LoginMutationData {
  login: { token: string; user: Viewer };
}

export interface LoginMutationVariables {
  input: { email: string; password: string };
}

export interface LogoutMutationData {
  logout: boolean;
}

export interface CreateMeetingInput {
  committeeId: string;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt?: string | null;
  location?: string | null;
  classification?: Classification | null;
}

export interface CreateMeetingMutationData {
  createMeeting: { meeting: Meeting };
}

export interface UpdateMeetingInput {
  id: string;
  expectedVersion: number;
  title?: string;
  kind?: MeetingKind;
  startsAt?: string;
  endsAt?: string | null;
  location?: string | null;
  classification?: Classification;
}

export interface UpdateMeetingMutationData {
  updateMeeting: { meeting: Meeting };
}

export type EventSubject =
  | (Meeting & { __typename: 'Meeting' })
  | (Pick<Unit, 'id' | 'name' | 'shortName'> & { __typename: 'Unit' })
  | (Pick<Organization, 'id' | 'name'> & { __typename: 'Organization' });

export interface ChangeEvent {
  cursor: string;
  type: string;
  occurredAt: string;
  actor: UserSummary | null;
  subject: EventSubject | null;
}

export interface EventsSubscriptionData {
  events: ChangeEvent;
}

export interface EventsSubscriptionVariables {
  /** Resume after this cursor: the server replays what came after it, then goes live. */
  after?: string;
}
