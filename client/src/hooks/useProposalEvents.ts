import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ErrorLike } from '@apollo/client';
import { useSubscription } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { getReconnectCount, subscribeReconnects } from '../apollo/connection';
import {
  PROPOSAL_EVENTS_SUBSCRIPTION,
  PROPOSAL_LIST_EVENTS_SUBSCRIPTION,
} from '../apollo/proposal.operations';
import type { ProposalFeedEvent } from '../apollo/proposal.types';

export interface ProposalEvents {
  /** The last change, in words, for a polite live region. */
  announcement: string;
  error: ErrorLike | undefined;
  restart: () => void;
}

/** Proposals' and rounds' events; the rest of the organization's feed is not the proposal screens' concern. */
function concernsProposals(type: string): boolean {
  return type.startsWith('proposal.') || type.startsWith('appraisal.');
}

/**
 * Follows a feed and calls `reload` once per burst of events (one transaction often appends several), and
 * after the socket comes back: resumed from the last cursor seen (the server replays what was missed), or,
 * having seen none, by reading everything again.
 */
function useFeed(
  subscription: typeof PROPOSAL_EVENTS_SUBSCRIPTION | typeof PROPOSAL_LIST_EVENTS_SUBSCRIPTION,
  variables: { id?: string },
  reload: () => void,
  describe: (event: ProposalFeedEvent) => string,
): ProposalEvents {
  const [announcement, setAnnouncement] = useState('');
  const [after, setAfter] = useState<string | undefined>(undefined);
  const lastCursor = useRef<string | undefined>(undefined);
  const reloadRef = useRef(reload);
  const describeRef = useRef(describe);
  useEffect(() => {
    reloadRef.current = reload;
    describeRef.current = describe;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const { error, restart } = useSubscription(subscription, {
    variables: (after ? { ...variables, after } : variables) as { id: string; after?: string },
    onData: ({ data }) => {
      const event = data.data?.events;
      if (!event) return;
      lastCursor.current = event.cursor;
      if (!concernsProposals(event.type)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => reloadRef.current(), 30);
      setAnnouncement(describeRef.current(event));
    },
    onError: (err) => {
      console.error('Live updates of proposals refused by the server', err);
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

/** What happened, in words ("Lê Văn Khoa đã thêm ý kiến thẩm định"). */
function useDescribe(): (event: ProposalFeedEvent) => string {
  const { t } = useTranslation();
  return (event) => {
    const actor = event.actor?.fullName ?? t('common.unknownUser');
    return t(`proposals.live.${event.type}`, {
      actor,
      defaultValue: t('proposals.live.other', { actor }),
    });
  };
}

/** One proposal's feed, while its page is open; `reload` reads the proposal (with its rounds) again. */
export function useProposalEvents(proposalId: string, reload: () => void): ProposalEvents {
  return useFeed(PROPOSAL_EVENTS_SUBSCRIPTION, { id: proposalId }, reload, useDescribe());
}

/** Every proposal the viewer may see, for the list; `reload` reads the list again. */
export function useProposalListEvents(reload: () => void): ProposalEvents {
  return useFeed(PROPOSAL_LIST_EVENTS_SUBSCRIPTION, {}, reload, useDescribe());
}
