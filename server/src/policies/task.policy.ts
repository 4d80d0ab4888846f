import { Classification } from '@quorum/shared';
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import type { Task } from '../entities/index.js';
import type { Row } from '../read/rows.js';

/**
 * Tasks. INTERNAL: the whole organization. RESTRICTED: the assignee, the assigned unit, the office.
 * CONFIDENTIAL: the assignee and the explicit access list. Predicate and filter state the same rule.
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
};
