import type { EntityManager } from '@mikro-orm/core';
import * as Y from 'yjs';
import { Meeting } from '../entities/index.js';
import { assembleMeetingBook, type BookItem, type MeetingBook } from '../exports/meeting-book.js';
import { formatDateTime } from '../exports/format.js';
import { voteOutcomeLabel } from '../exports/labels.js';
import type { BodyTable } from './body.store.js';
import { bodyText, type SeedBlock, seedFromBlocks } from './body-text.js';

/** A meeting's minutes as stored: their text and HTML (kept current by every store) and when last stored. */
export interface StoredMinutes {
  meetingId: string;
  text: string;
  html: string | null;
  updatedAt: Date;
}

type Raw = {
  meeting_id: string;
  state?: Uint8Array | null;
  text: string;
  html: string | null;
  updated_at: Date | string;
};

const execute = <T>(em: EntityManager, sql: string, params: unknown[], method: 'all' | 'run' = 'all') =>
  em.getConnection().execute(sql, params, method, em.getTransactionContext()) as Promise<T>;

/**
 * The minutes of meetings (`meeting_minutes`, one row per meeting once first stored): those that exist, by
 * meeting id. The caller has decided that the viewer may read each meeting.
 */
export async function readMinutes(
  em: EntityManager,
  meetingIds: readonly string[],
): Promise<Map<string, StoredMinutes>> {
  if (meetingIds.length === 0) return new Map();
  const rows = await execute<Raw[]>(
    em,
    `select meeting_id, text, html, updated_at from meeting_minutes
      where meeting_id in (${meetingIds.map(() => '?').join(', ')})`,
    [...meetingIds],
  );
  return new Map(
    rows.map((row) => [
      row.meeting_id,
      { meetingId: row.meeting_id, text: row.text, html: row.html, updatedAt: new Date(row.updated_at) },
    ]),
  );
}

/**
 * Minutes as first opened, from the agenda: a heading with the meeting's title, then its date and place; each
 * agenda item under its agenda number (`buildAgenda`'s, through the meeting book), with its presenter, its
 * conclusion and the vote recorded so far. Proposals are left out: the minutes are read by everyone who may
 * read the meeting, whoever may read them.
 */
export function minutesBlocks(book: MeetingBook): SeedBlock[] {
  const { meeting, timeZone } = book;
  const blocks: SeedBlock[] = [
    { type: 'heading', level: 1, text: `Biên bản ${meeting.title}` },
    { type: 'paragraph', text: `Thời gian: ${formatDateTime(meeting.startsAt, timeZone)}` },
  ];
  if (meeting.location) blocks.push({ type: 'paragraph', text: `Địa điểm: ${meeting.location}` });
  const addItem = (item: BookItem) => {
    blocks.push({
      type: 'heading',
      level: Math.min(2 + item.depth, 3),
      text: `${item.number}. ${item.title}`,
    });
    if (item.presenter) blocks.push({ type: 'paragraph', text: `Trình bày: ${item.presenter.name}` });
    if (item.conclusion) blocks.push({ type: 'paragraph', text: `Kết luận: ${item.conclusion}` });
    if (item.vote)
      blocks.push({
        type: 'paragraph',
        text:
          `Biểu quyết: ${item.vote.votesFor} tán thành, ${item.vote.votesAgainst} không tán thành, ` +
          `${item.vote.abstentions} không biểu quyết. ${voteOutcomeLabel[item.vote.outcome]}.`,
      });
    for (const child of item.children) addItem(child);
  };
  for (const item of book.agenda) addItem(item);
  return blocks;
}

/** The first state of a meeting's minutes, from its agenda; null for a missing meeting or a template. */
export async function minutesSeed(em: EntityManager, meetingId: string): Promise<Uint8Array | null> {
  const meeting = await em.findOne(Meeting, { id: meetingId, isTemplate: false });
  if (!meeting) return null;
  return seedFromBlocks(minutesBlocks(await assembleMeetingBook(em, null, meeting)));
}

const bytes = (value: Uint8Array | null | undefined) =>
  value && value.byteLength > 0 ? new Uint8Array(value) : null;

/** A meeting's minutes: the `meeting_minutes` row, seeded from the agenda until first stored. */
export const minutesTable: BodyTable = {
  async load(em, id) {
    const [row] = await execute<Raw[]>(em, 'select state from meeting_minutes where meeting_id = ?', [id]);
    const stored = bytes(row?.state);
    if (stored) return stored;
    const seed = await minutesSeed(em, id);
    if (!seed) return null;
    // Stored at once: the seed is of the agenda as it is now, and a client that kept it (offline) must find
    // the same items on its next visit, not another seed under the same Yjs ids. The first instance wins.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, seed);
    const text = bodyText(doc);
    // TipTap's serializer, loaded once (the connection that opened the minutes warmed it); without it, the
    // HTML comes with the first edit.
    const html = await import('./body-html.js').then(({ bodyHtml }) => bodyHtml(doc)).catch(() => null);
    doc.destroy();
    await execute(
      em,
      `insert into meeting_minutes (meeting_id, state, text, html, updated_at) values (?, ?, ?, ?, now())
       on conflict (meeting_id) do update set state = excluded.state, text = excluded.text, html = excluded.html
       where meeting_minutes.state = '\\x'::bytea`,
      [id, Buffer.from(seed), text, html],
      'run',
    );
    const [again] = await execute<Raw[]>(em, 'select state from meeting_minutes where meeting_id = ?', [id]);
    return bytes(again?.state) ?? seed;
  },
  async lock(em, id) {
    // The row is made (empty) on the first store, then locked like any other.
    await execute(
      em,
      `insert into meeting_minutes (meeting_id, state, text, html, updated_at)
       select id, '\\x'::bytea, '', null, now() from meeting where id = ? and is_template = false
       on conflict (meeting_id) do nothing`,
      [id],
      'run',
    );
    const [row] = await execute<Raw[]>(
      em,
      'select meeting_id, state from meeting_minutes where meeting_id = ? for update',
      [id],
    );
    return row ? { state: bytes(row.state) } : undefined;
  },
  async write(em, id, { state, text, html }) {
    await execute(
      em,
      `update meeting_minutes set state = ?, text = ?, html = coalesce(?, html), updated_at = now()
        where meeting_id = ?`,
      [Buffer.from(state), text, html, id],
      'run',
    );
  },
};
