import { useMemo } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { limits, UnitKind } from '@quorum/shared';
import { UnitsDocument } from '../generated/graphql';
import type { UnitFieldsFragment } from '../generated/graphql';

/**
 * The units that hold meetings. If the organization has none typed as committees yet,
 * every unit, rather than an empty list.
 */
export function useCommittees(): {
  committees: UnitFieldsFragment[];
  loading: boolean;
  error: ErrorLike | undefined;
} {
  const { data, loading, error } = useQuery(UnitsDocument, { variables: { first: limits.pageSizeMax } });
  const committees = useMemo(() => {
    const all = data?.units.edges.map((edge) => edge.node) ?? [];
    const onlyCommittees = all.filter((unit) => unit.kind === UnitKind.COMMITTEE);
    return onlyCommittees.length > 0 ? onlyCommittees : all;
  }, [data]);
  return { committees, loading, error };
}
