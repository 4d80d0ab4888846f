import { isUuid } from '@quorum/shared';

/** The co-edited notes of an agenda item: its description and its conclusion, each a document of its own. */
export type AgendaNoteField = 'description' | 'conclusion';

/**
 * The documents served under `/collab`, by name: a proposal's body is `proposal:<id>`, a meeting's minutes
 * `meeting:<id>:minutes`, an agenda item's notes `agenda-item:<id>:description` and `agenda-item:<id>:conclusion`
 * (the kind is the field; `id` the agenda item's).
 */
export type CollabDocument =
  | { kind: 'proposal'; id: string }
  | { kind: 'minutes'; id: string }
  | { kind: AgendaNoteField; id: string };

export type CollabKind = CollabDocument['kind'];

/** The document a name stands for, or null when the name is not one we serve. */
export function parseDocumentName(name: string): CollabDocument | null {
  const proposal = /^proposal:(.+)$/.exec(name);
  if (proposal) return isUuid(proposal[1]!) ? { kind: 'proposal', id: proposal[1]! } : null;
  const minutes = /^meeting:(.+):minutes$/.exec(name);
  if (minutes) return isUuid(minutes[1]!) ? { kind: 'minutes', id: minutes[1]! } : null;
  const note = /^agenda-item:(.+):(description|conclusion)$/.exec(name);
  if (note) return isUuid(note[1]!) ? { kind: note[2] as AgendaNoteField, id: note[1]! } : null;
  return null;
}

export function proposalDocumentName(proposalId: string): string {
  return `proposal:${proposalId}`;
}

export function minutesDocumentName(meetingId: string): string {
  return `meeting:${meetingId}:minutes`;
}

export function agendaNoteDocumentName(agendaItemId: string, field: AgendaNoteField): string {
  return `agenda-item:${agendaItemId}:${field}`;
}

export function documentName(document: CollabDocument): string {
  switch (document.kind) {
    case 'proposal':
      return proposalDocumentName(document.id);
    case 'minutes':
      return minutesDocumentName(document.id);
    default:
      return agendaNoteDocumentName(document.id, document.kind);
  }
}
