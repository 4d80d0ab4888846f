// The agenda as a tree, and the arithmetic of moving an item in it: pure functions, shared by
// drag and drop, the keyboard buttons and the optimistic view of a move in flight.
import { agendaNumber } from '@quorum/shared';
import type { AgendaItemFieldsFragment } from '../../generated/graphql';

/** An agenda item with the items under it, built by the client from `parentId` (the query reads the agenda flat). */
export type AgendaNode = AgendaItemFieldsFragment & { children?: AgendaNode[] };

export interface FlatItem {
  id: string;
  parentId: string | null;
  /** 0 for the top level. */
  depth: number;
  /** Position among its siblings. */
  index: number;
  siblingCount: number;
  item: AgendaNode;
}

/** Where an item goes: under `parentId` (null: the top level), at `index` among its new siblings. */
export interface MoveTarget {
  id: string;
  parentId: string | null;
  index: number;
  /** The sibling it will follow, null when first. */
  afterId: string | null;
  /** The sibling it will precede, null when last. */
  beforeId: string | null;
}

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent';

/** The tree from the agenda as the server lists it: depth first, each item naming its parent. */
export function buildTree(agenda: readonly AgendaNode[]): AgendaNode[] {
  const byParent = new Map<string | null, AgendaNode[]>();
  const ids = new Set(agenda.map((item) => item.id));
  for (const item of agenda) {
    // An item whose parent is not in the list (never expected) is shown at the top level.
    const parentId = item.parentId && ids.has(item.parentId) ? item.parentId : null;
    byParent.set(parentId, [...(byParent.get(parentId) ?? []), item]);
  }
  const build = (parentId: string | null): AgendaNode[] =>
    (byParent.get(parentId) ?? []).map((item) => ({ ...item, children: build(item.id) }));
  return build(null);
}

/** Depth first, in agenda order. */
export function flattenAgenda(roots: readonly AgendaNode[]): FlatItem[] {
  const flat: FlatItem[] = [];
  const walk = (level: readonly AgendaNode[], parentId: string | null, depth: number) =>
    level.forEach((item, index) => {
      flat.push({ id: item.id, parentId, depth, index, siblingCount: level.length, item });
      walk(item.children ?? [], item.id, depth + 1);
    });
  walk(roots, null, 0);
  return flat;
}

/** The ids of an item's descendants, in order. */
export function descendantIds(flat: readonly FlatItem[], id: string): string[] {
  const start = flat.findIndex((entry) => entry.id === id);
  if (start < 0) return [];
  const depth = flat[start]!.depth;
  const ids: string[] = [];
  for (let i = start + 1; i < flat.length && flat[i]!.depth > depth; i += 1) ids.push(flat[i]!.id);
  return ids;
}

/** How many levels an item's subtree spans below it (0 for a leaf). */
export function subtreeHeight(flat: readonly FlatItem[], id: string): number {
  const start = flat.findIndex((entry) => entry.id === id);
  if (start < 0) return 0;
  const depth = flat[start]!.depth;
  let height = 0;
  for (let i = start + 1; i < flat.length && flat[i]!.depth > depth; i += 1)
    height = Math.max(height, flat[i]!.depth - depth);
  return height;
}

function siblingsOf(flat: readonly FlatItem[], parentId: string | null): FlatItem[] {
  return flat.filter((entry) => entry.parentId === parentId);
}

/** The target for putting `id` under `parentId` at `index` of the siblings as they are without it. */
export function targetAt(
  flat: readonly FlatItem[],
  id: string,
  parentId: string | null,
  index: number,
): MoveTarget {
  const siblings = siblingsOf(flat, parentId).filter((entry) => entry.id !== id);
  const clamped = Math.max(0, Math.min(index, siblings.length));
  return {
    id,
    parentId,
    index: clamped,
    afterId: siblings[clamped - 1]?.id ?? null,
    beforeId: siblings[clamped]?.id ?? null,
  };
}

/** True when the move would leave the item where it is. */
export function isNoop(flat: readonly FlatItem[], target: MoveTarget): boolean {
  const entry = flat.find((candidate) => candidate.id === target.id);
  return !!entry && entry.parentId === target.parentId && entry.index === target.index;
}

/** The move a keyboard command asks for, or null when it cannot be done from here. */
export function keyboardTarget(
  flat: readonly FlatItem[],
  id: string,
  move: KeyboardMove,
  maxDepth: number,
): MoveTarget | null {
  const entry = flat.find((candidate) => candidate.id === id);
  if (!entry) return null;
  const siblings = siblingsOf(flat, entry.parentId);
  switch (move) {
    case 'up':
      return entry.index > 0 ? targetAt(flat, id, entry.parentId, entry.index - 1) : null;
    case 'down':
      return entry.index < siblings.length - 1 ? targetAt(flat, id, entry.parentId, entry.index + 1) : null;
    case 'indent': {
      // Becomes the last sub-item of the item above it at its own level.
      const previous = siblings[entry.index - 1];
      if (!previous) return null;
      if (entry.depth + 1 + subtreeHeight(flat, id) > maxDepth - 1) return null;
      return targetAt(flat, id, previous.id, siblingsOf(flat, previous.id).length);
    }
    case 'outdent': {
      // Follows its former parent, one level up.
      if (!entry.parentId) return null;
      const parent = flat.find((candidate) => candidate.id === entry.parentId);
      if (!parent) return null;
      return targetAt(flat, id, parent.parentId, parent.index + 1);
    }
  }
}

