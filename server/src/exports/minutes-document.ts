import type { EntityManager } from '@mikro-orm/core';
import * as Y from 'yjs';
import { bodyFragment } from '../collab/body-text.js';
import { minutesTable, readMinutes } from '../collab/minutes.js';
import type { Meeting } from '../entities/index.js';
import { type Doc, minutesSection, renderPdf } from './book-pdf.js';
import { formatDateTime } from './format.js';
import type { MeetingBook } from './meeting-book.js';

/** A stretch of text with the editor's marks. */
export interface MinutesRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

/**
 * A block of the minutes as printed: a heading (level 1 to 3), a paragraph, or an item of a list (`marker`:
 * "•" or its number) at a nesting depth. Table cells print as paragraphs.
 */
export interface MinutesBlock {
  kind: 'heading' | 'paragraph' | 'item';
  level: number;
  marker: string | null;
  runs: MinutesRun[];
}

const lineBreaks = new Set(['hardBreak']);

function runsOf(element: Y.XmlElement): MinutesRun[] {
  const runs: MinutesRun[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert !== 'string') continue;
        const marks = op.attributes ?? {};
        runs.push({
          text: op.insert,
          bold: 'bold' in marks,
          italic: 'italic' in marks,
          underline: 'underline' in marks,
        });
      }
    } else runs.push({ text: '\n', bold: false, italic: false, underline: false });
  }
  return runs;
}

const isTextblock = (element: Y.XmlElement) =>
  element
    .toArray()
    .every(
      (child) =>
        child instanceof Y.XmlText || (child instanceof Y.XmlElement && lineBreaks.has(child.nodeName)),
    );

/** The blocks of a minutes document (the editor's XML fragment), in order. */
export function minutesBlocksOf(state: Uint8Array): MinutesBlock[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const blocks: MinutesBlock[] = [];
  const walk = (node: Y.XmlFragment | Y.XmlElement, list: { ordered: boolean; depth: number } | null) => {
    let index = 0;
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const name = child.nodeName;
      if (name === 'bulletList' || name === 'orderedList') {
        walk(child, { ordered: name === 'orderedList', depth: list ? list.depth + 1 : 0 });
      } else if (name === 'listItem' && list) {
        index += 1;
        const [first, ...rest] = child.toArray();
        const marker = list.ordered ? `${index}.` : '•';
        if (first instanceof Y.XmlElement && isTextblock(first))
          blocks.push({ kind: 'item', level: list.depth, marker, runs: runsOf(first) });
        else blocks.push({ kind: 'item', level: list.depth, marker, runs: [] });
        for (const more of rest) if (more instanceof Y.XmlElement) walk(wrap(more), list);
      } else if (isTextblock(child)) {
        const level = Number(child.getAttribute('level') ?? 1);
        blocks.push(
          name === 'heading'
            ? { kind: 'heading', level: Math.min(Math.max(level, 1), 3), marker: null, runs: runsOf(child) }
            : { kind: 'paragraph', level: 0, marker: null, runs: runsOf(child) },
        );
      } else walk(child, list);
    }
  };
  walk(doc.getXmlFragment(bodyFragment), null);
  doc.destroy();
  return blocks;
}

/** A detached element as the only child of a fragment-like parent, so that `walk` can treat it. */
function wrap(element: Y.XmlElement): Y.XmlElement {
  return { toArray: () => [element] } as unknown as Y.XmlElement;
}

/**
 * The minutes of a meeting as exported: what is stored, or (nothing stored yet) what the editor would open
 * with, from the agenda. Null for a template or a missing meeting.
 */
export async function minutesForExport(em: EntityManager, meeting: Meeting): Promise<MinutesBlock[] | null> {
  const state = await minutesTable.load(em, meeting.id);
  return state ? minutesBlocksOf(state) : null;
}

/** The stored minutes of a meeting (the meeting book prints them when there are some). */
export async function storedMinutes(em: EntityManager, meeting: Meeting): Promise<MinutesBlock[] | null> {
  if (!(await readMinutes(em, [meeting.id])).has(meeting.id)) return null;
  return minutesForExport(em, meeting);
}

/** The minutes as a Word document (the `docx` package), in Times New Roman as Vietnamese official papers are. */
export async function renderMinutesDocx(book: MeetingBook, blocks: MinutesBlock[]): Promise<Buffer> {
  const { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } = await import('docx');
  const children = blocks.map((block) => {
    const runs = block.runs.flatMap((run) =>
      run.text.split('\n').map(
        (text, index) =>
          new TextRun({
            text,
            bold: run.bold || undefined,
            italics: run.italic || undefined,
            underline: run.underline ? {} : undefined,
            break: index > 0 ? 1 : undefined,
          }),
      ),
    );
    if (block.kind === 'heading')
      return new Paragraph({
        heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][block.level - 1],
        alignment: block.level === 1 ? AlignmentType.CENTER : undefined,
        children: runs,
      });
    if (block.kind === 'item')
      return new Paragraph({
        indent: { left: 360 * (block.level + 1), hanging: 360 },
        children: [new TextRun({ text: `${block.marker}\t` }), ...runs],
      });
    return new Paragraph({ children: runs, spacing: { after: 120 } });
  });
  const document = new Document({
    creator: 'Quorum',
    title: `Biên bản: ${book.meeting.title}`,
    description: `${book.meeting.title}, ${formatDateTime(book.meeting.startsAt, book.timeZone)}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 26 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}

/** The minutes as a PDF, in the meeting book's fonts (Vietnamese prints whole). */
export function renderMinutesPdf(book: MeetingBook, blocks: MinutesBlock[]): Promise<Buffer> {
  const { meeting, timeZone } = book;
  return renderPdf(
    {
      Title: `Biên bản: ${meeting.title}`,
      Author: meeting.organization.name,
      Subject: `Biên bản: ${meeting.title}, ${formatDateTime(meeting.startsAt, timeZone)}`,
    },
    (doc: Doc) => minutesSection(doc, blocks),
  );
}
