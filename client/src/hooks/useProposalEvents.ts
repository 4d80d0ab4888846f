import {
  PROPOSAL_EVENTS_SUBSCRIPTION,
  PROPOSAL_LIST_EVENTS_SUBSCRIPTION,
} from '../apollo/proposal.operations';
import type { ProposalFeedEvent } from '../apollo/proposal.types';
import { useDescribeFeedEvent, useLiveFeed, type LiveFeed } from './useLiveFeed';

export type ProposalEvents = LiveFeed;

/** Proposals' and rounds' events; the rest of the organization's feed is not the proposal screens' concern. */
function concernsProposals(event: ProposalFeedEvent): boolean {
  return event.type.startsWith('proposal.') || event.type.startsWith('appraisal.');
}

// One transaction often appends several events: one reload for all of them.
const burstMs = 30;

/** One proposal's feed, while its page is open; `reload` reads the proposal (with its rounds) again. */
export function useProposalEvents(proposalId: string, reload: () => void): ProposalEvents {
  const describe = useDescribeFeedEvent('proposals');
  return useLiveFeed(
    PROPOSAL_EVENTS_SUBSCRIPTION,
    { id: proposalId },
    { concerns: concernsProposals, describe, reload, debounceMs: burstMs, what: 'proposals' },
  );
}

/** Every proposal the viewer may see, for the list; `reload` reads the list again. */
export function useProposalListEvents(reload: () => void): ProposalEvents {
  const describe = useDescribeFeedEvent('proposals');
  return useLiveFeed(
    PROPOSAL_LIST_EVENTS_SUBSCRIPTION,
    {},
    { concerns: concernsProposals, describe, reload, debounceMs: burstMs, what: 'proposals' },
  );
}
