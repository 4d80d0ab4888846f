import { useDescribeFeedEvent, useLiveFeed, type LiveFeed } from './useLiveFeed';
import { ProposalEventsDocument, ProposalListEventsDocument } from '../generated/graphql';
import type { ProposalEventFieldsFragment } from '../generated/graphql';

export type ProposalEvents = LiveFeed;

/** Proposals' and rounds' events; the rest of the organization's feed is not the proposal screens' concern. */
function concernsProposals(event: ProposalEventFieldsFragment): boolean {
  return event.type.startsWith('proposal.') || event.type.startsWith('appraisal.');
}

// One transaction often appends several events: one reload for all of them.
const burstMs = 30;

/** One proposal's feed, while its page is open; `reload` reads the proposal (with its rounds) again. */
export function useProposalEvents(proposalId: string, reload: () => void): ProposalEvents {
  const describe = useDescribeFeedEvent('proposals');
  return useLiveFeed(
    ProposalEventsDocument,
    { id: proposalId },
    { concerns: concernsProposals, describe, reload, debounceMs: burstMs, what: 'proposals' },
  );
}

/** Every proposal the viewer may see, for the list; `reload` reads the list again. */
export function useProposalListEvents(reload: () => void): ProposalEvents {
  const describe = useDescribeFeedEvent('proposals');
  return useLiveFeed(
    ProposalListEventsDocument,
    {},
    { concerns: concernsProposals, describe, reload, debounceMs: burstMs, what: 'proposals' },
  );
}
