import { followUpOutcome, limits, startOfLocalDate, type FollowUpOutcome } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { Organization, Task, Unit } from '../entities/index.js';
import { BadInputError } from '../errors.js';
import { meetingPolicy } from '../policies/meeting.policy.js';
import { taskPolicy } from '../policies/task.policy.js';

/** Which tasks a follow-up report counts: due between two days (inclusive), from one meeting. */
export interface FollowUpFilter {
  /** `YYYY-MM-DD` in the organization's time zone. */
  dueFrom?: string | null;
  dueTo?: string | null;
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

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as `YYYY-MM-DD` that exists, in the years dates may fall in; else BAD_USER_INPUT on `field`. */
function checkDay(field: string, value: string): void {
  const match = isoDate.exec(value);
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  const date = match && new Date(Date.UTC(year!, month! - 1, day!));
  if (
    !date ||
    year! < limits.yearMin ||
    year! > limits.yearMax ||
    date.getUTCMonth() !== month! - 1 ||
    date.getUTCDate() !== day
  )
    throw new BadInputError(field, `${field} is a day as YYYY-MM-DD`);
}

/** The filter's days, each valid and in order; BAD_USER_INPUT naming the first that is not. */
export function checkFollowUpFilter(filter: FollowUpFilter): void {
  if (filter.dueFrom) checkDay('dueFrom', filter.dueFrom);
  if (filter.dueTo) checkDay('dueTo', filter.dueTo);
  if (filter.dueFrom && filter.dueTo && filter.dueFrom > filter.dueTo)
    throw new BadInputError('dueTo', 'dueTo is on or after dueFrom');
}

const dayAfter = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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
  checkFollowUpFilter(filter);
  const organization = await em.findOneOrFail(Organization, viewer.organizationId);
  const { timeZone } = organization;
  const tasks = await em.find(
    Task,
    {
      $and: [
        taskPolicy.readable(viewer),
        filter.dueFrom ? { dueAt: { $gte: startOfLocalDate(timeZone, filter.dueFrom) } } : {},
        filter.dueTo ? { dueAt: { $lt: startOfLocalDate(timeZone, dayAfter(filter.dueTo)) } } : {},
        // Only a meeting the viewer may read, as the task list does.
        filter.sourceMeetingId
          ? { sourceMeeting: { $and: [{ id: filter.sourceMeetingId }, meetingPolicy.readable(viewer)] } }
          : {},
      ],
    },
    { fields: ['status', 'dueAt', 'completedAt', 'assigneeUnit'] },
  );
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
