import * as Y from 'yjs';

/**
 * Where an appraisal comment points in a proposal's body, and whether that passage is still there.
 *
 * A comment keeps two things of the passage it is about: the quoted text, and a Yjs relative position (the
 * base64 of `Y.encodeRelativePosition`) made by the reviewer's editor at the quote's start. A relative
 * position names a character of the shared document rather than an offset, so it stays on its passage
 * whatever is typed or deleted before it. The passage is gone (the comment is *detached*) when the position
 * no longer resolves in the stored body, or the text found there is no longer the quote: it was deleted, or
 * rewritten. Detached comments are kept and shown apart, never lost.
 */

/** The relative position a client sent, or null when it is not one (checked when the comment is added). */
export function decodeAnchorPosition(base64: string): Y.RelativePosition | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return null;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) return null;
  try {
    const position = Y.decodeRelativePosition(bytes);
    // Decoding is lenient: a position is one only if it encodes back to the same bytes.
    const again = Y.encodeRelativePosition(position);
    return again.length === bytes.length && again.every((byte, index) => byte === bytes[index])
      ? position
      : null;
  } catch {
    return null;
  }
}

/** Runs of white space count as one space, and text compares in its composed form (IMEs send either). */
function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** A shared type of the document (text, element, fragment), as a key: their generic types do not unify. */
type AnyType = object;

/** The body as plain text in document order, with where each text node and each child list starts in it. */
interface Flattened {
  text: string;
  /** A text node's offset of its index 0. */
  textStarts: Map<AnyType, number>;
  /** An element's (or the fragment's) offsets before each child, and after the last. */
  childStarts: Map<AnyType, number[]>;
}

function flatten(root: AnyType): Flattened {
  const parts: string[] = [];
  let length = 0;
  const push = (piece: string) => {
    parts.push(piece);
    length += piece.length;
  };
  const textStarts = new Map<AnyType, number>();
  const childStarts = new Map<AnyType, number[]>();
  const walk = (type: unknown) => {
    if (type instanceof Y.XmlText || type instanceof Y.Text) {
      textStarts.set(type, length);
      // An embed takes one place in the type's index, as in Yjs.
      for (const op of type.toDelta() as { insert: unknown }[])
        push(typeof op.insert === 'string' ? op.insert : '\uFFFC');
      return;
    }
    if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
      const starts: number[] = [];
      const children: unknown[] = type.toArray();
      children.forEach((child, index) => {
        // Blocks are apart: a quote spanning two paragraphs matches across the break.
        if (index > 0 && child instanceof Y.XmlElement) push('\n');
        starts.push(length);
        walk(child);
      });
      starts.push(length);
      childStarts.set(type, starts);
    }
  };
  walk(root);
  return { text: parts.join(''), textStarts, childStarts };
}

/** Whether `text` from `offset` reads `quote` (both normalized). */
function readsAt(text: string, offset: number, quote: string): boolean {
  const wanted = normalize(quote);
  if (!wanted) return false;
  // Normalizing only shortens text (white space runs, decomposed letters take up to three code units).
  const found = normalize(text.slice(offset, offset + 3 * quote.length + 16));
  return found.startsWith(wanted);
}

/** The top-level shared type a type belongs to. */
function rootOf(type: AnyType): AnyType {
  let current = type;
  for (;;) {
    const parent: unknown = (current as { _item?: { parent?: unknown } | null })._item?.parent;
    if (!(parent instanceof Y.AbstractType)) return current;
    current = parent;
  }
}

/**
 * The stored body of one proposal, read once per operation for all the comments of its rounds.
 * `update` is the Yjs state (null before the body was first stored); `plainText` the body's text kept for
 * search, used for comments that carry a quote and no position (older or imported ones).
 */
export class BodyAnchors {
  private doc: Y.Doc | null = null;
  /** The editor's document: TipTap's `default` fragment. */
  private fragment: Y.XmlFragment | null = null;
  private readonly flattened = new Map<AnyType, Flattened>();

  constructor(
    update: Uint8Array | null,
    private readonly plainText: string,
  ) {
    if (!update || update.length === 0) return;
    this.doc = new Y.Doc();
    try {
      Y.applyUpdate(this.doc, update);
      // Typed before any position is resolved: a root is a bare type until something names its kind.
      this.fragment = this.doc.getXmlFragment('default');
    } catch {
      // Not a body this server wrote: no position resolves in it.
      this.doc = null;
    }
  }

  /** Whether the passage a comment is anchored to is gone from the body. A comment with no anchor never is. */
  isDetached(quote: string | null | undefined, position: string | null | undefined): boolean {
    if (!position) {
      if (!quote) return false;
      return !normalize(this.textOfBody()).includes(normalize(quote));
    }
    if (!this.doc) return true;
    const relative = decodeAnchorPosition(position);
    if (!relative) return true;
    const absolute = Y.createAbsolutePositionFromRelativePosition(relative, this.doc);
    if (!absolute) return true;
    const type: AnyType = absolute.type;
    const flat = this.flatOf(rootOf(type));
    const textStart = flat.textStarts.get(type);
    const offset =
      textStart !== undefined ? textStart + absolute.index : flat.childStarts.get(type)?.[absolute.index];
    if (offset === undefined) return true;
    return quote ? !readsAt(flat.text, offset, quote) : false;
  }

  private flatOf(root: AnyType): Flattened {
    let flat = this.flattened.get(root);
    if (!flat) this.flattened.set(root, (flat = flatten(root)));
    return flat;
  }

  /** The body's text: the editor's document (TipTap's `default` fragment) when stored, else the kept text. */
  private textOfBody(): string {
    return this.fragment ? this.flatOf(this.fragment).text : this.plainText;
  }
}
