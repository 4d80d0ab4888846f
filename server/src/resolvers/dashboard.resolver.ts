import { limits, openTaskStatuses, upcomingMeetingStatuses } from '@quorum/shared';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Appraisal, Unit } from '../entities/index.js';
import { BadInputError } from '../errors.js';
import { requireViewer } from '../policies/viewer.policy.js';
import { dashboardFigures } from '../read/dashboard.js';
import { assignmentOverdue } from '../read/appraisal.js';
import { Dashboard } from './types/dashboard.type.js';

@Resolver()
export class DashboardResolver {
  @Query(() => Dashboard, {
    description:
      "The leaders' dashboard over what the viewer may read: the year's programme progress (default: this year in the organization's time zone), tasks by status and by unit, the overdue trend, upcoming meetings, appraisals waiting, the viewer's own open tasks.",
  })
  async dashboard(
    @Arg('year', () => Int, {
      nullable: true,
      description:
        "The year of the programme progress, e.g. 2026; omitted, this year in the organization's time zone.",
    })
    year: number | undefined,
    @Ctx() { em, rows, viewer }: Context,
  ): Promise<Dashboard> {
    const v = requireViewer(viewer);
    if (year != null && (year < limits.yearMin || year > limits.yearMax))
      throw new BadInputError('year', `The year must be between ${limits.yearMin} and ${limits.yearMax}`);
    const now = new Date();
    const figures = await dashboardFigures(em as SqlEntityManager, rows, v, year ?? null, now);
    const [units, rounds] = await Promise.all([
      Promise.all(figures.tasksByUnit.map((row) => rows.one(Unit, { id: row.unitId }))),
      Promise.all(figures.waitingForViewerUnits.map((a) => rows.one(Appraisal, a.appraisal))),
    ]);
    const waiting = figures.waitingForViewerUnits
      .map((assignment, index) => ({
        assignment,
        appraisal: rounds[index]!,
        overdue: assignmentOverdue(rounds[index]!, assignment, now),
      }))
      .sort(
        (a, b) =>
          a.appraisal.dueAt.getTime() - b.appraisal.dueAt.getTime() ||
          a.assignment.id.localeCompare(b.assignment.id),
      );
    return {
      ...figures,
      openStatuses: [...openTaskStatuses],
      upcomingStatuses: [...upcomingMeetingStatuses],
      tasksByUnit: figures.tasksByUnit.map((row, index) => ({ ...row, unit: units[index] as Unit })),
      waitingForViewerUnits: waiting,
    } as unknown as Dashboard;
  }
}
