import { createContext } from 'react';

/** What the room knows of others' presence, for the agenda's items; set by the room. */
export interface RoomPresence {
  /** Who else is editing each agenda item (full names), by item id. */
  editors: ReadonlyMap<string, readonly string[]>;
  /** This viewer opened a form on an item (its id), or closed it (null): announced to the others. */
  setEditing: (itemId: string | null) => void;
}

export const PresenceContext = createContext<RoomPresence>({ editors: new Map(), setEditing: () => {} });
