import { isUuid, SubjectType } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../auth/viewer.js';
import { BadInputError, NotFoundError } from '../errors.js';
import {
  AgendaItem,
  Appraisal,
  Meeting,
  Organization,
  ProgrammeItem,
  Proposal,
  Task,
  Unit,
  User,
  WorkProgramme,
} from '../entities/index.js';
import { meetingPolicy } from './meeting.policy.js';
import { programmePolicy } from './programme.policy.js';
import { proposalPolicy } from './proposal.policy.js';
import { taskPolicy } from './task.policy.js';

export type Subject =
  | Organization
  | Unit
  | User
  | Meeting
  | AgendaItem
  | Proposal
  | Task
  | Appraisal
  | WorkProgramme
  | ProgrammeItem;

/** Loads the subject of an event as it is now, whoever asks (null when it is gone). */
export async function loadSubject(em: EntityManager, type: SubjectType, id: string): Promise<Subject | null> {
  switch (type) {
    case SubjectType.ORGANIZATION:
      return em.findOne(Organization, id);
    case SubjectType.UNIT:
      return em.findOne(Unit, id);
    case SubjectType.USER:
      return em.findOne(User, id);
    case SubjectType.MEETING:
      return em.findOne(Meeting, id);
    case SubjectType.AGENDA_ITEM:
      return em.findOne(AgendaItem, id, { populate: ['meeting'] });
    case SubjectType.PROPOSAL:
      return em.findOne(Proposal, id);
    case SubjectType.TASK:
      return em.findOne(Task, id);
    case SubjectType.APPRAISAL:
      return em.findOne(Appraisal, id, { populate: ['proposal'] });
    case SubjectType.PROGRAMME:
      return em.findOne(WorkProgramme, id);
    case SubjectType.PROGRAMME_ITEM:
      return em.findOne(ProgrammeItem, id, { populate: ['programme'] });
  }
}

/** Whether the viewer may read a subject loaded by `loadSubject`: decided from the viewer's facts alone. */
export function mayReadSubject(viewer: Viewer, subject: Subject): boolean {
  if (subject instanceof Organization) return subject.id === viewer.organizationId;
  if (subject instanceof Unit) return subject.organization.id === viewer.organizationId;
  // The directory: every member of the organization reads its users (as the `users` query does).
  if (subject instanceof User) return subject.organization.id === viewer.organizationId;
  if (subject instanceof Meeting) return meetingPolicy.canRead(viewer, subject);
  if (subject instanceof AgendaItem) return meetingPolicy.canRead(viewer, subject.meeting.getEntity());
  if (subject instanceof Proposal) return proposalPolicy.canRead(viewer, subject);
  // A round is read with its proposal.
  if (subject instanceof Appraisal) return proposalPolicy.canRead(viewer, subject.proposal.getEntity());
  if (subject instanceof WorkProgramme) return programmePolicy.canRead(viewer, subject);
  if (subject instanceof ProgrammeItem) return programmePolicy.canRead(viewer, subject.programme.getEntity());
  return taskPolicy.canRead(viewer, subject);
}

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
  const subject = await loadSubject(em, type, id);
  return subject && mayReadSubject(viewer, subject) ? subject : null;
}

/**
 * The object a stream follows (an event scope, a presence scope), readable by the viewer, or the refusal:
 * BAD_USER_INPUT for a malformed id (checked here: a subscription's own `subscribe` runs before argument
 * validation), NOT_FOUND for one that does not exist or may not be seen.
 */
export async function requireReadableSubject(
  em: EntityManager,
  viewer: Viewer,
  type: SubjectType,
  id: string,
): Promise<Subject> {
  if (!isUuid(id)) throw new BadInputError('scope.id', '"scope.id" is not a valid id');
  const subject = await readableSubject(em, viewer, type, id);
  if (!subject) throw new NotFoundError(type, id);
  return subject;
}
