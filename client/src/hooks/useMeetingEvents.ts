import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EventType, isEventType } from '@quorum/shared';
import { getReconnectCount, subscribeReconnects } from '../apollo/connection';
import { applyRemoteMove } from '../apollo/meeting-room-cache';
import type { RoomPart } from './useRoomReload';
import { MeetingEventsDocument } from '../generated/graphql';
import type { MeetingEventsSubscription } from '../generated/graphql';

/**
 * What an event makes stale, beyond its subject (which the cache has already taken in). Types not
 * listed (a status change moves what every item may do next; a type newer than this build) reload
 * the whole room, to be safe.
 */
const staleParts: Partial<Record<EventType, RoomPart | null>> = {
  [EventType.MEETING_UPDATED]: null,
  // Numbers, totals and readiness of other items follow.
  [EventType.AGENDA_COPIED]: 'agenda',
  [EventType.AGENDA_ITEM_ADDED]: 'agenda',
  [EventType.AGENDA_ITEM_UPDATED]: 'agenda',
  [EventType.AGENDA_ITEM_MOVED]: 'agenda',
  [EventType.AGENDA_ITEM_REMOVED]: 'agenda',
  [EventType.AGENDA_ITEM_STATUS_CHANGED]: 'agenda',
  [EventType.AGENDA_ITEM_PRESENTER_CONFIRMED]: 'agenda',
  [EventType.VOTE_RECORDED]: 'agenda',
  [EventType.ATTACHMENT_ADDED]: 'agenda',
  [EventType.ATTACHMENT_REMOVED]: 'agenda',
  // The participant is not the subject (the meeting is, with its quorum).
  [EventType.PARTICIPANT_ADDED]: 'participants',
  [EventType.PARTICIPANT_UPDATED]: 'participants',
  [EventType.PARTICIPANT_REMOVED]: 'participants',
  [EventType.PARTICIPANT_MATERIALS_READ]: 'participants',
  [EventType.ATTENDANCE_RECORDED]: 'participants',
  // The minutes' text travels over /collab itself; their versions are read when their list is opened.
  [EventType.MINUTES_VERSION_CREATED]: null,
  [EventType.MINUTES_RESTORED]: null,
};

/**
 * An item's description and conclusion are co-edited notes whose text the server stores about once a second
 * while someone types: the subject carries the new text, nothing around it moves, and saying each store aloud
 * would drown the live region.
 */
const NOTE_FIELDS: ReadonlySet<string> = new Set(['description', 'conclusion']);

function notesOnly(event: MeetingEventsSubscription['events']): boolean {
  const fields = Object.keys(event.changes ?? {});
  return (
    event.type === EventType.AGENDA_ITEM_UPDATED &&
    fields.length > 0 &&
    fields.every((field) => NOTE_FIELDS.has(field))
  );
}

function staleAfter(type: string): RoomPart | null {
  if (!isEventType(type)) return 'room';
  const part = staleParts[type];
  return part === undefined ? 'room' : part;
}

export interface MeetingEvents {
  /** The last change, in words, for a polite live region. */
  announcement: string;
  error: ErrorLike | undefined;
  restart: () => void;
}

/**
 * Follows one meeting's change feed while its room is open. The subject of each event
 * updates the cache by itself; what it makes stale besides is read again through `reload`,
 * the smallest part that covers it (the agenda, the participants, or the whole room), once
 * per burst. A move by someone else is shown at once from the subject.
 */
export function useMeetingEvents(
  meetingId: string,
  reload: (parts: readonly RoomPart[]) => Promise<void>,
): MeetingEvents {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const lastCursor = useRef<string | undefined>(undefined);
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  });

  const stale = useRef(new Set<RoomPart>());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const markStale = (part: RoomPart) => {
    stale.current.add(part);
    clearTimeout(timer.current);
    // One transaction often appends several events: one reload for all of them.
    timer.current = setTimeout(() => {
      const parts = [...stale.current];
      stale.current = new Set();
      void reloadRef.current(parts);
    }, 25);
  };

  const describe = (event: MeetingEventsSubscription['events']): string => {
    const actor = event.actor?.fullName ?? t('common.unknownUser');
    const subject = event.subject;
    const title = subject && 'title' in subject ? subject.title : '';
    const kind = staleAfter(event.type);
    if (kind === 'agenda') return t('room.live.agenda', { actor, title });
    if (kind === 'participants') return t('room.live.participants', { actor });
    return t('room.live.meeting', { actor });
  };

  const { error, restart } = useSubscription(MeetingEventsDocument, {
    variables: after ? { id: meetingId, after } : { id: meetingId },
    onData: ({ client: apollo, data }) => {
      const event = data.data?.events;
      if (!event) return;
      lastCursor.current = event.cursor;
      const item = event.agendaItem;
      if (event.type === EventType.AGENDA_ITEM_MOVED && item?.__typename === 'AgendaItem') {
        applyRemoteMove(apollo.cache, meetingId, item.id, item.number);
      }
      if (notesOnly(event)) return;
      const part = staleAfter(event.type);
      if (part) markStale(part);
      setAnnouncement(describe(event));
    },
    onError: (err) => {
      console.error('Live updates of the meeting refused by the server', err);
    },
  });

  const reconnects = useSyncExternalStore(subscribeReconnects, getReconnectCount);
  const seenReconnects = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    const cursor = lastCursor.current;
    if (!cursor) void reloadRef.current(['room']);
    if (cursor && cursor !== after) setAfter(cursor);
    else restart();
  }, [reconnects, after, restart]);

  return { announcement, error, restart };
}
