import {
  allowedTaskTransitions,
  Classification,
  isTaskOpen,
  type TaskActor,
  type TaskStatus,
} from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Task } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import { canWrite } from './viewer.policy.js';

/**
 * Tasks. INTERNAL: the whole organization. RESTRICTED: the assignee, the assigned unit, the office.
 * CONFIDENTIAL: the assignee and the explicit access list (who created it is put on it). Predicate and filter
 * state the same rule.
 *
 * Who acts on a task the viewer may read (`taskTransitions` in packages/shared says which moves): its assignee
 * unit (each of its members, the named assignee too) works on it and reports; the office creates, edits,
 * reassigns, extends and moves it.
 */
export const taskPolicy = {
  canRead(viewer: Viewer, task: Row<Task>): boolean {
    if (task.organization.id !== viewer.organizationId) return false;
    const named = task.assignee?.id === viewer.userId || viewer.accessIds.has(task.id);
    switch (task.classification) {
      case Classification.INTERNAL:
        return true;
      case Classification.RESTRICTED:
        return named || viewer.isOfficeStaff || viewer.unitIds.has(task.assigneeUnit.id);
      case Classification.CONFIDENTIAL:
        return named;
    }
  },

  readable(viewer: Viewer): FilterQuery<Task> {
    const named = { $or: [{ assignee: viewer.userId }, { id: { $in: [...viewer.accessIds] } }] };
    return {
      organization: viewer.organizationId,
      $or: [
        { classification: Classification.INTERNAL },
        {
          classification: Classification.RESTRICTED,
          ...(viewer.isOfficeStaff ? {} : { $or: [named, { assigneeUnit: { $in: [...viewer.unitIds] } }] }),
        },
        { classification: Classification.CONFIDENTIAL, ...named },
      ],
    };
  },

  /** As whom the viewer acts on a task they may read: one of its assignee unit, the office. */
  actors(viewer: Viewer, task: Row<Task>): Set<TaskActor> {
    const actors = new Set<TaskActor>();
    if (!canWrite(viewer)) return actors;
    if (task.assignee?.id === viewer.userId || viewer.unitIds.has(task.assigneeUnit.id))
      actors.add('assignee');
    if (viewer.isOfficeStaff) actors.add('office');
    return actors;
  },

  /** The office assigns tasks (`createTask`, `createTasksFromConclusion`). */
  canCreate(viewer: Viewer): boolean {
    return canWrite(viewer) && viewer.isOfficeStaff;
  },

  /** Its details (`updateTask`), and reassigning it: the office, whatever its status. */
  canUpdate(viewer: Viewer, task: Row<Task>): boolean {
    return this.actors(viewer, task).has('office');
  },

  /** Where the viewer may take it now (`changeTaskStatus`). */
  transitions(viewer: Viewer, task: Row<Task>): TaskStatus[] {
    return allowedTaskTransitions(task.status, this.actors(viewer, task));
  },

  /** Whether the viewer is one who reports on it (`reportTaskProgress`): its assignee unit. */
  reportsOn(viewer: Viewer, task: Row<Task>): boolean {
    return this.actors(viewer, task).has('assignee');
  },

  /** A progress report, by its assignee unit, while it is open. */
  canReport(viewer: Viewer, task: Row<Task>): boolean {
    return isTaskOpen(task.status) && this.reportsOn(viewer, task);
  },

  /** A new due date (`extendTaskDueDate`), by the office, while it is open. */
  canExtend(viewer: Viewer, task: Row<Task>): boolean {
    return isTaskOpen(task.status) && this.actors(viewer, task).has('office');
  },
};
