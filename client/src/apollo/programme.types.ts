// Result types of the work programme operations (programme.operations.ts), written by hand against
// schema/schema.graphql as types.ts is. Enum values are the shared enums.
import type { ProgrammeItemStatus, ProposalKind, ProposalStatus } from '@quorum/shared';
import type { Connection } from './types';

export interface ProgrammeUnit {
  id: string;
  name: string;
  shortName: string | null;
}

export interface ProgrammeItem {
  __typename?: 'ProgrammeItem';
  id: string;
  version: number;
  title: string;
  kind: ProposalKind;
  plannedMonth: number;
  status: ProgrammeItemStatus;
  slipping: boolean;
  leadUnit: ProgrammeUnit;
  proposal: { id: string; title: string; referenceNumber: string | null; status: ProposalStatus } | null;
  meeting: { id: string; title: string; startsAt: string } | null;
  programme: { id: string };
}

export interface ProgrammeMonthProgress {
  month: number;
  planned: number;
  adopted: number;
  plannedToDate: number;
  adoptedToDate: number;
}

export interface ProgrammeUnitProgress {
  unit: ProgrammeUnit;
  planned: number;
  adopted: number;
  slipping: number;
  progress: number;
}

/** What a row of the programmes list shows. */
export interface ProgrammeRow {
  __typename?: 'WorkProgramme';
  id: string;
  year: number;
  title: string;
  unit: ProgrammeUnit;
  plannedCount: number;
  adoptedCount: number;
  progress: number;
  slippingCount: number;
}

export interface Programme extends ProgrammeRow {
  viewerCan: { update: boolean };
  progressByMonth: ProgrammeMonthProgress[];
  progressByUnit: ProgrammeUnitProgress[];
  items: ProgrammeItem[];
}

export interface ProgrammesQueryData {
  programmes: Connection<ProgrammeRow>;
}

export interface ProgrammeQueryData {
  programme: Programme | null;
}

export interface ProgrammeAbilitiesData {
  viewer: { id: string; can: { createProgramme: boolean } | null } | null;
}

/** A proposal an item may be linked to. */
export interface ProposalOption {
  id: string;
  title: string;
  referenceNumber: string | null;
}

export interface ProposalOptionsData {
  proposals: Connection<ProposalOption>;
}

export interface CreateWorkProgrammeInput {
  unitId: string;
  year: number;
  title: string;
}

export interface AddProgrammeItemInput {
  programmeId: string;
  title: string;
  kind: ProposalKind;
  plannedMonth: number;
  leadUnitId: string;
  proposalId?: string | null;
}

export interface UpdateProgrammeItemInput {
  itemId: string;
  expectedVersion: number;
  title?: string;
  kind?: ProposalKind;
  plannedMonth?: number;
  leadUnitId?: string;
  status?: ProgrammeItemStatus;
  proposalId?: string | null;
}

/** An event of the programme feeds, as much as the screens read of it. */
export interface ProgrammeFeedEvent {
  cursor: string;
  type: string;
  actor: { id: string; fullName: string } | null;
  subject:
    | { __typename: 'ProgrammeItem'; id: string; title: string; programme: { id: string } }
    | { __typename: 'WorkProgramme'; id: string; title: string }
    | { __typename: string }
    | null;
}

export interface ProgrammeEventsData {
  events: ProgrammeFeedEvent;
}
