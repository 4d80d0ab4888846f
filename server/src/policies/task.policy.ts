import { Classification } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Task } from '../entities/index.js';

/** Tasks: INTERNAL for everyone; otherwise the office, the assignee and the assigned unit. */
export const taskPolicy = {
  canRead(viewer: Viewer, task: Task): boolean {
    if (task.organization.id !== viewer.organizationId) return false;
    if (task.classification === Classification.INTERNAL || viewer.isAdmin || viewer.isOfficeStaff)
      return true;
    return task.assignee?.id === viewer.userId || viewer.unitIds.has(task.assigneeUnit.id);
  },

  readable(viewer: Viewer): FilterQuery<Task> {
    const tenant = { organization: viewer.organizationId };
    if (viewer.isAdmin || viewer.isOfficeStaff) return tenant;
    return {
      ...tenant,
      $or: [
        { classification: Classification.INTERNAL },
        { assignee: viewer.userId },
        { assigneeUnit: { $in: [...viewer.unitIds] } },
      ],
    };
  },
};
