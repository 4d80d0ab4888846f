import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EventType } from '@quorum/shared';
import { getReconnectCount, subscribeReconnects } from '../apollo/connection';
import { addMeetingToLists } from '../apollo/meetings-cache';
import { OrganizationEventsDocument } from '../generated/graphql';

export interface OrganizationEvents {
  /** The last change, in words, for a polite live region (screen readers hear what changed). */
  announcement: string;
  /** The server refused the subscription (the socket itself may be fine). */
  error: ErrorLike | undefined;
  restart: () => void;
}

/**
 * Follows the organization's change feed. A changed Meeting needs nothing here: the
 * subject arrives with its type and id and Apollo's normalized cache updates every row
 * that shows it. A new meeting is in no list yet, so it is inserted.
 *
 * `onMeetingEvent` is for screens whose lists the cache cannot maintain by itself (a filtered
 * list, a calendar range): they refetch.
 *
 * After the socket comes back, the feed is resumed from the last cursor seen (the server
 * replays what was missed, then goes live); having seen none, the screen is refetched.
 */
export function useOrganizationEvents(onMeetingEvent?: (type: string) => void): OrganizationEvents {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [announcement, setAnnouncement] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const lastCursor = useRef<string | undefined>(undefined);
  const onMeetingEventRef = useRef(onMeetingEvent);
  useEffect(() => {
    onMeetingEventRef.current = onMeetingEvent;
  });

  const { error, restart } = useSubscription(OrganizationEventsDocument, {
    variables: after ? { after } : {},
    onData: ({ client: apollo, data }) => {
      const event = data.data?.events;
      if (!event) return;
      lastCursor.current = event.cursor;
      const subject = event.subject;
      if (subject?.__typename !== 'Meeting') return;
      if (event.type === EventType.MEETING_CREATED) addMeetingToLists(apollo.cache, subject);
      onMeetingEventRef.current?.(event.type);
      const actor = event.actor?.fullName ?? t('common.unknownUser');
      if (event.type === EventType.MEETING_CREATED) {
        setAnnouncement(t('meetings.live.created', { actor, title: subject.title }));
      } else if (event.type === EventType.MEETING_UPDATED) {
        setAnnouncement(t('meetings.live.updated', { actor, title: subject.title }));
      }
    },
    onError: (err) => {
      console.error('Live updates refused by the server', err);
    },
  });

  const reconnects = useSyncExternalStore(subscribeReconnects, getReconnectCount);
  const seenReconnects = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    const cursor = lastCursor.current;
    if (!cursor) void client.refetchQueries({ include: 'active' });
    // New variables re-subscribe by themselves; the same ones need an explicit restart.
    if (cursor && cursor !== after) setAfter(cursor);
    else restart();
  }, [reconnects, after, client, restart]);

  return { announcement, error, restart };
}
