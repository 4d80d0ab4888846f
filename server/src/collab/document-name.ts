import { isUuid } from '@quorum/shared';

/**
 * The documents served under `/collab`, by name. A proposal's body is `proposal:<id>`; minutes and agenda
 * notes (DESIGN, "Real-time co-editing") will be further kinds.
 */
export type CollabDocument = { kind: 'proposal'; id: string };

/** The document a name stands for, or null when the name is not one we serve. */
export function parseDocumentName(name: string): CollabDocument | null {
  const match = /^proposal:(.+)$/.exec(name);
  if (!match || !isUuid(match[1]!)) return null;
  return { kind: 'proposal', id: match[1]! };
}

export function proposalDocumentName(proposalId: string): string {
  return `proposal:${proposalId}`;
}
