import { Classification } from '@quorum/shared';
import { moreRestricted } from '../domain/classification.js';
import {
  AgendaItem,
  Appraisal,
  Meeting,
  Proposal,
  Task,
  type Event,
  type FieldChanges,
} from '../entities/index.js';
import type { Subject } from './subject.policy.js';

/** The classification a subject has now (a round's is its proposal's); the directory (organization, units, users) is INTERNAL. */
function classificationNow(subject: Subject): Classification | undefined {
  if (subject instanceof Meeting || subject instanceof Proposal || subject instanceof Task)
    return subject.classification;
  if (subject instanceof AgendaItem)
    return subject.meeting.isInitialized() ? subject.meeting.getEntity().classification : undefined;
  if (subject instanceof Appraisal)
    return subject.proposal.isInitialized() ? subject.proposal.getEntity().classification : undefined;
  return Classification.INTERNAL;
}

/**
 * The before/after an event may show to a viewer who may read its subject now (the caller has decided that).
 * The values are from when the event was written, so they are shown only while the subject is at least as
 * restricted as it was then: once a CONFIDENTIAL meeting is made INTERNAL, the titles and names it had while
 * confidential stay with its past readers. Null when withheld.
 */
export function visibleChanges(event: Event, subject: Subject): FieldChanges | null {
  const now = classificationNow(subject);
  if (!now || moreRestricted(event.classification, now)) return null;
  return event.changes;
}
