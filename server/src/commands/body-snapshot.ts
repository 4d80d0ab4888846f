import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { type DocumentVersionKind } from '@quorum/shared';
import { diffArrays } from 'diff';
import * as Y from 'yjs';
import type { Viewer } from '../auth/viewer.js';
import { bodyFragment, bodyText, seedFromText } from '../collab/body-text.js';
import type { BodyTable, StoredBody } from '../collab/body.store.js';
import type { CollabDocument } from '../collab/document-name.js';
import { minutesSeed, minutesTable } from '../collab/minutes.js';
import type { Context } from '../context.js';
import { DocumentVersion, Proposal } from '../entities/index.js';

/** A co-edited document (a proposal's body, a meeting's minutes) at one moment: its Yjs state with the text and HTML it reads as. */
export interface BodySnapshot {
  state: Uint8Array;
  text: string;
  html: string;
  /** Read from the document open on this instance (edits not stored yet included), not from the database. */
  live: boolean;
}

type Render = (doc: Y.Doc) => string;
let renderer: Promise<Render> | null = null;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The body's HTML by TipTap's serializer with the editor's schema (loaded on first use, as the body store
 * does); a body the schema does not take, or a serializer that fails to load, gives its text, one paragraph a
 * line.
 */
export async function renderBodyHtml(doc: Y.Doc, text = bodyText(doc)): Promise<string> {
  const asText = () =>
    text
      .split('\n')
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join('');
  let render: Render;
  try {
    renderer ??= import('../collab/body-html.js').then(({ bodyHtml }) => bodyHtml);
    render = await renderer;
  } catch (error) {
    renderer = null;
    console.error('versions: the HTML serializer did not load', error);
    return asText();
  }
  try {
    return render(doc);
  } catch {
    return asText();
  }
}

