import { useCallback, useRef, useState } from 'react';
import type { ErrorLike, TypedDocumentNode } from '@apollo/client';
import { useApolloClient } from '@apollo/client/react';
import {
  MeetingAgendaDocument,
  MeetingParticipantsDocument,
  MeetingRoomDocument,
} from '../generated/graphql';

/** What a change makes stale in the room: the agenda, the participants, or the whole room. */
export type RoomPart = 'agenda' | 'participants' | 'room';

export interface RoomReload {
  /** Reads `parts` of the room again; resolves when the room shows what the server has now. */
  reload: (parts: readonly RoomPart[]) => Promise<void>;
  /** Why the last reload failed, until one succeeds. */
  error: ErrorLike | undefined;
}

/**
 * Reads the room again after a change, so that no answer older than the change lands last.
 *
 * Each reload is a request of its own (never folded into an identical one already in flight, whose data
 * may predate the change), and only the answer of the reload started last is written to the cache: an
 * earlier one that lands after it is dropped. So that nothing is lost by dropping, each reload covers what
 * the reloads still in flight cover. Versions are guarded besides by the cache itself (`VersionedCache`).
 */
export function useRoomReload(meetingId: string): RoomReload {
  const client = useApolloClient();
  const started = useRef(0);
  const pending = useRef(new Set<RoomPart>());
  const [error, setError] = useState<ErrorLike | undefined>(undefined);

  const reload = useCallback(
    async (parts: readonly RoomPart[]) => {
      for (const part of parts) pending.current.add(part);
      const want = pending.current;
      const seq = ++started.current;
      const variables = { id: meetingId };
      // Reads one of the room's queries and returns how to write its answer, for when it is still wanted.
      const read = async <T>(query: TypedDocumentNode<T, { id: string }>) => {
        const { data } = await client.query({
          query,
          variables,
          fetchPolicy: 'no-cache',
          context: { queryDeduplication: false },
        });
        return () => {
          if (data) client.writeQuery({ query, variables, data });
        };
      };
      try {
        const write = await (want.has('room') || (want.has('agenda') && want.has('participants'))
          ? read(MeetingRoomDocument)
          : want.has('agenda')
            ? read(MeetingAgendaDocument)
            : read(MeetingParticipantsDocument));
        if (seq !== started.current) return;
        pending.current = new Set();
        write();
        setError(undefined);
      } catch (err) {
        if (seq !== started.current) return;
        pending.current = new Set();
        setError(err as ErrorLike);
      }
    },
    [client, meetingId],
  );

  return { reload, error };
}
