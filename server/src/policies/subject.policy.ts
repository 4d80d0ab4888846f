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

/** Each subject type's entity, with what `mayReadSubject` reads through it (an agenda item's meeting, …). */
const subjectEntities = {
  [SubjectType.ORGANIZATION]: { entity: Organization, populate: [] },
  [SubjectType.UNIT]: { entity: Unit, populate: [] },
  [SubjectType.USER]: { entity: User, populate: [] },
  [SubjectType.MEETING]: { entity: Meeting, populate: [] },
  [SubjectType.AGENDA_ITEM]: { entity: AgendaItem, populate: ['meeting'] },
  [SubjectType.PROPOSAL]: { entity: Proposal, populate: [] },
  [SubjectType.TASK]: { entity: Task, populate: [] },
  [SubjectType.APPRAISAL]: { entity: Appraisal, populate: ['proposal'] },
  [SubjectType.PROGRAMME]: { entity: WorkProgramme, populate: [] },
  [SubjectType.PROGRAMME_ITEM]: { entity: ProgrammeItem, populate: ['programme'] },
} as const;

/** Loads the subject of an event as it is now, whoever asks (null when it is gone). */
export async function loadSubject(em: EntityManager, type: SubjectType, id: string): Promise<Subject | null> {
  const { entity, populate } = subjectEntities[type];
  // One entity class stands for all in the call's types: each type reads its own table.
  return (await em.findOne(entity as typeof Task, id, { populate: populate as never })) as Subject | null;
}

/** The subjects of several events as they are now, one read per subject type, keyed `type:id`. */
export async function loadSubjects(
  em: EntityManager,
  events: readonly { subjectType: SubjectType; subjectId: string }[],
): Promise<Map<string, Subject>> {
  const idsByType = new Map<SubjectType, Set<string>>();
  for (const { subjectType, subjectId } of events)
    idsByType.set(subjectType, (idsByType.get(subjectType) ?? new Set<string>()).add(subjectId));
  const subjects = new Map<string, Subject>();
  for (const [type, ids] of idsByType) {
    const { entity, populate } = subjectEntities[type];
    // One entity class stands for all in the call's types: each type reads its own table.
    const found = (await em.find(
      entity as typeof Task,
      { id: { $in: [...ids] } },
      {
        populate: populate as never,
      },
    )) as Subject[];
    for (const subject of found) subjects.set(`${type}:${subject.id}`, subject);
  }
  return subjects;
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