export function docOf(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** A document as stored, read past the identity map; `state` null when none is stored yet. */
interface Stored {
  state: Uint8Array | null;
  text: string;
  html: string | null;
}

/** The co-edited documents that have versions: proposals' bodies and meetings' minutes. */
export type VersionedDocument = Extract<CollabDocument, { kind: 'proposal' | 'minutes' }>;

interface DocumentSource {
  /** Its stored state, text and HTML (past the identity map: the subject may be managed with changes unflushed). */
  read(em: EntityManager, id: string): Promise<Stored>;
  /** The state it would open as when nothing is stored yet (what co-editing seeds it with). */
  seed(em: EntityManager, id: string, stored: Stored): Promise<Uint8Array | null>;
  /**
   * Where co-editing stores it (the same rows, locked and written the same way). Loaded when first called: the
   * body store's module reaches the commands (and so this module) through its own imports.
   */
  table(): Promise<BodyTable>;
}

/**
 * Each kind of versioned document: a proposal's body with text but no state opens as that text, a meeting's
 * minutes from its agenda.
 */
const sources: Record<VersionedDocument['kind'], DocumentSource> = {
  proposal: {
    table: () => import('../collab/body.store.js').then(({ proposalTable }) => proposalTable),
    async read(em, id) {
      const row = (await (em as SqlEntityManager)
        .createQueryBuilder(Proposal)
        .select(['body', 'bodyText', 'bodyHtml'])
        .where({ id })
        .execute('get')) as
        | { body: Uint8Array | null; bodyText: string; bodyHtml: string | null }
        | undefined;
      return {
        state: row?.body ? new Uint8Array(row.body) : null,
        text: row?.bodyText ?? '',
        html: row?.bodyHtml ?? null,
      };
    },
    seed: async (_em, _id, stored) => (stored.text ? seedFromText(stored.text) : null),
  },
  minutes: {
    table: async () => minutesTable,
    async read(em, id) {
      const [row] = (await em
        .getConnection()
        .execute(
          'select state, text, html from meeting_minutes where meeting_id = ?',
          [id],
          'all',
          em.getTransactionContext(),
        )) as { state: Uint8Array | null; text: string; html: string | null }[];
      // The row a first store makes holds an empty state until written (`minutesTable.lock`).
      const state = row?.state && row.state.byteLength > 0 ? new Uint8Array(row.state) : null;
      return { state, text: row?.text ?? '', html: row?.html ?? null };
    },
    seed: (em, id) => minutesSeed(em, id),
  },
};

/**
 * Locks the document's row as a store of co-editing does (made first, for minutes never stored yet), so that a
 * change the server makes (a restore) and the stores of its editors do not overwrite each other.
 */
export async function lockBody(em: EntityManager, document: VersionedDocument): Promise<void> {
  await (await sources[document.kind].table()).lock(em, document.id);
}

/** Writes a state the server made (a restore) with its text and HTML, as a store of co-editing writes them. */
export async function writeBody(
  em: EntityManager,
  viewer: Viewer,
  document: VersionedDocument,
  body: StoredBody,
): Promise<void> {
  await (
    await sources[document.kind].table()
  ).write(em, document.id, body, { actorId: viewer.userId, feed: null });
}

/**
 * The document as it is now: the live one if it is open on this instance (co-editing stores it at most a
 * second later), else the stored state with its text and HTML (written together by the body store). A
 * document with no state stored yet is the state co-editing would open it as (its seed). Without `withHtml`,
 * the HTML is not rendered (it is empty unless stored).
 */
export async function currentBody(
  ctx: Context,
  em: EntityManager,
  document: VersionedDocument,
  withHtml = true,
): Promise<BodySnapshot> {
  const live = ctx.collab?.liveState(document) ?? null;
  if (live) {
    const doc = docOf(live);
    const text = bodyText(doc);
    const html = withHtml ? await renderBodyHtml(doc, text) : '';
    doc.destroy();
    return { state: live, text, html, live: true };
  }
  const source = sources[document.kind];
  const stored = await source.read(em, document.id);
  if (stored.state && (stored.html !== null || !withHtml))
    return { state: stored.state, text: stored.text, html: stored.html ?? '', live: false };
  const state =
    stored.state ?? (await source.seed(em, document.id, stored)) ?? Y.encodeStateAsUpdate(new Y.Doc());
  const doc = docOf(state);
  const text = bodyText(doc);
  const html = withHtml ? await renderBodyHtml(doc, text) : '';
  doc.destroy();
  return { state, text, html, live: false };
}

/** The owner of a document's versions, as `DocumentVersion` refers to it. */
export function versionOwner(document: VersionedDocument): { proposal: string } | { meeting: string } {
  return document.kind === 'proposal' ? { proposal: document.id } : { meeting: document.id };
}

/** Keeps the document as it is now as one of its versions; in the caller's transaction. */
export async function takeVersion(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  document: VersionedDocument,
  kind: DocumentVersionKind,
  label: string,
  body?: BodySnapshot,
): Promise<DocumentVersion> {
  const snapshot = body ?? (await currentBody(ctx, em, document));
  return em.create(DocumentVersion, {
    ...versionOwner(document),
    label,
    kind,
    author: viewer.userId,
    content: snapshot.text,
    html: snapshot.html,
    state: Buffer.from(snapshot.state),
  });
}

/** A block of the body as a key: its XML (element, attributes, text and marks). */
const blockKey = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => node.toString();

/**
 * The change that makes the body read as `version` again, as a new change on top of `current` (the history
 * is kept), in one Yjs transaction on TipTap's 'default' fragment: the top-level blocks (paragraphs,
 * headings, lists, tables) the two have alike stay as they are, the others are deleted and clones of the
 * version's blocks inserted in their place. So comments anchored in a block the restore does not change stay
 * on their passage; those in a block it deletes become detached, as for any deletion. Returns that change (a
 * Yjs update, for the live document) and the state after it.
 */
export function restoredBody(
  current: Uint8Array,
  version: Uint8Array,
): { update: Uint8Array; state: Uint8Array } {
  const doc = docOf(current);
  const source = docOf(version);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(bodyFragment);
  const blocks = source.getXmlFragment(bodyFragment).toArray();
  const clone = (from: number, to: number) =>
    blocks
      .slice(from, to)
      .filter((node): node is Y.XmlElement | Y.XmlText => !(node instanceof Y.XmlHook))
      .map((node) => node.clone());
  // A diff of long bodies that takes too long replaces every block.
  const changes = diffArrays(fragment.toArray().map(blockKey), blocks.map(blockKey), { timeout: 1_000 });
  doc.transact(() => {
    if (!changes) {
      fragment.delete(0, fragment.length);
      fragment.insert(0, clone(0, blocks.length));
      return;
    }
    let at = 0;
    let next = 0;
    for (const change of changes) {
      const count = change.value.length;
      if (change.removed) fragment.delete(at, count);
      else if (change.added) {
        fragment.insert(at, clone(next, next + count));
        at += count;
        next += count;
      } else {
        at += count;
        next += count;
      }
    }
  });
  const result = { update: Y.encodeStateAsUpdate(doc, before), state: Y.encodeStateAsUpdate(doc) };
  doc.destroy();
  source.destroy();
  return result;
}
