// Operations and result types of the account page and the administration pages
// (users, units, API tokens), written by hand against schema/schema.graphql.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type { ApiTokenScope, MembershipRole, SystemRole, UnitKind } from '@quorum/shared';
import type { Connection } from './types';

type NoVariables = Record<string, never>;

// ---------------------------------------------------------------------------
// Types

export interface UnitRefWithKind {
  __typename?: 'Unit';
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
}

export interface MembershipNode {
  __typename?: 'Membership';
  id: string;
  role: MembershipRole;
  unit: UnitRefWithKind;
}

export interface ViewerRole {
  __typename?: 'User';
  id: string;
  systemRole: SystemRole;
}

export interface AccountProfile extends ViewerRole {
  email: string;
  fullName: string;
  jobTitle: string | null;
  memberships: MembershipNode[];
}

export interface DirectoryUser extends AccountProfile {
  active: boolean;
  viewerCan: { update: boolean; deactivate: boolean; manageMemberships: boolean };
}

export interface DirectoryUnit extends UnitRefWithKind {
  parent: { __typename?: 'Unit'; id: string } | null;
  viewerCan: { update: boolean };
}

export interface SessionNode {
  __typename?: 'Session';
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
}

export interface ApiTokenNode {
  __typename?: 'ApiToken';
  id: string;
  name: string;
  scopes: ApiTokenScope[];
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  /** Set when the owner's password changed: the token asks to be confirmed or revoked. */
  reviewRequestedAt: string | null;
  owner: { __typename?: 'User'; id: string; fullName: string; email: string };
  viewerCan: { revoke: boolean };
}

export interface CalendarFeedInfo {
  createdAt: string;
  lastUsedAt: string | null;
}

export interface PageVariables {
  first?: number;
  after?: string | null;
}

// ---------------------------------------------------------------------------
// Fragments

const MEMBERSHIP_FIELDS = gql`
  fragment MembershipFields on Membership {
    id
    role
    unit {
      id
      name
      shortName
      kind
    }
  }
`;

const DIRECTORY_USER_FIELDS = gql`
  fragment DirectoryUserFields on User {
    id
    email
    fullName
    jobTitle
    systemRole
    active
    memberships {
      ...MembershipFields
    }
    viewerCan {
      update
      deactivate
      manageMemberships
    }
  }
  ${MEMBERSHIP_FIELDS}
`;

const DIRECTORY_UNIT_FIELDS = gql`
  fragment DirectoryUnitFields on Unit {
    id
    name
    shortName
    kind
    parent {
      id
    }
    viewerCan {
      update
    }
  }
`;

const API_TOKEN_FIELDS = gql`
  fragment ApiTokenFields on ApiToken {
    id
    name
    scopes
    createdAt
    lastUsedAt
    expiresAt
    revokedAt
    reviewRequestedAt
    owner {
      id
      fullName
      email
    }
    viewerCan {
      revoke
    }
  }
`;

// ---------------------------------------------------------------------------
// Queries

/** Whether the viewer administers the organization (the header's links, the admin pages). */
export const VIEWER_ROLE_QUERY: TypedDocumentNode<{ viewer: ViewerRole | null }, NoVariables> = gql`
  query ViewerRole {
    viewer {
      id
      systemRole
    }
  }
`;

export const ACCOUNT_QUERY: TypedDocumentNode<{ viewer: AccountProfile | null }, NoVariables> = gql`
  query Account {
    viewer {
      id
      email
      fullName
      jobTitle
      systemRole
      memberships {
        ...MembershipFields
      }
    }
  }
  ${MEMBERSHIP_FIELDS}
`;

export const SESSIONS_QUERY: TypedDocumentNode<{ sessions: SessionNode[] }, NoVariables> = gql`
  query Sessions {
    sessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      current
    }
  }
`;

/** The viewer's tokens; for administrators, every token of the organization. */
export const API_TOKENS_QUERY: TypedDocumentNode<{ apiTokens: ApiTokenNode[] }, NoVariables> = gql`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
  ${API_TOKEN_FIELDS}
`;

export const CALENDAR_FEED_QUERY: TypedDocumentNode<{ calendarFeed: CalendarFeedInfo | null }, NoVariables> =
  gql`
    query CalendarFeed {
      calendarFeed {
        createdAt
        lastUsedAt
      }
    }
  `;

export const DIRECTORY_USERS_QUERY: TypedDocumentNode<{ users: Connection<DirectoryUser> }, PageVariables> =
  gql`
    query DirectoryUsers($first: Int, $after: String) {
      users(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...DirectoryUserFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
    ${DIRECTORY_USER_FIELDS}
  `;

export const DIRECTORY_UNITS_QUERY: TypedDocumentNode<{ units: Connection<DirectoryUnit> }, PageVariables> =
  gql`
    query DirectoryUnits($first: Int, $after: String) {
      units(first: $first, after: $after) {
        edges {
          cursor
          node {
            ...DirectoryUnitFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
    ${DIRECTORY_UNIT_FIELDS}
  `;

// ---------------------------------------------------------------------------
// Mutations: the account

