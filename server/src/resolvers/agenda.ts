import { AppraisalStatus, ProposalStatus } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import { Meeting, type AgendaItem } from '../entities/index.js';
import { thenOrNow, type Row, type Rows, type Stub } from '../read/rows.js';

/** What the tree is built from: an agenda item as an entity or as a row. */
export interface AgendaNode {
  id: string;
  position: string;
  parent?: Stub | null;
  durationMinutes?: number | null;
}

export interface Agenda<T extends AgendaNode = Row<AgendaItem>> {
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

/**
 * A meeting's whole agenda, loaded in one (batched) statement, with its tree and numbering; once per
 * operation, shared by all the nested fields that need it, and at once when it is built already.
 */
export function agendaOf(rows: Rows, meetingId: string): Agenda | Promise<Agenda> {
  return rows.memo(`agenda:${meetingId}`, async () =>
    buildAgenda(await rows.collection(Meeting, 'agendaItems', meetingId)),
  );
}

/**
 * What `read` finds in a meeting's agenda: at once when the operation has it already (always so for the
 * items of `Meeting.agenda`, which come from it), so the many fields of each item need not wait in turn.
 */
export function fromAgenda<R>(rows: Rows, meetingId: string, read: (agenda: Agenda) => R): R | Promise<R> {
  return thenOrNow(agendaOf(rows, meetingId), read);
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
  const walk = (level: T[], prefix: string, depth: number, offset = 0): number => {
    let sum = 0;
    level.forEach((item, index) => {
      if (numbers.has(item.id)) return;
      const number = `${prefix}${offset + index + 1}`;
      numbers.set(item.id, number);
      depths.set(item.id, depth);
      items.push(item);
      const total = (item.durationMinutes ?? 0) + walk(children.get(item.id) ?? [], `${number}.`, depth + 1);
      totals.set(item.id, total);
      sum += total;
    });
    return sum;
  };
  let duration = walk(roots, '', 0);
  // Items on a cycle (never written: moves refuse them) are not reachable from the top; show them there.
  const unreached = byPosition.filter((item) => !numbers.has(item.id));
  for (const item of unreached) {
    if (numbers.has(item.id)) continue;
    roots.push(item);
    duration += walk([item], '', 0, roots.length - 1);
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

export interface ItemReadiness {
  materialsAttached: boolean;
  appraisalFinished: boolean;
  presenterConfirmed: boolean;
  ready: boolean;
}

export interface Readiness {
  byItem: Map<string, ItemReadiness>;
  /** Items with no sub-items, in agenda order: what the meeting's counts are made of. */
  leaves: Row<AgendaItem>[];
}

const appraised = new Set<string>([
  ProposalStatus.APPRAISED,
  ProposalStatus.SUBMITTED,
  ProposalStatus.SCHEDULED,
  ProposalStatus.ADOPTED,
]);

/** What readiness needs to know of each item besides its own columns, counted by the database. */
interface ItemFacts {
  files: number;
  proposalStatus: string | null;
  rounds: number;
  closedRounds: number;
}

/**
 * One statement for the whole meeting, whatever its size. Readiness does not go through the items'
 * collections: the same collections are loaded by the nested fields of the query (files, appraisals), and
 * two loads of one collection racing each other would make the statement count depend on timing.
 */
async function factsOf(em: EntityManager, meetingId: string): Promise<Map<string, ItemFacts>> {
  type Row = {
    id: string;
    proposal_status: string | null;
    files: number;
    rounds: number;
    closed_rounds: number;
  };
  const rows: Row[] = await em.getConnection().execute(
    `select ai.id, p.status as proposal_status,
       (select count(*)::int from attachment f where f.agenda_item_id = ai.id) as files,
       (select count(*)::int from appraisal r where r.proposal_id = ai.proposal_id) as rounds,
       (select count(*)::int from appraisal r where r.proposal_id = ai.proposal_id and r.status = ?) as closed_rounds
     from agenda_item ai left join proposal p on p.id = ai.proposal_id
     where ai.meeting_id = ?`,
    [AppraisalStatus.CLOSED, meetingId],
  );
  return new Map(
    rows.map((row) => [
      row.id,
      {
        files: row.files,
        proposalStatus: row.proposal_status,
        rounds: row.rounds,
        closedRounds: row.closed_rounds,
      },
    ]),
  );
}

/**
 * Readiness of every item of a meeting: its own columns plus one counting statement, once per operation.
 * Leaf items are judged on their own; an item with sub-items combines theirs.
 */
export function readinessOf(
  rows: Rows,
  em: EntityManager,
  meetingId: string,
): Readiness | Promise<Readiness> {
  return rows.memo(`readiness:${meetingId}`, () => computeReadiness(rows, em, meetingId));
}

async function computeReadiness(rows: Rows, em: EntityManager, meetingId: string): Promise<Readiness> {
  const [agenda, facts] = await Promise.all([agendaOf(rows, meetingId), factsOf(em, meetingId)]);
  const none: ItemFacts = { files: 0, proposalStatus: null, rounds: 0, closedRounds: 0 };
  const byItem = new Map<string, ItemReadiness>();
  const leaves: Row<AgendaItem>[] = [];
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