/**
 * Drag and drop on the flattened list: the item is dropped at `overId`'s row and its level
 * comes from how far it was dragged sideways, within what the rows around it allow.
 */
export function dropTarget(
  flat: readonly FlatItem[],
  activeId: string,
  overId: string,
  offsetLevels: number,
  maxDepth: number,
): MoveTarget | null {
  const hidden = new Set(descendantIds(flat, activeId));
  const visible = flat.filter((entry) => !hidden.has(entry.id));
  const from = visible.findIndex((entry) => entry.id === activeId);
  const to = visible.findIndex((entry) => entry.id === overId);
  if (from < 0 || to < 0) return null;
  const active = visible[from]!;
  const reordered = [...visible];
  reordered.splice(from, 1);
  reordered.splice(to, 0, active);

  const previous = reordered[to - 1];
  const next = reordered[to + 1];
  const height = subtreeHeight(flat, activeId);
  const wanted = active.depth + offsetLevels;
  const most = Math.min(previous ? previous.depth + 1 : 0, maxDepth - 1 - height);
  const least = next ? next.depth : 0;
  const depth = Math.max(Math.min(wanted, most), Math.min(least, most), 0);

  // The parent is the nearest row above at depth - 1.
  let parentId: string | null = null;
  if (depth > 0) {
    for (let i = to - 1; i >= 0; i -= 1) {
      const candidate = reordered[i]!;
      if (candidate.depth === depth - 1) {
        parentId = candidate.id;
        break;
      }
      if (candidate.depth < depth - 1) break;
    }
    if (!parentId) return null;
  }
  // Its index: the siblings above it in the new order.
  let index = 0;
  for (let i = 0; i < to; i += 1) {
    const candidate = reordered[i]!;
    if (candidate.id !== activeId && candidate.parentId === parentId) index += 1;
  }
  return targetAt(flat, activeId, parentId, index);
}

/** The tree with one move applied, for showing a move before the server has answered. */
export function applyMove(roots: readonly AgendaNode[], target: MoveTarget): AgendaNode[] {
  let moving: AgendaNode | undefined;
  const without = (level: readonly AgendaNode[]): AgendaNode[] =>
    level.flatMap((item) => {
      if (item.id === target.id) {
        moving = item;
        return [];
      }
      return [{ ...item, children: without(item.children ?? []) }];
    });
  const pruned = without(roots);
  if (!moving) return [...roots];
  const moved = moving;
  const insert = (level: AgendaNode[], parentId: string | null): AgendaNode[] => {
    const children: AgendaNode[] = level.map((item) => ({
      ...item,
      children: insert(item.children ?? [], item.id),
    }));
    if (parentId !== target.parentId) return children;
    children.splice(Math.min(target.index, children.length), 0, moved);
    return children;
  };
  return renumber(insert(pruned, null));
}

/** Numbers, depths and parents as the server derives them: "1", "2", "2.1". */
export function renumber(
  level: readonly AgendaNode[],
  parentNumber: string | null = null,
  parentId: string | null = null,
  depth = 0,
): AgendaNode[] {
  return level.map((item, index) => {
    const number = agendaNumber(parentNumber, index);
    return {
      ...item,
      number,
      parentId,
      depth,
      children: renumber(item.children ?? [], number, item.id, depth + 1),
    };
  });
}

export interface PlannedTime {
  startsAt: Date;
  endsAt: Date;
  /** What this branch takes: the item's own minutes plus its sub-items' totals. */
  minutes: number;
  /** The sub-items' total, when it has any. */
  childMinutes: number | null;
}

const MINUTE = 60_000;

/**
 * Planned times, as the server plans them (the meeting book, the .ics): siblings follow each
 * other; an item's own minutes come first, then its sub-items. Returns the times by id and
 * the agenda's total minutes (the server's `agendaDurationMinutes`).
 */
export function planAgenda(
  roots: readonly AgendaNode[],
  start: Date,
): { times: Map<string, PlannedTime>; totalMinutes: number } {
  const times = new Map<string, PlannedTime>();
  const plan = (level: readonly AgendaNode[], from: number): number => {
    let elapsed = 0;
    for (const item of level) {
      const startsAt = from + elapsed * MINUTE;
      const own = item.durationMinutes ?? 0;
      const children = item.children ?? [];
      const childMinutes = children.length > 0 ? plan(children, startsAt + own * MINUTE) : null;
      const minutes = own + (childMinutes ?? 0);
      times.set(item.id, {
        startsAt: new Date(startsAt),
        endsAt: new Date(startsAt + minutes * MINUTE),
        minutes,
        childMinutes,
      });
      elapsed += minutes;
    }
    return elapsed;
  };
  const totalMinutes = plan(roots, start.getTime());
  return { times, totalMinutes };
}
