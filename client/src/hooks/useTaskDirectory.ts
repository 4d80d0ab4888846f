import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { UnitKind } from '@quorum/shared';
import { TaskAssignableDocument, UnitsDocument } from '../generated/graphql';
import type { TaskAssignableFieldsFragment, UnitFieldsFragment } from '../generated/graphql';

/**
 * Whom tasks go to: the units that do work (the office and the departments; committees decide, they are not
 * assigned) and the active people with their units, sorted by name. `skip` while nothing needs them.
 */
export function useTaskDirectory(skip = false): {
  units: UnitFieldsFragment[];
  people: TaskAssignableFieldsFragment[];
  loading: boolean;
} {
  const units = useQuery(UnitsDocument, { variables: { first: 100 }, skip });
  const people = useQuery(TaskAssignableDocument, { skip });
  return useMemo(
    () => ({
      units: (units.data?.units.edges.map((edge) => edge.node) ?? []).filter(
        (unit) => unit.kind !== UnitKind.COMMITTEE,
      ),
      people: (people.data?.users.edges.map((edge) => edge.node) ?? [])
        .filter((person) => person.active)
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
      loading: (units.loading && !units.data) || (people.loading && !people.data),
    }),
    [units.data, units.loading, people.data, people.loading],
  );
}
