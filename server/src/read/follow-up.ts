import { followUpOutcome, type FollowUpOutcome } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { Organization, Task, Unit } from '../entities/index.js';
import type { DueRange } from './due-range.js';
import { taskWhere } from './task-filter.js';

/** Which tasks a follow-up report counts: due between two days (inclusive), from one meeting. */
export interface FollowUpFilter extends DueRange {
  sourceMeetingId?: string | null;
}

export type FollowUpCounts = Record<FollowUpOutcome | 'assigned', number>;

export interface FollowUpReport {
  asOf: Date;
  organization: Organization;
  filter: FollowUpFilter;
  /** Each assignee unit with a task counted, by name. */
  rows: { unit: Unit; counts: FollowUpCounts }[];
  totals: FollowUpCounts;
}

const zero = (): FollowUpCounts => ({ assigned: 0, doneOnTime: 0, doneLate: 0, overdue: 0, inProgress: 0 });

/**
 * The follow-up report per assignee unit ("báo cáo theo dõi, đôn đốc"): of the tasks the viewer may read, how
 * many each unit was assigned (cancelled ones aside), done on time, done late, overdue and in progress, as
 * `followUpOutcome` decides in the organization's time zone; so assigned = the four others' sum.
 */
export async function followUpReport(
  em: EntityManager,
  viewer: Viewer,
  filter: FollowUpFilter,
  now = new Date(),
): Promise<FollowUpReport> {
  const organization = await em.findOneOrFail(Organization, viewer.organizationId);
  const { timeZone } = organization;
  const tasks = await em.find(Task, taskWhere(viewer, filter, timeZone, now), {
    fields: ['status', 'dueAt', 'completedAt', 'assigneeUnit'],
  });
  const byUnit = new Map<string, FollowUpCounts>();
  const totals = zero();
  for (const task of tasks) {
    const outcome = followUpOutcome(task, now, timeZone);
    if (!outcome) continue;
    const counts = byUnit.get(task.assigneeUnit.id) ?? zero();
    byUnit.set(task.assigneeUnit.id, counts);
    for (const target of [counts, totals]) {
      target.assigned += 1;
      target[outcome] += 1;
    }
  }
  const units = await em.find(Unit, { id: { $in: [...byUnit.keys()] } });
  const collator = new Intl.Collator('vi');
  const rows = units
    .map((unit) => ({ unit, counts: byUnit.get(unit.id)! }))
    .sort((a, b) => collator.compare(a.unit.name, b.unit.name));
  return { asOf: now, organization, filter, rows, totals };
}
