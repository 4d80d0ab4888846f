import type { AgendaItem, Meeting } from '../entities/index.js';

export interface Agenda {
  /** Every item of the meeting, depth first in agenda order. */
  items: AgendaItem[];
  roots: AgendaItem[];
  children: Map<string, AgendaItem[]>;
  /** Derived numbering: "1", "2", "2.1". */
  numbers: Map<string, string>;
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

export function buildAgenda(all: readonly AgendaItem[]): Agenda {
  const byPosition = [...all].sort((a, b) =>
    a.position < b.position ? -1 : a.position > b.position ? 1 : a.id < b.id ? -1 : 1,
  );
  const children = new Map<string, AgendaItem[]>();
  const roots: AgendaItem[] = [];
  for (const item of byPosition) {
    const parentId = item.parent?.id;
    if (parentId) children.set(parentId, [...(children.get(parentId) ?? []), item]);
    else roots.push(item);
  }
  const numbers = new Map<string, string>();
  const items: AgendaItem[] = [];
  const walk = (level: AgendaItem[], prefix: string) =>
    level.forEach((item, index) => {
      const number = `${prefix}${index + 1}`;
      numbers.set(item.id, number);
      items.push(item);
      walk(children.get(item.id) ?? [], `${number}.`);
    });
  walk(roots, '');
  return { items, roots, children, numbers };
}
