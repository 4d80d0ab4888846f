import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { PeopleDocument } from '../generated/graphql';

export interface Person {
  id: string;
  fullName: string;
  jobTitle: string | null;
}

/** The people who can be invited to a meeting: active, allowed by the server, sorted by name. */
export function usePeople(): { people: Person[]; loading: boolean } {
  const { data, loading } = useQuery(PeopleDocument);
  const people = useMemo(
    () =>
      (data?.users.edges.map((edge) => edge.node) ?? [])
        .filter((person) => person.active)
        .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi')),
    [data],
  );
  return { people, loading: loading && !data };
}
