import { agendaNumber, limits, ProposalStatus } from '@quorum/shared';
import { BadInputError } from '../errors.js';

// The agenda as a tree: its order, numbering, depths and planned minutes, how deep it may nest, and when
// its items are ready. Pure rules over items however they were loaded (entities in the commands, rows on
// the read path, the meeting book's rows in the exports).

/** What the tree is built from: an agenda item as an entity or as a row. */
export interface AgendaNode {
  id: string;
  position: string;
  parent?: { readonly id: string } | null;
  durationMinutes?: number | null;
}

export interface Agenda<T extends AgendaNode> {
  /** Every item of the meeting, depth first in agenda order. */
  items: T[];
  roots: T[];
  children: Map<string, T[]>;
  /** Derived numbering: "1", "2", "2.1". */
  numbers: Map<string, string>;
  /** 0 for the top level. */
  depths: Map<string, number>;
  /** An item's own minutes plus its sub-items' totals. */
  totals: Map<string, number>;
  /** The whole agenda's minutes: the sum of the top level's totals. */
  duration: number;
}

/** Siblings in order: by fractional key, and by id when two keys are equal (so every reader agrees). */
export function compareSiblings(a: AgendaNode, b: AgendaNode): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildAgenda<T extends AgendaNode>(all: readonly T[]): Agenda<T> {
  const byPosition = [...all].sort(compareSiblings);
  const known = new Set(all.map((item) => item.id));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const item of byPosition) {
    const parentId = item.parent?.id;
    // An item whose parent is not in the list (never in a consistent agenda) is shown at the top level
    // rather than lost.
    if (parentId && known.has(parentId)) children.set(parentId, [...(children.get(parentId) ?? []), item]);
    else roots.push(item);
  }
  const numbers = new Map<string, string>();
  const depths = new Map<string, number>();
  const totals = new Map<string, number>();
  const items: T[] = [];
  const walk = (level: T[], parentNumber: string | null, depth: number, offset = 0): number => {
    let sum = 0;
    level.forEach((item, index) => {
      if (numbers.has(item.id)) return;
      const number = agendaNumber(parentNumber, offset + index);
      numbers.set(item.id, number);
      depths.set(item.id, depth);
      items.push(item);
      const total = (item.durationMinutes ?? 0) + walk(children.get(item.id) ?? [], number, depth + 1);
      totals.set(item.id, total);
      sum += total;
    });
    return sum;
  };
  let duration = walk(roots, null, 0);
  // Items on a cycle (never written: moves refuse them) are not reachable from the top; show them there.
  const unreached = byPosition.filter((item) => !numbers.has(item.id));
  for (const item of unreached) {
    if (numbers.has(item.id)) continue;
    roots.push(item);
    duration += walk([item], null, 0, roots.length - 1);
  }
  return { items, roots, children, numbers, depths, totals, duration };
}

/** The ids of an item and of everything under it. */
export function subtreeIds<T extends AgendaNode>(agenda: Agenda<T>, id: string): string[] {
  const ids: string[] = [];
  const visit = (itemId: string) => {
    ids.push(itemId);
    for (const child of agenda.children.get(itemId) ?? []) visit(child.id);
  };
  visit(id);
  return ids;
}

/** Levels an item occupies with its sub-items (1 for a leaf). */
export function heightOf<T extends AgendaNode>(agenda: Agenda<T>, id: string): number {
  const children = agenda.children.get(id) ?? [];
  return 1 + Math.max(0, ...children.map((child) => heightOf(agenda, child.id)));
}

/**
 * Refuses to put `movedHeight` levels (an item with its sub-items) under `parentId` (undefined: the top
 * level) when the agenda would then nest deeper than `limits.agendaDepthMax`, the limit the client's
 * indenting stops at too.
 */
export function checkAgendaDepth<T extends AgendaNode>(
  agenda: Agenda<T>,
  parentId: string | undefined,
  movedHeight = 1,
): void {
  const depth = parentId ? (agenda.depths.get(parentId) ?? 0) + 1 : 0;
  if (depth + movedHeight > limits.agendaDepthMax)
    throw new BadInputError('parentId', `The agenda nests at most ${limits.agendaDepthMax} levels`);
}

export interface ItemReadiness {
  materialsAttached: boolean;
  appraisalFinished: boolean;
  presenterConfirmed: boolean;
  ready: boolean;
}

/** What readiness judges of an item, from its own columns. */
export interface ReadinessNode extends AgendaNode {
  materialsRequired: boolean;
  proposal?: { readonly id: string } | null;
  presenterUser?: { readonly id: string } | null;
  presenterUnit?: { readonly id: string } | null;
  presenterConfirmedAt?: Date | null;
}

/** What readiness needs to know of each item besides its own columns (counted by the database). */
export interface ItemFacts {
  files: number;
  proposalStatus: string | null;
  rounds: number;
  closedRounds: number;
}

export interface Readiness<T extends ReadinessNode> {
  byItem: Map<string, ItemReadiness>;
  /** Items with no sub-items, in agenda order: what the meeting's counts are made of. */
  leaves: T[];
}

const appraised = new Set<string>([
  ProposalStatus.APPRAISED,
  ProposalStatus.SUBMITTED,
  ProposalStatus.SCHEDULED,
  ProposalStatus.ADOPTED,
]);

/** Readiness of every item: leaf items are judged on their own; an item with sub-items combines theirs. */
export function judgeReadiness<T extends ReadinessNode>(
  agenda: Agenda<T>,
  facts: ReadonlyMap<string, ItemFacts>,
): Readiness<T> {
  const none: ItemFacts = { files: 0, proposalStatus: null, rounds: 0, closedRounds: 0 };
  const byItem = new Map<string, ItemReadiness>();
  const leaves: T[] = [];
  // Children before parents: walk the depth-first list backwards.
  for (const item of [...agenda.items].reverse()) {
    const children = agenda.children.get(item.id) ?? [];
    let result: ItemReadiness;
    if (children.length > 0) {
      const own = children.map((child) => byItem.get(child.id)!);
      result = {
        materialsAttached: own.every((r) => r.materialsAttached),
        appraisalFinished: own.every((r) => r.appraisalFinished),
        presenterConfirmed: own.every((r) => r.presenterConfirmed),
        ready: own.every((r) => r.ready),
      };
    } else {
      const fact = facts.get(item.id) ?? none;
      const hasProposal = !!item.proposal;
      const materialsAttached = !item.materialsRequired || hasProposal || fact.files > 0;
      const appraisalFinished =
        !hasProposal ||
        (fact.proposalStatus !== null && appraised.has(fact.proposalStatus)) ||
        (fact.rounds > 0 && fact.closedRounds === fact.rounds);
      const presenterConfirmed = !!(item.presenterUser || item.presenterUnit) && !!item.presenterConfirmedAt;
      result = {
        materialsAttached,
        appraisalFinished,
        presenterConfirmed,
        ready: materialsAttached && appraisalFinished && presenterConfirmed,
      };
    }
    byItem.set(item.id, result);
  }
  for (const item of agenda.items) if (!agenda.children.get(item.id)?.length) leaves.push(item);
  return { byItem, leaves };
}
