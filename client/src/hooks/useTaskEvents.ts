import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { getReconnectCount, subscribeReconnects } from '../apollo/connection';
import { TASK_EVENTS_SUBSCRIPTION, TASK_LIST_EVENTS_SUBSCRIPTION } from '../apollo/task.operations';
import type { TaskFeedEvent } from '../apollo/task.types';

export interface TaskEvents {
  /** The last change, in words, for a polite live region. */
  announcement: string;
  error: ErrorLike | undefined;
  restart: () => void;
}

/** Tasks' events; the rest of the organization's feed is not the task screens' concern. */
function concernsTasks(type: string): boolean {
  return type.startsWith('task.');
}

/**
 * Follows a feed and calls `reload` once per burst of task events (a bulk change appends one per task), and
 * after the socket comes back: resumed from the last cursor seen (the server replays what was missed), or,
 * having seen none, by reading everything again.
 */
function useFeed(
  subscription: typeof TASK_EVENTS_SUBSCRIPTION | typeof TASK_LIST_EVENTS_SUBSCRIPTION,
  variables: { id?: string },
  reload: () => void,
): TaskEvents {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const lastCursor = useRef<string | undefined>(undefined);
  const reloadRef = useRef(reload);
  useEffect(() => {
    reloadRef.current = reload;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const describe = (event: TaskFeedEvent): string => {
    const actor = event.actor?.fullName ?? t('common.unknownUser');
    const title = event.subject && 'title' in event.subject ? event.subject.title : '';
    return t(`tasks.live.${event.type}`, {
      actor,
      title,
      defaultValue: t('tasks.live.other', { actor, title }),
    });
  };

  const { error, restart } = useSubscription(subscription, {
    variables: (after ? { ...variables, after } : variables) as { id: string; after?: string },
    onData: ({ data }) => {
      const event = data.data?.events;
      if (!event) return;
      lastCursor.current = event.cursor;
      if (!concernsTasks(event.type)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => reloadRef.current(), 50);
      setAnnouncement(describe(event));
    },
    onError: (err) => {
      console.error('Live updates of tasks refused by the server', err);
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

  return { announcement, error, restart };
}

/** Every task the viewer may see, for the board, the table and the home's list; `reload` reads them again. */
export function useTaskListEvents(reload: () => void): TaskEvents {
  return useFeed(TASK_LIST_EVENTS_SUBSCRIPTION, {}, reload);
}

/** One task's feed, while its page is open; `reload` reads the task again. */
export function useTaskEvents(taskId: string, reload: () => void): TaskEvents {
  return useFeed(TASK_EVENTS_SUBSCRIPTION, { id: taskId }, reload);
}
