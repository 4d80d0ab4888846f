import { useMemo } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { limits } from '@quorum/shared';
import { buildUnitTree, flattenUnitTree } from './unit-tree';
import type { UnitTreeNode } from './unit-tree';
import { DirectoryUnitsDocument } from '../../generated/graphql';
import type { DirectoryUnitFieldsFragment } from '../../generated/graphql';

export const DIRECTORY_UNITS_VARIABLES = { first: limits.pageSizeMax };

/** Every unit of the organization (the first 100), as a list, a tree and the tree flattened. */
export function useDirectoryUnits(): {
  units: DirectoryUnitFieldsFragment[];
  tree: UnitTreeNode[];
  flat: Array<{ unit: DirectoryUnitFieldsFragment; depth: number }>;
  hasMore: boolean;
  loading: boolean;
  error: ErrorLike | undefined;
  refetch: () => void;
} {
  const { data, loading, error, refetch } = useQuery(DirectoryUnitsDocument, {
    variables: DIRECTORY_UNITS_VARIABLES,
  });
  return useMemo(() => {
    const units = data?.units.edges.map((edge) => edge.node) ?? [];
    const tree = buildUnitTree(units);
    return {
      units,
      tree,
      flat: flattenUnitTree(tree),
      hasMore: data?.units.pageInfo.hasNextPage ?? false,
      loading: loading && !data,
      error,
      refetch: () => void refetch().catch(() => undefined),
    };
  }, [data, loading, error, refetch]);
}
