// Where a notification leads and what it is called (the operations are in schema/operations/client/notification.graphql).
import type { NotificationFieldsFragment } from '../generated/graphql';

/** What a notification is about: a title and where it lives. */
type NotificationSubject = NotificationFieldsFragment['event']['subject'];

/** The client's page of a notification's object (an agenda item's meeting, a round's proposal), if any. */
export function notificationPath(subject: NotificationSubject): string | null {
  if (!subject) return null;
  switch (subject.__typename) {
    case 'Task':
      return `/tasks/${subject.id}`;
    case 'Meeting':
      return `/meetings/${subject.id}`;
    case 'Proposal':
      return `/proposals/${subject.id}`;
    case 'WorkProgramme':
      return `/programme/${subject.id}`;
    case 'AgendaItem':
      return `/meetings/${subject.meeting.id}`;
    case 'Appraisal':
      return `/proposals/${subject.proposal.id}`;
    case 'ProgrammeItem':
      return `/programme/${subject.programme.id}`;
    default:
      return null;
  }
}

/** The title shown for a notification's object. */
export function notificationTitle(subject: NotificationSubject): string | null {
  if (!subject) return null;
  if (subject.__typename === 'Appraisal') return subject.proposal.title;
  return 'title' in subject ? subject.title : null;
}
