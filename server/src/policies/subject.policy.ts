import { SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { AgendaItem, Meeting, Organization, Proposal, Task, Unit, User } from '../entities/index.js';
import { meetingPolicy } from './meeting.policy.js';
import { proposalPolicy } from './proposal.policy.js';
import { taskPolicy } from './task.policy.js';

export type Subject = Organization | Unit | User | Meeting | AgendaItem | Proposal | Task;

/**
 * Loads the subject of an event and returns it only if the viewer may read it now.
 * Used at delivery time for every event, so revoked access stops delivery at once.
 */
export async function readableSubject(
  em: EntityManager,
  viewer: Viewer,
  type: SubjectType,
  id: string,
): Promise<Subject | null> {
  switch (type) {
    case SubjectType.ORGANIZATION:
      return id === viewer.organizationId ? em.findOne(Organization, id) : null;
    case SubjectType.UNIT:
      return em.findOne(Unit, { id, organization: viewer.organizationId });
    case SubjectType.USER:
      // The directory: every member of the organization reads its users (as the `users` query does).
      return em.findOne(User, { id, organization: viewer.organizationId });
    case SubjectType.MEETING: {
      const meeting = await em.findOne(Meeting, id);
      return meeting && meetingPolicy.canRead(viewer, meeting) ? meeting : null;
    }
    case SubjectType.AGENDA_ITEM: {
      const item = await em.findOne(AgendaItem, id, { populate: ['meeting'] });
      return item && meetingPolicy.canRead(viewer, item.meeting.getEntity()) ? item : null;
    }
    case SubjectType.PROPOSAL: {
      const proposal = await em.findOne(Proposal, id);
      return proposal && proposalPolicy.canRead(viewer, proposal) ? proposal : null;
    }
    case SubjectType.TASK: {
      const task = await em.findOne(Task, id);
      return task && taskPolicy.canRead(viewer, task) ? task : null;
    }
  }
}
