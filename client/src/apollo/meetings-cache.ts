import type { ApolloCache, Reference } from '@apollo/client';
import { MeetingFieldsFragmentDoc } from '../generated/graphql';
import type { MeetingFieldsFragment } from '../generated/graphql';

interface StoredEdge {
  __typename?: string;
  cursor?: string;
  node?: Reference;
}

interface StoredConnection {
  edges: StoredEdge[];
  pageInfo?: { hasNextPage?: boolean };
  totalCount?: number;
}

/** The cached `meetings` lists this insertion may touch: only the unfiltered ones. */
function isUnfiltered(storeFieldName: string): boolean {
  const argsStart = storeFieldName.indexOf(':');
  if (argsStart < 0) return true;
  try {
    const args = JSON.parse(storeFieldName.slice(argsStart + 1)) as { filter?: unknown };
    return args.filter === undefined || args.filter === null;
  } catch {
    return false;
  }
}

/**
 * Puts a meeting the cache has never listed into every cached unfiltered `meetings`
 * list, at its place in the server's order (startsAt descending). A meeting older than
 * everything loaded so far is left for "load more" to bring, unless the list is complete.
 * Idempotent: the creator's own mutation and its live event both call it.
 */
export function addMeetingToLists(cache: ApolloCache, meeting: MeetingFieldsFragment): void {
  // The type names the cache identifies objects by are not in the generated types (Apollo adds them to each selection).
  const data: MeetingFieldsFragment & { __typename: 'Meeting' } = { ...meeting, __typename: 'Meeting' };
  const meetingRef = cache.writeFragment({
    fragment: MeetingFieldsFragmentDoc,
    fragmentName: 'MeetingFields',
    data,
  });
  if (!meetingRef) return;
  const startsAt = Date.parse(meeting.startsAt);

  cache.modify({
    fields: {
      meetings(existing, { storeFieldName, readField }) {
        const connection = existing as StoredConnection | undefined;
        if (!connection?.edges || !isUnfiltered(storeFieldName)) return existing;
        if (connection.edges.some((edge) => edge.node?.__ref === meetingRef.__ref)) return existing;

        const index = connection.edges.findIndex((edge) => {
          const other = edge.node ? readField<string>('startsAt', edge.node) : undefined;
          return other !== undefined && Date.parse(other) < startsAt;
        });
        if (index < 0 && connection.pageInfo?.hasNextPage) return existing;

        // The server's cursor for this edge is unknown; pagination continues from
        // pageInfo.endCursor, which this insertion leaves as it was.
        const edge: StoredEdge = { __typename: 'MeetingEdge', cursor: '', node: meetingRef };
        const edges = [...connection.edges];
        edges.splice(index < 0 ? edges.length : index, 0, edge);
        return {
          ...connection,
          edges,
          ...(typeof connection.totalCount === 'number' ? { totalCount: connection.totalCount + 1 } : {}),
        };
      },
    },
  });
}
