import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { subscribeReconnects } from '../apollo/connection';
import type { RoomPresence } from '../components/meeting/presence-context';
import {
  AnnouncePresenceDocument,
  LeavePresenceDocument,
  PresenceDocument,
  ViewerDocument,
} from '../generated/graphql';
import type { PresenceScopeInput, PresenceEntryFieldsFragment } from '../generated/graphql';

/** The server forgets an announcement 40 s after the last one: two heartbeats may be lost. */
const HEARTBEAT_MS = 15_000;
const NOBODY: PresenceEntryFieldsFragment[] = [];

export interface Presence extends RoomPresence {
  /** Everyone else in the room, earliest arrival first. */
  others: readonly PresenceEntryFieldsFragment[];
}

/**
 * Announces the viewer in a meeting (and the item it edits) while the room is open, and follows who else is
 * there. Presence is a courtesy: when announcing fails the room works as before, so errors are ignored.
 */
export function usePresence(meetingId: string): Presence {
  const scope = useMemo<PresenceScopeInput>(() => ({ type: 'MEETING', id: meetingId }), [meetingId]);
  const { data: viewerData } = useQuery(ViewerDocument);
  const viewerId = viewerData?.viewer?.id;
  const { data } = useSubscription(PresenceDocument, { variables: { scope } });
  const [announce] = useMutation(AnnouncePresenceDocument);
  const [leave] = useMutation(LeavePresenceDocument);
  const [editing, setEditing] = useState<string | null>(null);

  // A heartbeat now (on arrival and on each change of what is edited), then every 15 s; again after a
  // reconnect, since the server forgot what the closed socket announced.
  useEffect(() => {
    const beat = () => void announce({ variables: { input: { scope, editingId: editing } } }).catch(() => {});
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    const unsubscribe = subscribeReconnects(beat);
    return () => {
      clearInterval(timer);
      unsubscribe();
    };
  }, [announce, scope, editing]);

  useEffect(() => () => void leave({ variables: { input: { scope } } }).catch(() => {}), [leave, scope]);

  const list = data?.presence ?? NOBODY;
  const others = useMemo(() => list.filter((entry) => entry.user.id !== viewerId), [list, viewerId]);
  const editors = useMemo(() => {
    const byItem = new Map<string, string[]>();
    for (const entry of others) {
      if (!entry.editing) continue;
      const names = byItem.get(entry.editing) ?? [];
      names.push(entry.user.fullName);
      byItem.set(entry.editing, names);
    }
    return byItem;
  }, [others]);
  return { others, editors, setEditing };
}
