// The agenda's numbering ("1", "2", "2.1"), derived from the tree and never stored: the server numbers the
// agenda it reads, the client numbers the agenda it shows before the server has answered, and both read a
// sibling's place back from a number. One arithmetic, so the two never disagree on an item's number.

/** The number of the item at `index` (from 0) among its siblings under `parentNumber` (null: the top level). */
export function agendaNumber(parentNumber: string | null, index: number): string {
  return parentNumber === null ? `${index + 1}` : `${parentNumber}.${index + 1}`;
}

/** The place (from 0) among its siblings of the item numbered `number` ("2.3": 2); null for no number. */
export function agendaSiblingIndex(number: string): number | null {
  const index = Number(number.split('.').at(-1)) - 1;
  return Number.isInteger(index) && index >= 0 ? index : null;
}
