// Where appraisal comments point in the body. A comment keeps the passage it is about as its quoted text and a
// Yjs relative position at the quote's start (base64 of `Y.encodeRelativePosition`), made here from the
// reviewer's selection; the position names a character of the shared document, not an offset, so it stays on
// its passage whatever others type before it. The passage is gone (the comment is *detached*) when the
// position no longer resolves, or the text there no longer reads as the quote: the rule the server applies to
// the stored body (server/src/domain/appraisal-anchor.ts), applied here to the live one.
import type { Editor } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { Extension } from '@tiptap/core';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/** The longest quote the server keeps. */
export const QUOTE_MAX = 2_000;

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<Y.AbstractType<unknown>, ProseMirrorNode> } | null;
}

function syncState(editor: Editor): SyncState | null {
  const state = ySyncPluginKey.getState(editor.state) as SyncState | undefined;
  return state?.binding ? state : null;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(base64: string): Uint8Array | null {
  try {
    const text = atob(base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** Runs of white space count as one space, and text compares in its composed form (IMEs send either). */
export function normalizeQuote(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The anchor of a new comment on the editor's selection: its text, and where it starts in the shared document. */
export function anchorOfSelection(editor: Editor): { quote: string; position: string } | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  const quote = editor.state.doc.textBetween(from, to, '\n').trim().slice(0, QUOTE_MAX);
  if (!quote) return null;
  // Start at the quote's first character, not at white space the selection began with.
  let start = from;
  editor.state.doc.nodesBetween(from, to, (node, pos) => {
    if (start !== from || !node.isText || !node.text) return;
    const offset = Math.max(0, from - pos);
    const lead = node.text.slice(offset).search(/\S/);
    if (lead >= 0) start = pos + offset + lead;
  });
  const sync = syncState(editor);
  if (!sync?.binding) return null;
  const relative = absolutePositionToRelativePosition(
    start,
    sync.type,
    sync.binding.mapping,
  ) as Y.RelativePosition;
  return { quote, position: toBase64(Y.encodeRelativePosition(relative)) };
}

/** Where the passage of an anchor is now: its range in the editor, or null when it is gone. */
export function resolveAnchor(
  editor: Editor,
  quote: string,
  position: string,
): { from: number; to: number } | null {
  const sync = syncState(editor);
  const bytes = fromBase64(position);
  if (!sync?.binding || !bytes) return null;
  let from: number | null;
  try {
    from = relativePositionToAbsolutePosition(
      sync.doc,
      sync.type,
      Y.decodeRelativePosition(bytes),
      sync.binding.mapping,
    );
  } catch {
    return null;
  }
  if (from === null || from < 0 || from > editor.state.doc.content.size) return null;
  const to = quoteEnd(editor.state.doc, from, quote);
  return to === null ? null : { from, to };
}

/**
 * Where `quote` ends if the text from `from` reads as it (white space runs as one space, blocks apart), or
 * null when it does not.
 */
function quoteEnd(doc: ProseMirrorNode, from: number, quote: string): number | null {
  const wanted = normalizeQuote(quote);
  if (!wanted) return null;
  // One pass, character by character against the quote: bounded by the quote's length, however long the body.
  let matched = 0;
  let space = false;
  let end: number | null = null;
  let failed = false;
  doc.nodesBetween(from, doc.content.size, (node, pos) => {
    if (failed || end !== null) return false;
    if (node.isBlock && pos >= from && matched > 0) space = true;
    if (!node.isText || !node.text) return true;
    for (let i = Math.max(0, from - pos); i < node.text.length; i++) {
      const char = node.text[i]!;
      if (/\s/.test(char)) {
        if (matched > 0) space = true;
        continue;
      }
      if (space) {
        if (wanted[matched] !== ' ') return !(failed = true);
        matched += 1;
        space = false;
      }
      if (wanted[matched] !== char) return !(failed = true);
      matched += 1;
      if (matched === wanted.length) {
        end = pos + i + 1;
        return false;
      }
    }
    return false;
  });
  return failed ? null : end;
}

/**
 * Where `quote` first reads in the body (white space runs as one space, blocks apart), for a comment that
 * carries a quote and no position (older or imported ones, as the server reads them); null when nowhere.
 */
export function findQuote(doc: ProseMirrorNode, quote: string): { from: number; to: number } | null {
  const wanted = normalizeQuote(quote);
  if (!wanted) return null;
  // The body's text as the comparison sees it, with each character's position in the document.
  let text = '';
  const positions: number[] = [];
  let space = -1;
  doc.descendants((node, pos) => {
    if (node.isBlock && text && !text.endsWith(' ')) space = pos;
    if (!node.isText || !node.text) return true;
    for (let i = 0; i < node.text.length; i++) {
      const char = node.text[i]!;
      if (/\s/.test(char)) {
        if (text && !text.endsWith(' ')) space = pos + i;
        continue;
      }
      if (space >= 0) {
        text += ' ';
        positions.push(space);
        space = -1;
      }
      text += char;
      positions.push(pos + i);
    }
    return false;
  });
  // Typed text is composed (NFC) already; the quote was made so.
  const at = text.indexOf(wanted);
  if (at < 0) return null;
  return { from: positions[at]!, to: positions[at + wanted.length - 1]! + 1 };
}

// ---------------------------------------------------------------------------
// The passages shown marked in the text, each with its comment's id.

export interface AnchorRange {
  id: string;
  from: number;
  to: number;
  active: boolean;
}

const anchorsKey = new PluginKey<DecorationSet>('appraisalAnchors');

function decorations(doc: ProseMirrorNode, ranges: readonly AnchorRange[]): DecorationSet {
  return DecorationSet.create(
    doc,
    ranges
      .filter((range) => range.to > range.from)
      .map((range) =>
        Decoration.inline(range.from, range.to, {
          class: range.active ? 'comment-anchor comment-anchor--active' : 'comment-anchor',
          'data-comment-id': range.id,
        }),
      ),
  );
}

/** Marks the commented passages; `setAnchorRanges` replaces them (the page works them out from the comments). */
export const CommentAnchors = Extension.create({
  name: 'appraisalAnchors',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: anchorsKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, set) => {
            const ranges = tr.getMeta(anchorsKey) as AnchorRange[] | undefined;
            return ranges ? decorations(tr.doc, ranges) : set.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => anchorsKey.getState(state),
        },
      }),
    ];
  },
});

export function setAnchorRanges(editor: Editor, ranges: readonly AnchorRange[]): void {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(anchorsKey, ranges).setMeta('addToHistory', false));
}
