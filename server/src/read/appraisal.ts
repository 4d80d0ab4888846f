import { appraisalClock, CommentStatus, isAssignmentOverdue, Verdict } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { BodyAnchors } from '../domain/appraisal-anchor.js';
import {
  Appraisal,
  Proposal,
  Unit,
  type AppraisalAssignment,
  type AppraisalComment,
} from '../entities/index.js';
import { appraisalPolicy } from '../policies/appraisal.policy.js';
import { thenOrNow, type Row, type Rows } from './rows.js';

// What the read path derives from a round (its comments as the viewer may read them, lateness, the
// consolidated report, where comments point), shared by the GraphQL fields and the report's PDF.

/** The round's comments the viewer may read (the caller has decided the viewer reads the proposal). */
export function visibleComments(
  rows: Rows,
  viewer: Viewer,
  appraisal: Row<Appraisal>,
): Row<AppraisalComment>[] | Promise<Row<AppraisalComment>[]> {
  return thenOrNow(rows.one(Proposal, appraisal.proposal), (proposal) =>
    thenOrNow(rows.collection(Appraisal, 'comments', appraisal.id), (comments) =>
      comments.filter((comment) => appraisalPolicy.canReadComment(viewer, proposal, appraisal, comment)),
    ),
  );
}

/** Whether a unit asked is late: no verdict, and the deadline passed (while open; at closing once closed). */
export function assignmentOverdue(
  appraisal: Row<Appraisal>,
  assignment: Row<AppraisalAssignment>,
  now = new Date(),
): boolean {
  return isAssignmentOverdue(assignment.verdict, appraisal.dueAt, appraisalClock(appraisal, now));
}

export interface AppraisalReportShape {
  verdictsByUnit: Row<AppraisalAssignment>[];
  agree: number;
  agreeWithChanges: number;
  disagree: number;
  pending: number;
  openComments: number;
  resolvedComments: number;
  overdueUnits: Row<Unit>[];
  /** The units asked, by id (for those printing the report). */
  units: Map<string, Row<Unit>>;
  /** The threads the viewer may read, oldest first, with their replies. */
  threads: { comment: Row<AppraisalComment>; replies: Row<AppraisalComment>[] }[];
}

const byName = new Intl.Collator('vi');

/** The consolidated report of a round: verdicts by unit (by the unit's name), counts, the late units. */
export async function appraisalReport(
  rows: Rows,
  viewer: Viewer,
  appraisal: Row<Appraisal>,
  now = new Date(),
): Promise<AppraisalReportShape> {
  const [assignments, comments] = await Promise.all([
    rows.collection(Appraisal, 'assignments', appraisal.id),
    visibleComments(rows, viewer, appraisal),
  ]);
  const units = new Map(
    (await Promise.all(assignments.map((a) => rows.one(Unit, a.unit)))).map((unit) => [unit.id, unit]),
  );
  const verdictsByUnit = [...assignments].sort((a, b) =>
    byName.compare(units.get(a.unit.id)!.name, units.get(b.unit.id)!.name),
  );
  const count = (verdict: Verdict) => assignments.filter((a) => a.verdict === verdict).length;
  const roots = comments.filter((comment) => !comment.parent);
  return {
    verdictsByUnit,
    agree: count(Verdict.AGREE),
    agreeWithChanges: count(Verdict.AGREE_WITH_CHANGES),
    disagree: count(Verdict.DISAGREE),
    pending: count(Verdict.PENDING),
    openComments: roots.filter((c) => c.status === CommentStatus.OPEN).length,
    resolvedComments: roots.filter((c) => c.status === CommentStatus.RESOLVED).length,
    overdueUnits: verdictsByUnit
      .filter((a) => assignmentOverdue(appraisal, a, now))
      .map((a) => units.get(a.unit.id)!),
    units,
    threads: roots.map((comment) => ({
      comment,
      replies: comments.filter((reply) => reply.parent?.id === comment.id),
    })),
  };
}

/**
 * The stored body of a proposal, for the anchors of its comments: read once per operation (the body is a
 * lazy column, so rows never carry it).
 */
export function bodyAnchors(
  rows: Rows,
  em: EntityManager,
  proposalId: string,
): BodyAnchors | Promise<BodyAnchors> {
  return rows.memo(`body-anchors:${proposalId}`, async () => {
    const [row]: { body: Uint8Array | null; body_text: string | null }[] = await em
      .getConnection()
      .execute('select "body", "body_text" from "proposal" where "id" = ?', [proposalId]);
    return new BodyAnchors(row?.body ?? null, row?.body_text ?? '');
  });
}
