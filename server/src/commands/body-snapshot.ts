import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/postgresql';
import { type DocumentVersionKind } from '@quorum/shared';
import { diffArrays } from 'diff';
import * as Y from 'yjs';
import type { Viewer } from '../auth/viewer.js';
import { bodyFragment, bodyText, seedFromText } from '../collab/body-text.js';
import type { Context } from '../context.js';
import { DocumentVersion, Proposal } from '../entities/index.js';

/** A proposal's body at one moment: its Yjs state with the text and HTML it reads as. */
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

/**
 * The body as it is now: the live document's if it is open on this instance (co-editing stores it at most a
 * second later), else the stored state with its text and HTML (written together by the body store). A body
 * that has text but no state yet is the state co-editing would open it as (`seedFromText`). Without
 * `withHtml`, the HTML is not rendered (it is empty unless stored).
 */
export async function currentBody(
  ctx: Context,
  em: EntityManager,
  proposalId: string,
  withHtml = true,
): Promise<BodySnapshot> {
  const live = ctx.collab?.liveState({ kind: 'proposal', id: proposalId }) ?? null;
  if (live) {
    const doc = docOf(live);
    const text = bodyText(doc);
    const html = withHtml ? await renderBodyHtml(doc, text) : '';
    doc.destroy();
    return { state: live, text, html, live: true };
  }
  // Read past the identity map: the proposal may be managed there with a change not flushed yet.
  const row = (await (em as SqlEntityManager)
    .createQueryBuilder(Proposal)
    .select(['body', 'bodyText', 'bodyHtml'])
    .where({ id: proposalId })
    .execute('get')) as { body: Uint8Array | null; bodyText: string; bodyHtml: string | null } | undefined;
  const state = row?.body
    ? new Uint8Array(row.body)
    : row?.bodyText
      ? seedFromText(row.bodyText)
      : Y.encodeStateAsUpdate(new Y.Doc());
  if (row?.body && (row.bodyHtml !== null || !withHtml))
    return { state, text: row.bodyText, html: row.bodyHtml ?? '', live: false };
  const doc = docOf(state);
  const text = bodyText(doc);
  const html = withHtml ? await renderBodyHtml(doc, text) : '';
  doc.destroy();
  return { state, text, html, live: false };
}

/** Keeps the body as it is now as a version of the proposal; in the caller's transaction. */
export async function takeVersion(
  ctx: Context,
  em: EntityManager,
  viewer: Viewer,
  proposal: Proposal,
  kind: DocumentVersionKind,
  label: string,
  body?: BodySnapshot,
): Promise<DocumentVersion> {
  const snapshot = body ?? (await currentBody(ctx, em, proposal.id));
  return em.create(DocumentVersion, {
    proposal,
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
