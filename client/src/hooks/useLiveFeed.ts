import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ApolloCache, ErrorLike, OperationVariables, TypedDocumentNode } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { getReconnectCount, subscribeReconnects } from '../apollo/connection';

/** What a feed's subscription delivers, as far as following it goes: where it is, and what happened. */
export interface LiveFeedEvent {
  cursor: string;
  type: string;
}

/** An event as the live region tells it: who did it, to what. */
export interface DescribedFeedEvent {
  type: string;
  actor: { fullName: string } | null;
  subject: { __typename: string; title?: string } | { __typename: string } | null;
}

/**
 * The event in words, from `<section>.live.<type>` ("Lê Văn Khoa đã thêm ý kiến thẩm định"), or
 * `<section>.live.other` for a type this build has no words for; the strings may use `actor` and `title`.
 */
export function useDescribeFeedEvent(section: string): (event: DescribedFeedEvent) => string {
  const { t } = useTranslation();
  return (event) => {
    const actor = event.actor?.fullName ?? t('common.unknownUser');
    const title = event.subject && 'title' in event.subject ? event.subject.title : '';
    return t(`${section}.live.${event.type}`, {
      actor,
      title,
      defaultValue: t(`${section}.live.other`, { actor, title }),
    });
  };
}

export interface LiveFeed {
  /** The last change, in words, for a polite live region. */
  announcement: string;
  /** The server refused the subscription (the socket itself may be fine). */
  error: ErrorLike | undefined;
  restart: () => void;
}

export interface LiveFeedOptions<TEvent extends LiveFeedEvent> {
  /**
   * Whether an event concerns the screen. Every event moves the cursor; only these reload, reach `onEvent`
   * and are announced.
   */
  concerns: (event: TEvent) => boolean;
  /** The event in words, for the live region; undefined leaves the last announcement as it is. */
  describe: (event: TEvent) => string | undefined;
  /**
   * Reads the screen again: once per burst of concerning events (unless `onEvent` takes them), and after a
   * reconnect when no cursor was seen yet (nothing to resume from).
   */
  reload: () => void;
  /**
   * For a screen that updates the cache itself: called at once for each concerning event, instead of the
   * reload per burst.
   */
  onEvent?: (event: TEvent, cache: ApolloCache) => void;
  /** How long a burst lasts: one transaction often appends several events, a bulk change one per row. */
  debounceMs?: number;
  /** Whose updates these are, for the console when the server refuses the subscription ("tasks"). */
  what: string;
  /** Where the announcement goes when several feeds share one live region; by default this feed keeps its own. */
  announce?: (text: string) => void;
}

/**
 * Follows an `events` subscription for one screen. After the socket comes back it is resumed from the last
 * cursor seen (the server replays what was missed, then goes live), or, having seen none, the screen is read
 * again through `reload`.
 *
 * The callbacks may change on every render: the latest ones are used.
 */
export function useLiveFeed<TEvent extends LiveFeedEvent, TVariables extends OperationVariables>(
  subscription: TypedDocumentNode<{ events: TEvent }, TVariables>,
  variables: Omit<TVariables, 'after'>,
  options: LiveFeedOptions<TEvent>,
): LiveFeed {
  const [ownAnnouncement, setOwnAnnouncement] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const lastCursor = useRef<string | undefined>(undefined);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const { error, restart } = useSubscription(subscription, {
    variables: (after ? { ...variables, after } : variables) as unknown as TVariables,
    onData: ({ client, data }) => {
      const event = data.data?.events;
      if (!event) return;
      lastCursor.current = event.cursor;
      const current = optionsRef.current;
      if (!current.concerns(event)) return;
      if (current.onEvent) {
        current.onEvent(event, client.cache);
      } else {
        clearTimeout(timer.current);
        timer.current = setTimeout(() => optionsRef.current.reload(), current.debounceMs ?? 50);
      }
      const text = current.describe(event);
      if (text !== undefined) (current.announce ?? setOwnAnnouncement)(text);
    },
    onError: (err) => {
      console.error(`Live updates of ${optionsRef.current.what} refused by the server`, err);
    },
  });

  const reconnects = useSyncExternalStore(subscribeReconnects, getReconnectCount);
  const seenReconnects = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    const cursor = lastCursor.current;
    if (!cursor) optionsRef.current.reload();
    // New variables re-subscribe by themselves; the same ones need an explicit restart.
    if (cursor && cursor !== after) setAfter(cursor);
    else restart();
  }, [reconnects, after, restart]);

  return { announcement: ownAnnouncement, error, restart };
}