export const CHANGE_PASSWORD_MUTATION: TypedDocumentNode<
  { changePassword: boolean },
  { input: { currentPassword: string; newPassword: string } }
> = gql`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`;

export const REVOKE_SESSION_MUTATION: TypedDocumentNode<{ revokeSession: boolean }, { id: string }> = gql`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`;

export interface CreateApiTokenInput {
  name: string;
  scopes: ApiTokenScope[];
  expiresAt?: string | null;
  ownerId?: string | null;
}

export const CREATE_API_TOKEN_MUTATION: TypedDocumentNode<
  { createApiToken: { token: string; apiToken: ApiTokenNode } },
  { input: CreateApiTokenInput }
> = gql`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
  ${API_TOKEN_FIELDS}
`;

export const REVOKE_API_TOKEN_MUTATION: TypedDocumentNode<
  { revokeApiToken: { apiToken: ApiTokenNode } },
  { id: string }
> = gql`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      apiToken {
        ...ApiTokenFields
      }
    }
  }
  ${API_TOKEN_FIELDS}
`;

export const CONFIRM_API_TOKEN_MUTATION: TypedDocumentNode<
  { confirmApiToken: { apiToken: ApiTokenNode } },
  { id: string }
> = gql`
  mutation ConfirmApiToken($id: ID!) {
    confirmApiToken(id: $id) {
      apiToken {
        ...ApiTokenFields
      }
    }
  }
  ${API_TOKEN_FIELDS}
`;

export const CREATE_CALENDAR_FEED_MUTATION: TypedDocumentNode<
  { createCalendarFeed: { url: string; token: string } },
  NoVariables
> = gql`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
      token
    }
  }
`;

export const REVOKE_CALENDAR_FEED_MUTATION: TypedDocumentNode<{ revokeCalendarFeed: boolean }, NoVariables> =
  gql`
    mutation RevokeCalendarFeed {
      revokeCalendarFeed
    }
  `;

// ---------------------------------------------------------------------------
// Mutations: administration

export interface UnitInput {
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
}

export const CREATE_UNIT_MUTATION: TypedDocumentNode<
  { createUnit: { unit: DirectoryUnit } },
  { input: UnitInput }
> = gql`
  mutation CreateUnit($input: CreateUnitInput!) {
    createUnit(input: $input) {
      unit {
        ...DirectoryUnitFields
      }
    }
  }
  ${DIRECTORY_UNIT_FIELDS}
`;

export const UPDATE_UNIT_MUTATION: TypedDocumentNode<
  { updateUnit: { unit: DirectoryUnit } },
  { input: UnitInput & { id: string } }
> = gql`
  mutation UpdateUnit($input: UpdateUnitInput!) {
    updateUnit(input: $input) {
      unit {
        ...DirectoryUnitFields
      }
    }
  }
  ${DIRECTORY_UNIT_FIELDS}
`;

export interface InviteUserInput {
  email: string;
  fullName: string;
  jobTitle?: string | null;
  unitId?: string | null;
  role?: MembershipRole | null;
}

export const INVITE_USER_MUTATION: TypedDocumentNode<
  { inviteUser: { temporaryPassword: string; user: DirectoryUser } },
  { input: InviteUserInput }
> = gql`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      temporaryPassword
      user {
        ...DirectoryUserFields
      }
    }
  }
  ${DIRECTORY_USER_FIELDS}
`;

export const SET_USER_ACTIVE_MUTATION: TypedDocumentNode<
  { setUserActive: { user: DirectoryUser } },
  { input: { id: string; active: boolean } }
> = gql`
  mutation SetUserActive($input: SetUserActiveInput!) {
    setUserActive(input: $input) {
      user {
        ...DirectoryUserFields
      }
    }
  }
  ${DIRECTORY_USER_FIELDS}
`;

export const SET_SYSTEM_ROLE_MUTATION: TypedDocumentNode<
  { setSystemRole: { user: DirectoryUser } },
  { input: { id: string; systemRole: SystemRole } }
> = gql`
  mutation SetSystemRole($input: SetSystemRoleInput!) {
    setSystemRole(input: $input) {
      user {
        ...DirectoryUserFields
      }
    }
  }
  ${DIRECTORY_USER_FIELDS}
`;

/** Adds the membership or changes its role; the user comes back with all their memberships. */
export const SET_MEMBERSHIP_MUTATION: TypedDocumentNode<
  { setMembership: { membership: MembershipNode & { user: DirectoryUser } } },
  { input: { userId: string; unitId: string; role: MembershipRole } }
> = gql`
  mutation SetMembership($input: SetMembershipInput!) {
    setMembership(input: $input) {
      membership {
        ...MembershipFields
        user {
          ...DirectoryUserFields
        }
      }
    }
  }
  ${DIRECTORY_USER_FIELDS}
`;

export const REMOVE_MEMBERSHIP_MUTATION: TypedDocumentNode<
  { removeMembership: boolean },
  { input: { userId: string; unitId: string } }
> = gql`
  mutation RemoveMembership($input: RemoveMembershipInput!) {
    removeMembership(input: $input)
  }
`;
