import { AppraisalStatus, Verdict } from './enums.js';

/**
 * Appraisal ("thẩm định"): the rules the server enforces and the client shows, in one place.
 *
 * A round asks several units for their verdict by a date. Each unit gives one verdict, once: it is the
 * unit's opinion on the record, answered to the office, not a draft to be revised (a unit that changes its
 * mind says so in a comment, or the office asks for a new round). The round closes by itself with the last
 * verdict, or earlier when the office closes it; then the proposal is APPRAISED.
 */

/** Units one round may ask at once. */
export const appraisalUnitsMax = 50;

/** The verdicts a unit may give (PENDING is the absence of one). */
export const givenVerdicts: readonly Verdict[] = [
  Verdict.AGREE,
  Verdict.AGREE_WITH_CHANGES,
  Verdict.DISAGREE,
];

/** Agreeing needs no words; asking for changes or disagreeing says what and why. */
export function verdictNeedsSummary(verdict: Verdict): boolean {
  return verdict === Verdict.AGREE_WITH_CHANGES || verdict === Verdict.DISAGREE;
}

/**
 * The moment a round's lateness is measured at: now while it is open, its closing once closed (a unit that
 * had not answered when the office closed the round before the deadline was never late).
 */
export function appraisalClock(round: { status: AppraisalStatus; closedAt?: Date | null }, now: Date): Date {
  return round.status === AppraisalStatus.CLOSED && round.closedAt ? round.closedAt : now;
}

/** A unit is overdue when it has given no verdict and the deadline had passed (see `appraisalClock`). */
export function isAssignmentOverdue(verdict: Verdict, dueAt: Date, clock: Date): boolean {
  return verdict === Verdict.PENDING && clock.getTime() > dueAt.getTime();
}
