import * as Y from 'yjs';

/**
 * The Yjs type the client's editor binds to: TipTap's Collaboration extension edits the XML fragment named
 * 'default' unless told otherwise, and the server reads and seeds the same one.
 */
export const bodyFragment = 'default';

/** Inline nodes that stand for a line break in the text. */
const lineBreaks = new Set(['hardBreak']);

function inlineText(text: Y.XmlText): string {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown }[])
    if (typeof op.insert === 'string') out += op.insert;
  return out;
}

/** A block whose children are all text: a paragraph, a heading, a table cell's paragraph. */
function isTextblock(element: Y.XmlElement): boolean {
  return element
    .toArray()
    .every(
      (child) =>
        child instanceof Y.XmlText || (child instanceof Y.XmlElement && lineBreaks.has(child.nodeName)),
    );
}

function collectLines(node: Y.XmlFragment | Y.XmlElement, lines: string[]): void {
  let loose: string | null = null;
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      loose = (loose ?? '') + inlineText(child);
    } else if (child instanceof Y.XmlElement) {
      if (lineBreaks.has(child.nodeName)) {
        loose = (loose ?? '') + '\n';
        continue;
      }
      if (loose !== null) lines.push(loose);
      loose = null;
      if (isTextblock(child)) {
        lines.push(
          child
            .toArray()
            .map((inline) => (inline instanceof Y.XmlText ? inlineText(inline) : '\n'))
            .join(''),
        );
      } else collectLines(child, lines);
    }
  }
  if (loose !== null) lines.push(loose);
}

/**
 * The body as plain text, one line per block (paragraph, heading, list item, table cell), for search, diff
 * and printing. It reads the Yjs structure itself, so any node the editor may add still gives its text.
 */
export function bodyText(doc: Y.Doc): string {
  const lines: string[] = [];
  collectLines(doc.getXmlFragment(bodyFragment), lines);
  return lines.join('\n');
}

/**
 * Writes this client id only, to the seed below: the same text seeds the same items on any instance, so two
 * instances that seed one body at once merge into one copy rather than two.
 */
const seedClientId = 1;

/** A block of a seeded document: a paragraph, or a heading of a level (1 to 3). */
export type SeedBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: number; text: string };

/**
 * A Yjs document of the editor's shape (the fragment above) holding these blocks, as its first state: the
 * server's seed of a body or of minutes. The same blocks give the same state on any instance.
 */
export function seedFromBlocks(blocks: readonly SeedBlock[]): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = seedClientId;
  const fragment = doc.getXmlFragment(bodyFragment);
  fragment.insert(
    0,
    blocks.map((block) => {
      const element = new Y.XmlElement(block.type);
      // y-prosemirror keeps node attributes as the element's attributes, the heading's level a number.
      if (block.type === 'heading') element.setAttribute('level', block.level as unknown as string);
      if (block.text) element.insert(0, [new Y.XmlText(block.text)]);
      return element;
    }),
  );
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * A body that has text but no Yjs document yet (proposals seeded or imported before co-editing) opens as
 * that text, one paragraph per line, rather than empty (the first store would then erase it).
 */
export function seedFromText(text: string): Uint8Array {
  return seedFromBlocks(text.split('\n').map((line) => ({ type: 'paragraph', text: line })));
}
