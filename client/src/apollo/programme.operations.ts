// Work programmes ("chương trình công tác"): the list, one programme with its progress and items, the office's
// mutations, and the feeds that keep them live. Validated against the schema by
// `pnpm --filter @quorum/client check:operations`.
import { gql } from '@apollo/client';
import type { TypedDocumentNode } from '@apollo/client';
import type {
  AddProgrammeItemInput,
  CreateWorkProgrammeInput,
  Programme,
  ProgrammeAbilitiesData,
  ProgrammeEventsData,
  ProgrammeItem,
  ProgrammeQueryData,
  ProgrammesQueryData,
  ProposalOptionsData,
  UpdateProgrammeItemInput,
} from './programme.types';
import { EVENT_ACTOR_FIELDS } from './event.fragments';

const PROGRAMME_ROW_FIELDS = gql`
  fragment ProgrammeRowFields on WorkProgramme {
    id
    year
    title
    unit {
      id
      name
      shortName
    }
    plannedCount
    adoptedCount
    progress
    slippingCount
  }
`;

export const PROGRAMME_ITEM_FIELDS: TypedDocumentNode<ProgrammeItem> = gql`
  fragment ProgrammeItemFields on ProgrammeItem {
    id
    version
    title
    kind
    plannedMonth
    status
    slipping
    leadUnit {
      id
      name
      shortName
    }
    proposal {
      id
      title
      referenceNumber
      status
    }
    meeting {
      id
      title
      startsAt
    }
    programme {
      id
    }
  }
`;

/** The figures derived from the items: read again with every change of an item. */
const PROGRAMME_FIELDS: TypedDocumentNode<Programme> = gql`
  fragment ProgrammeFields on WorkProgramme {
    ...ProgrammeRowFields
    viewerCan {
      update
    }
    progressByMonth {
      month
      planned
      adopted
      plannedToDate
      adoptedToDate
    }
    progressByUnit {
      unit {
        id
        name
        shortName
      }
      planned
      adopted
      slipping
      progress
    }
    items {
      ...ProgrammeItemFields
    }
  }
  ${PROGRAMME_ROW_FIELDS}
  ${PROGRAMME_ITEM_FIELDS}
`;

export const PROGRAMMES_QUERY: TypedDocumentNode<
  ProgrammesQueryData,
  { first?: number; after?: string | null }
> = gql`
  query Programmes($first: Int, $after: String) {
    programmes(first: $first, after: $after) {
      edges {
        cursor
        node {
          ...ProgrammeRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
  ${PROGRAMME_ROW_FIELDS}
`;

export const PROGRAMME_QUERY: TypedDocumentNode<ProgrammeQueryData, { id: string }> = gql`
  query Programme($id: ID!) {
    programme(id: $id) {
      ...ProgrammeFields
    }
  }
  ${PROGRAMME_FIELDS}
`;

/** Whether the viewer may create a programme (the office). */
export const PROGRAMME_ABILITIES_QUERY: TypedDocumentNode<
  ProgrammeAbilitiesData,
  Record<string, never>
> = gql`
  query ProgrammeAbilities {
    viewer {
      id
      can {
        createProgramme
      }
    }
  }
`;

/** The proposals an item may be linked to (the most recent hundred the viewer may read). */
export const PROPOSAL_OPTIONS_QUERY: TypedDocumentNode<ProposalOptionsData, Record<string, never>> = gql`
  query ProgrammeProposalOptions {
    proposals(first: 100) {
      edges {
        cursor
        node {
          id
          title
          referenceNumber
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`;

export const CREATE_PROGRAMME_MUTATION: TypedDocumentNode<
  { createWorkProgramme: { programme: { id: string } } },
  { input: CreateWorkProgrammeInput }
> = gql`
  mutation CreateWorkProgramme($input: CreateWorkProgrammeInput!) {
    createWorkProgramme(input: $input) {
      programme {
        ...ProgrammeRowFields
      }
    }
  }
  ${PROGRAMME_ROW_FIELDS}
`;

export const UPDATE_PROGRAMME_MUTATION: TypedDocumentNode<
  { updateWorkProgramme: { programme: { id: string; title: string } } },
  { input: { programmeId: string; title: string } }
> = gql`
  mutation UpdateWorkProgramme($input: UpdateWorkProgrammeInput!) {
    updateWorkProgramme(input: $input) {
      programme {
        id
        title
      }
    }
  }
`;

// The item mutations answer the whole programme: its progress changes with every item.
export const ADD_PROGRAMME_ITEM_MUTATION: TypedDocumentNode<
  { addProgrammeItem: { item: ProgrammeItem; programme: Programme } },
  { input: AddProgrammeItemInput }
> = gql`
  mutation AddProgrammeItem($input: AddProgrammeItemInput!) {
    addProgrammeItem(input: $input) {
      item {
        ...ProgrammeItemFields
      }
      programme {
        ...ProgrammeFields
      }
    }
  }
  ${PROGRAMME_ITEM_FIELDS}
  ${PROGRAMME_FIELDS}
`;

export const UPDATE_PROGRAMME_ITEM_MUTATION: TypedDocumentNode<
  { updateProgrammeItem: { item: ProgrammeItem; programme: Programme } },
  { input: UpdateProgrammeItemInput }
> = gql`
  mutation UpdateProgrammeItem($input: UpdateProgrammeItemInput!) {
    updateProgrammeItem(input: $input) {
      item {
        ...ProgrammeItemFields
      }
      programme {
        ...ProgrammeFields
      }
    }
  }
  ${PROGRAMME_ITEM_FIELDS}
  ${PROGRAMME_FIELDS}
`;

export const REMOVE_PROGRAMME_ITEM_MUTATION: TypedDocumentNode<
  { removeProgrammeItem: { removedId: string; programme: Programme } },
  { input: { itemId: string } }
> = gql`
  mutation RemoveProgrammeItem($input: RemoveProgrammeItemInput!) {
    removeProgrammeItem(input: $input) {
      removedId
      programme {
        ...ProgrammeFields
      }
    }
  }
  ${PROGRAMME_FIELDS}
`;

const PROGRAMME_EVENT_FIELDS = gql`
  fragment ProgrammeEventFields on ChangeEvent {
    cursor
    type
    actor {
      ...EventActorFields
    }
    subject {
      __typename
      ... on ProgrammeItem {
        id
        title
        programme {
          id
        }
      }
      ... on WorkProgramme {
        id
        title
      }
    }
  }
  ${EVENT_ACTOR_FIELDS}
`;

/** One programme's own feed: the office's edits of it and its items. */
export const PROGRAMME_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  ProgrammeEventsData,
  { id: string; after?: string }
> = gql`
  subscription ProgrammeEvents($id: ID!, $after: String) {
    events(scope: { type: PROGRAMME, id: $id }, after: $after) {
      ...ProgrammeEventFields
    }
  }
  ${PROGRAMME_EVENT_FIELDS}
`;

/**
 * The organization's feed, for what the programme's scope does not carry: an adoption marks items adopted in
 * its proposal's scope. The list follows it too (a new programme, any item's change).
 */
export const PROGRAMME_ORGANIZATION_EVENTS_SUBSCRIPTION: TypedDocumentNode<
  ProgrammeEventsData,
  { after?: string }
> = gql`
  subscription ProgrammeOrganizationEvents($after: String) {
    events(scope: { type: ORGANIZATION }, after: $after) {
      ...ProgrammeEventFields
    }
  }
  ${PROGRAMME_EVENT_FIELDS}
`;
