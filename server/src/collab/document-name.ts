import { isUuid } from '@quorum/shared';

/**
 * The documents served under `/collab`, by name: a proposal's body is `proposal:<id>`, a meeting's minutes
 * `meeting:<id>:minutes`. Agenda notes (DESIGN, "Real-time co-editing") will be a further kind.
 */
export type CollabDocument = { kind: 'proposal'; id: string } | { kind: 'minutes'; id: string };

export type CollabKind = CollabDocument['kind'];

/** The document a name stands for, or null when the name is not one we serve. */
export function parseDocumentName(name: string): CollabDocument | null {
  const proposal = /^proposal:(.+)$/.exec(name);
  if (proposal) return isUuid(proposal[1]!) ? { kind: 'proposal', id: proposal[1]! } : null;
  const minutes = /^meeting:(.+):minutes$/.exec(name);
  if (minutes) return isUuid(minutes[1]!) ? { kind: 'minutes', id: minutes[1]! } : null;
  return null;
}

export function proposalDocumentName(proposalId: string): string {
  return `proposal:${proposalId}`;
}

export function minutesDocumentName(meetingId: string): string {
  return `meeting:${meetingId}:minutes`;
}

export function documentName(document: CollabDocument): string {
  return document.kind === 'proposal' ? proposalDocumentName(document.id) : minutesDocumentName(document.id);
}
