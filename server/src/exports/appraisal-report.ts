import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { BodyAnchors } from '../domain/appraisal-anchor.js';
import { Appraisal, Organization, Proposal, Unit, User } from '../entities/index.js';
import { proposalPolicy } from '../policies/proposal.policy.js';
import {
  appraisalReport,
  assignmentOverdue,
  bodyAnchors,
  type AppraisalReportShape,
} from '../read/appraisal.js';
import { Rows, type Row } from '../read/rows.js';

/** A round's consolidated report with everything the printed page names, read as the viewer may see it. */
export interface AppraisalReportDocument {
  organization: { name: string; timeZone: string };
  proposal: Row<Proposal>;
  leadUnit: string;
  appraisal: Row<Appraisal>;
  requestedBy: string;
  report: AppraisalReportShape;
  /** Units asked that are late, by assignment id. */
  overdue: Set<string>;
  userName(id: string | undefined | null): string | null;
  /** Whether a comment's passage is gone from the body. */
  detached(comment: { anchorQuote?: string | null; anchorPosition?: string | null }): boolean;
}

/** The round `id` and its report if the viewer may read its proposal; null otherwise (answered as absent). */
export async function assembleAppraisalReport(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<AppraisalReportDocument | null> {
  const rows = new Rows(em);
  const [appraisal] = await rows.find(Appraisal, { id });
  if (!appraisal) return null;
  const proposal = await rows.one(Proposal, appraisal.proposal);
  if (!proposalPolicy.canRead(viewer, proposal)) return null;
  const [organization, leadUnit, report, anchors] = await Promise.all([
    rows.one(Organization, proposal.organization),
    rows.one(Unit, proposal.leadUnit),
    appraisalReport(rows, viewer, appraisal, now),
    bodyAnchors(rows, em, proposal.id) as Promise<BodyAnchors>,
  ]);
  const comments = report.threads.flatMap((thread) => [thread.comment, ...thread.replies]);
  const userIds = new Set(
    [
      appraisal.requestedBy.id,
      ...report.verdictsByUnit.map((a) => a.reviewer?.id),
      ...comments.flatMap((c) => [c.author.id, c.resolvedBy?.id]),
    ].filter((userId): userId is string => !!userId),
  );
  const users = new Map(
    (await Promise.all([...userIds].map((userId) => rows.one(User, { id: userId })))).map((user) => [
      user.id,
      user.fullName,
    ]),
  );
  return {
    organization: { name: organization.name, timeZone: organization.timeZone },
    proposal,
    leadUnit: leadUnit.name,
    appraisal,
    requestedBy: users.get(appraisal.requestedBy.id) ?? '',
    report,
    overdue: new Set(
      report.verdictsByUnit.filter((a) => assignmentOverdue(appraisal, a, now)).map((a) => a.id),
    ),
    userName: (userId) => (userId ? (users.get(userId) ?? null) : null),
    detached: (comment) => anchors.isDetached(comment.anchorQuote, comment.anchorPosition),
  };
}
