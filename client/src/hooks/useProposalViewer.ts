import { useMemo } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { UnitKind } from '@quorum/shared';
import { ProposalViewerDocument } from '../generated/graphql';
import type { ProposalViewerQuery } from '../generated/graphql';

export type ViewerUnit = NonNullable<ProposalViewerQuery['viewer']>['memberships'][number]['unit'];

export interface ProposalViewerFacts {
  viewerId: string | null;
  /** The units the viewer belongs to: what "my proposals" and "waiting for my appraisal" are about. */
  units: ViewerUnit[];
  unitIds: ReadonlySet<string>;
  /** A member of the office: sets proposals up for any unit, requests appraisals (the server decides, per proposal). */
  isOffice: boolean;
  /** Belongs to a committee (a leader of the session, not a drafter). */
  inCommittee: boolean;
  /** Belongs to a department: drafts its proposals and appraises others'. */
  inDepartment: boolean;
  loading: boolean;
  error: ErrorLike | undefined;
}

const NO_UNITS: ViewerUnit[] = [];

/**
 * The viewer's units, as the proposal screens need them. The same facts the server's proposal policy decides
 * on (the lead unit's members draft, the office sets up and requests), used to choose what to offer; the
 * server still decides every action, and the proposals' own `viewerCan` says what each allows.
 */
export function useProposalViewer(skip = false): ProposalViewerFacts {
  const { data, loading, error } = useQuery(ProposalViewerDocument, { skip });
  return useMemo(() => {
    const units = data?.viewer?.memberships.map((membership) => membership.unit) ?? NO_UNITS;
    return {
      viewerId: data?.viewer?.id ?? null,
      units,
      unitIds: new Set(units.map((unit) => unit.id)),
      isOffice: units.some((unit) => unit.kind === UnitKind.OFFICE),
      inCommittee: units.some((unit) => unit.kind === UnitKind.COMMITTEE),
      inDepartment: units.some((unit) => unit.kind === UnitKind.DEPARTMENT),
      loading: loading && !data,
      error,
    };
  }, [data, loading, error]);
}
