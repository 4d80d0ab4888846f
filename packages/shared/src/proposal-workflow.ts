import { ProposalStatus } from './enums.js';

/**
 * Who moves a proposal: its drafters (the owner and the members of the lead unit) draft, submit and may
 * withdraw it; the office sends it to appraisal, closes the appraisal, returns it, schedules it, and records
 * the session's decision.
 */
export type ProposalActor = 'drafter' | 'office';

const { DRAFTING, IN_APPRAISAL, APPRAISED, SUBMITTED, SCHEDULED, ADOPTED, RETURNED, REJECTED, WITHDRAWN } =
  ProposalStatus;

/** The proposal's workflow: from each status, where it may go and who may take it there. */
export const proposalTransitions: Readonly<
  Record<ProposalStatus, Partial<Record<ProposalStatus, ProposalActor>>>
> = {
  [DRAFTING]: { [IN_APPRAISAL]: 'office', [SUBMITTED]: 'drafter', [WITHDRAWN]: 'drafter' },
  [IN_APPRAISAL]: { [APPRAISED]: 'office', [RETURNED]: 'office', [WITHDRAWN]: 'drafter' },
  [APPRAISED]: { [SUBMITTED]: 'drafter', [RETURNED]: 'office', [WITHDRAWN]: 'drafter' },
  [SUBMITTED]: { [SCHEDULED]: 'office', [RETURNED]: 'office', [REJECTED]: 'office', [WITHDRAWN]: 'drafter' },
  [SCHEDULED]: { [ADOPTED]: 'office', [RETURNED]: 'office', [REJECTED]: 'office' },
  [RETURNED]: { [DRAFTING]: 'drafter', [WITHDRAWN]: 'drafter' },
  [ADOPTED]: {},
  [REJECTED]: {},
  [WITHDRAWN]: {},
};

/** Statuses a proposal leaves only by a new proposal: its text and details are final. */
export function isProposalFinal(status: ProposalStatus): boolean {
  return Object.keys(proposalTransitions[status]).length === 0;
}

/** Where someone acting as `actors` may take a proposal in `status`, in the workflow's order. */
export function allowedProposalTransitions(
  status: ProposalStatus,
  actors: ReadonlySet<ProposalActor>,
): ProposalStatus[] {
  return Object.values(ProposalStatus).filter((to) => {
    const actor = proposalTransitions[status][to];
    return actor !== undefined && actors.has(actor);
  });
}

/** Going back to drafting needs the reason, for the drafters to act on. */
export function proposalTransitionNeedsReason(to: ProposalStatus): boolean {
  return to === RETURNED;
}
