import { AppraisalStatus, ProposalStatus } from '@quorum/shared';
import type { EntityManager } from '@mikro-orm/core';
import type { AgendaItem, Meeting } from '../entities/index.js';

export interface Agenda {
  /** Every item of the meeting, depth first in agenda order. */
  items: AgendaItem[];
  roots: AgendaItem[];
  children: Map<string, AgendaItem[]>;
  /** Derived numbering: "1", "2", "2.1". */
  numbers: Map<string, string>;
  /** 0 for the top level. */
  depths: Map<string, number>;
  /** An item's own minutes plus its sub-items' totals. */
  totals: Map<string, number>;
  /** The whole agenda's minutes: the sum of the top level's totals. */
  duration: number;
}

// One agenda per loaded meeting object: all nested fields of one request share it.
const agendas = new WeakMap<Meeting, Promise<Agenda>>();

/** Loads a meeting's whole agenda in one (batched) query and derives its tree and numbering. */
export function agendaOf(meeting: Meeting): Promise<Agenda> {
  let agenda = agendas.get(meeting);
  if (!agenda) {
    agenda = meeting.agendaItems.load().then((loaded) => buildAgenda(loaded.getItems()));
    agendas.set(meeting, agenda);
  }
  return agenda;
}

/** Siblings in order: by fractional key, and by id when two keys are equal (so every reader agrees). */
export function compareSiblings(a: AgendaItem, b: AgendaItem): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function buildAgenda(all: readonly AgendaItem[]): Agenda {
  const byPosition = [...all].sort(compareSiblings);
  const known = new Set(all.map((item) => item.id));
  const children = new Map<string, AgendaItem[]>();
  const roots: AgendaItem[] = [];
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
  const items: AgendaItem[] = [];
  const walk = (level: AgendaItem[], prefix: string, depth: number, offset = 0): number => {
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
export function subtreeIds(agenda: Agenda, id: string): string[] {
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
  leaves: AgendaItem[];
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

const readinesses = new WeakMap<Meeting, Promise<Readiness>>();

/**
 * Readiness of every item of a meeting: its own columns plus one counting statement. Leaf items are judged
 * on their own; an item with sub-items combines theirs.
 */
export function readinessOf(meeting: Meeting, em: EntityManager): Promise<Readiness> {
  let readiness = readinesses.get(meeting);
  if (!readiness) {
    readiness = computeReadiness(meeting, em);
    readinesses.set(meeting, readiness);
  }
  return readiness;
}

async function computeReadiness(meeting: Meeting, em: EntityManager): Promise<Readiness> {
  const [agenda, facts] = await Promise.all([agendaOf(meeting), factsOf(em, meeting.id)]);
  const none: ItemFacts = { files: 0, proposalStatus: null, rounds: 0, closedRounds: 0 };
  const byItem = new Map<string, ItemReadiness>();
  const leaves: AgendaItem[] = [];
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
