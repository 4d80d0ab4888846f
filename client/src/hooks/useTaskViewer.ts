import { useMemo } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { MembershipRole, UnitKind } from '@quorum/shared';
import { cache } from '../apollo/client';
import type { ViewerUnit } from './useProposalViewer';
import { ProposalViewerDocument, TaskAbilitiesDocument } from '../generated/graphql';

export interface TaskViewerFacts {
  viewerId: string | null;
  /** The units the viewer works in (not the committees): what "my unit" is about. */
  workUnits: ViewerUnit[];
  /** The units the viewer leads (head or deputy): their tasks are on the viewer's home too. */
  ledUnits: ViewerUnit[];
  /** Assigns tasks (`viewer.can.createTask`, the server's rule): the create form, the conclusion's tasks. */
  canCreate: boolean;
  loading: boolean;
  error: ErrorLike | undefined;
}

// The session reads `viewer.can` in part (createMeeting), the task screens another part: one object, merged.
cache.policies.addTypePolicies({ ViewerAbilities: { merge: true } });

const LEADERS = new Set<MembershipRole>([MembershipRole.HEAD, MembershipRole.DEPUTY]);

/**
 * The viewer's units as the task screens need them (the same query as the proposal screens', so one answer
 * serves both): the facts the server's task policy decides on (the assignee unit's members report, the office
 * assigns), used to choose what to offer; each task's `viewerCan` still says what it allows.
 */
export function useTaskViewer(skip = false): TaskViewerFacts {
  const { data, loading, error } = useQuery(ProposalViewerDocument, { skip });
  const abilities = useQuery(TaskAbilitiesDocument, { skip });
  const canCreate = abilities.data?.viewer?.can?.createTask ?? false;
  return useMemo(() => {
    const work = (data?.viewer?.memberships ?? []).filter(
      (membership) => membership.unit.kind !== UnitKind.COMMITTEE,
    );
    return {
      viewerId: data?.viewer?.id ?? null,
      workUnits: work.map((membership) => membership.unit),
      ledUnits: work
        .filter((membership) => LEADERS.has(membership.role))
        .map((membership) => membership.unit),
      canCreate,
      loading: loading && !data,
      error,
    };
  }, [data, loading, error, canCreate]);
}
