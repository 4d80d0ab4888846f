import type { InMemoryCache } from '@apollo/client';

let registered = false;

/**
 * How the cache keeps a proposal's rounds and a round's comments: each answer holds the whole list (the page
 * reads them at once, up to 100), so a newer answer replaces the older list outright rather than being merged
 * into it. Registered by the proposal screens when they first load, so the rest of the client does not carry it.
 */
export function registerProposalTypePolicies(cache: InMemoryCache): void {
  if (registered) return;
  registered = true;
  const replace = { merge: (_existing: unknown, incoming: unknown) => incoming };
  cache.policies.addTypePolicies({
    Proposal: { fields: { appraisals: replace, versions: replace } },
    Appraisal: { fields: { comments: replace, assignments: replace } },
    AppraisalReport: { merge: true },
    // Read in parts (the page's rights, the versions tab's): one object, merged.
    ProposalViewerCan: { merge: true },
  });
}
