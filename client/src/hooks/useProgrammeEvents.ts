import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { getReconnectCount, subscribeReconnects } from '../apollo/connection';
import {
  PROGRAMME_EVENTS_SUBSCRIPTION,
  PROGRAMME_ORGANIZATION_EVENTS_SUBSCRIPTION,
} from '../apollo/programme.operations';
import type { ProgrammeFeedEvent } from '../apollo/programme.types';

export interface ProgrammeEvents {
  /** The last change, in words, for a polite live region. */
  announcement: string;
  error: ErrorLike | undefined;
  restart: () => void;
}

function concernsProgrammes(type: string): boolean {
  return type.startsWith('programme.') || type.startsWith('programmeItem.');
}

/** The programme an event is about: its subject, or the item's programme. */
function programmeOf(event: ProgrammeFeedEvent): string | undefined {
  const subject = event.subject;
  if (!subject) return undefined;
  if (subject.__typename === 'WorkProgramme' && 'id' in subject) return subject.id;
  if (subject.__typename === 'ProgrammeItem' && 'programme' in subject) return subject.programme.id;
  return undefined;
}

/**
 * Follows a feed and calls `reload` once per burst of programme events that `wanted` keeps, and after the
 * socket comes back: resumed from the last cursor seen (the server replays what was missed), or, having seen
 * none, by reading everything again.
 */
function useFeed(
  subscription: typeof PROGRAMME_EVENTS_SUBSCRIPTION | typeof PROGRAMME_ORGANIZATION_EVENTS_SUBSCRIPTION,
  variables: { id?: string },
  wanted: (event: ProgrammeFeedEvent) => boolean,
  reload: () => void,
  setAnnouncement: (text: string) => void,
): Omit<ProgrammeEvents, 'announcement'> {
  const { t } = useTranslation();
  const [after, setAfter] = useState<string | undefined>(undefined);
  const lastCursor = useRef<string | undefined>(undefined);
  const reloadRef = useRef(reload);
  const wantedRef = useRef(wanted);
  useEffect(() => {
    reloadRef.current = reload;
    wantedRef.current = wanted;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const describe = (event: ProgrammeFeedEvent): string => {
    const actor = event.actor?.fullName ?? t('common.unknownUser');
    const title = event.subject && 'title' in event.subject ? event.subject.title : '';
    return t(`programme.live.${event.type}`, {
      actor,
      title,
      defaultValue: t('programme.live.other', { actor, title }),
    });
  };

  const { error, restart } = useSubscription(subscription, {
    variables: (after ? { ...variables, after } : variables) as { id: string; after?: string },
    onData: ({ data }) => {
      const event = data.data?.events;
      if (!event) return;
      lastCursor.current = event.cursor;
      if (!concernsProgrammes(event.type) || !wantedRef.current(event)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => reloadRef.current(), 50);
      setAnnouncement(describe(event));
    },
    onError: (err) => {
      console.error('Live updates of programmes refused by the server', err);
    },
  });

  const reconnects = useSyncExternalStore(subscribeReconnects, getReconnectCount);
  const seenReconnects = useRef(reconnects);
  useEffect(() => {
    if (reconnects === seenReconnects.current) return;
    seenReconnects.current = reconnects;
    const cursor = lastCursor.current;
    if (!cursor) reloadRef.current();
    if (cursor && cursor !== after) setAfter(cursor);
    else restart();
  }, [reconnects, after, restart]);

  return { error, restart };
}

const every = () => true;

/** Every programme the viewer may see, for the list: `reload` reads it again. */
export function useProgrammeListEvents(reload: () => void): ProgrammeEvents {
  const [announcement, setAnnouncement] = useState('');
  const feed = useFeed(PROGRAMME_ORGANIZATION_EVENTS_SUBSCRIPTION, {}, every, reload, setAnnouncement);
  return { ...feed, announcement };
}

/**
 * One programme, while its page is open: its own scope (the office's edits) and, from the organization's feed,
 * the changes of its items made elsewhere (a proposal's adoption marks them adopted in the proposal's scope).
 * Both feeds carry the office's edits; `reload` is called once per burst either way.
 */
export function useProgrammeEvents(programmeId: string, reload: () => void): ProgrammeEvents {
  const [announcement, setAnnouncement] = useState('');
  const own = useFeed(PROGRAMME_EVENTS_SUBSCRIPTION, { id: programmeId }, every, reload, setAnnouncement);
  const elsewhere = useFeed(
    PROGRAMME_ORGANIZATION_EVENTS_SUBSCRIPTION,
    {},
    (event) => programmeOf(event) === programmeId,
    reload,
    setAnnouncement,
  );
  return {
    announcement,
    error: own.error ?? elsewhere.error,
    restart: () => {
      own.restart();
      elsewhere.restart();
    },
  };
}
