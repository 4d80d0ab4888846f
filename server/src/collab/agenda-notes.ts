import { type EntityManager, LockMode, raw } from '@mikro-orm/core';
import { EventType } from '@quorum/shared';
import * as Y from 'yjs';
import { appendMeetingEvent } from '../commands/meeting-support.js';
import { restoredBody } from '../commands/body-snapshot.js';
import type { Context } from '../context.js';
import { AgendaItem, Meeting } from '../entities/index.js';
import type { BodyTable } from './body.store.js';
import { seedFromText } from './body-text.js';
import type { AgendaNoteField, CollabDocument } from './document-name.js';

const stateColumn = { description: 'descriptionState', conclusion: 'conclusionState' } as const;

/** The text of a note as its column keeps it: null when there is none. */
const columnText = (text: string) => (text.trim() === '' ? null : text);

const bytes = (value: Uint8Array | null | undefined) =>
  value && value.byteLength > 0 ? new Uint8Array(value) : null;

/** The item's row, locked, with the note's text and state (lazy) and its meeting's id. */
function lockItem(em: EntityManager, id: string, field: AgendaNoteField) {
  return em.findOne(
    AgendaItem,
    { id },
    { populate: [stateColumn[field]], lockMode: LockMode.PESSIMISTIC_WRITE },
  );
}

/**
 * An agenda item's description or conclusion, co-edited over `/collab` during the session as a small document
 * (`agenda-item:<id>:description|conclusion`): the Yjs state in `description_state` / `conclusion_state`, its
 * plain text in `description` / `conclusion`, where GraphQL, search, the meeting book and the minutes' seed
 * read it. A store that changes the text appends AGENDA_ITEM_UPDATED with the change, by the last editor, so
 * that every room shows it live without opening the document; like a body's store it leaves the item's
 * `version` alone (another form on the item is no conflict with the text typed meanwhile).
 */
export function agendaNoteTable(field: AgendaNoteField): BodyTable {
  const state = stateColumn[field];
  return {
    async load(em, id) {
      const item = await em.findOne(AgendaItem, { id }, { fields: ['id', field, state] });
      if (!item) return null;
      const stored = bytes(item[state]);
      if (stored) return stored;
      // Stored at once, as the minutes' seed is: two instances opening the note at the same moment must not
      // each make its own copy of the text (under different Yjs ids, merged they would read twice).
      const seed = seedFromText(item[field] ?? '');
      await em.nativeUpdate(
        AgendaItem,
        { id, [state]: null },
        { [state]: Buffer.from(seed), version: raw('"version"') },
      );
      const again = await em.fork().findOne(AgendaItem, { id }, { fields: ['id', state] });
      return bytes(again?.[state]) ?? seed;
    },
    async lock(em, id) {
      const item = await lockItem(em, id, field);
      return item ? { state: bytes(item[state]) } : undefined;
    },
    async write(em, id, { state: next, text }, { actorId, feed }) {
      // Locked and read by `lock` in this transaction: the identity map has it.
      const item = await lockItem(em, id, field);
      if (!item) return;
      const before = item[field] ?? null;
      const after = columnText(text);
      await em.nativeUpdate(
        AgendaItem,
        { id },
        { [state]: Buffer.from(next), [field]: after, version: raw('"version"') },
      );
      if (before === after || !feed) return;
      const meeting = await em.findOneOrFail(Meeting, item.meeting.id, {
        fields: ['id', 'organization', 'classification'],
      });
      await appendMeetingEvent(
        { feed },
        em,
        { organizationId: meeting.organization.id, userId: actorId ?? undefined },
        meeting,
        {
          type: EventType.AGENDA_ITEM_UPDATED,
          subject: item,
          changes: { [field]: { before, after } },
        },
      );
    },
  };
}

/** A change a command made to a note's document, to reach its live copy once the command has committed. */
export interface NoteUpdate {
  document: CollabDocument;
  update: Uint8Array;
  live: boolean;
}

/**
 * A command sets an item's description or conclusion (`updateAgendaItem`, concluding with a conclusion): when
 * the note has a document (stored, or open on this instance), its text is replaced in it as a new change, in
 * the caller's transaction, so that the document and the column say the same; `applyNoteUpdates` brings the
 * change to the editors once committed. Without a document the column is all there is (a document opened
 * later starts from it). The column itself is the caller's to write.
 */
export async function replaceNoteText(
  ctx: Context,
  em: EntityManager,
  itemId: string,
  field: AgendaNoteField,
  text: string | null,
): Promise<NoteUpdate | null> {
  const document: CollabDocument = { kind: field, id: itemId };
  const live = ctx.collab?.liveState(document) ?? null;
  const row = (await em
    .getConnection()
    .execute(
      `select ${field}_state as state from agenda_item where id = ? for update`,
      [itemId],
      'get',
      em.getTransactionContext(),
    )) as { state: Uint8Array | null } | undefined;
  const stored = bytes(row?.state);
  if (!live && !stored) return null;
  const current = live && stored ? Y.mergeUpdates([stored, live]) : (live ?? stored)!;
  const { update, state } = restoredBody(current, seedFromText(text ?? ''));
  await em
    .getConnection()
    .execute(
      `update agenda_item set ${field}_state = ? where id = ?`,
      [Buffer.from(state), itemId],
      'run',
      em.getTransactionContext(),
    );
  return { document, update, live: !!live };
}

/** After the command's commit: its notes' changes reach their live documents (and editors) on this instance. */
export async function applyNoteUpdates(ctx: Context, updates: readonly (NoteUpdate | null)[]): Promise<void> {
  for (const note of updates) {
    if (!note) continue;
    try {
      await ctx.collab?.applyUpdate(note.document, note.update, note.live);
    } catch (error) {
      // Stored with the command: an editor open here gets it when the note is next loaded.
      console.error(
        `agenda notes: a change did not reach the live ${note.document.kind} of ${note.document.id}`,
      );
      console.error(error);
    }
  }
}
