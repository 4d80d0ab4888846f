import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AgendaItemStatus, Classification, MeetingStatus } from '@quorum/shared';
import { formatDate, formatDateTime, formatTime } from './format.js';
import {
  agendaItemStatusLabel,
  attendanceLabel,
  classificationLabel,
  meetingKindLabel,
  meetingStatusLabel,
  participantRoleLabel,
  proposalKindLabel,
  voteOutcomeLabel,
} from './labels.js';
import type { BookItem, MeetingBook } from './meeting-book.js';
import type { MinutesBlock, MinutesRun } from './minutes-document.js';

// Be Vietnam Pro (SIL OFL), drawn for Vietnamese: every stacked diacritic (ệ, ở, Ự) has its own glyph.
// What it lacks would print blank, so those characters are set in the first Noto font that has them
// (SIL OFL): Noto Emoji for emoji and pictographs (outlines a PDF can embed; the colour emoji fonts are
// bitmaps), Noto Sans Symbols 2 for ★ ✓ ■ ☐, Noto Sans Math for arrows and operators (→ ⇒ ∑). All come
// from npm: nothing depends on the fonts of the machine. pdfkit embeds only the glyphs a document uses.
const fontFiles = {
  regular: 'be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
  italic: 'be-vietnam-pro/400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  bold: 'be-vietnam-pro/600SemiBold/BeVietnamPro_600SemiBold.ttf',
  heavy: 'be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf',
  emoji: 'noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  emojiBold: 'noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
  symbols: 'noto-sans-symbols-2/400Regular/NotoSansSymbols2_400Regular.ttf',
  math: 'noto-sans-math/400Regular/NotoSansMath_400Regular.ttf',
} as const;
type FontName = keyof typeof fontFiles;
export type TextFont = 'regular' | 'italic' | 'bold' | 'heavy';
const fallbackFonts: Record<TextFont, readonly FontName[]> = {
  regular: ['emoji', 'symbols', 'math'],
  italic: ['emoji', 'symbols', 'math'],
  bold: ['emojiBold', 'symbols', 'math'],
  heavy: ['emojiBold', 'symbols', 'math'],
};

let fonts: Record<FontName, Buffer> | undefined;
export function loadFonts(): Record<FontName, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`@expo-google-fonts/${file}`));
    fonts = Object.fromEntries(Object.entries(fontFiles).map(([name, file]) => [name, read(file)])) as Record<
      FontName,
      Buffer
    >;
  }
  return fonts;
}

interface GlyphCoverage {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

const coverages = new WeakMap<Doc, Map<FontName, GlyphCoverage>>();

/** The fontkit font behind a registered font (pdfkit keeps it on the current font as `font`). */
function coverage(doc: Doc, name: FontName): GlyphCoverage {
  let byName = coverages.get(doc);
  if (!byName) coverages.set(doc, (byName = new Map()));
  let found = byName.get(name);
  if (!found) {
    doc.font(name);
    found = (doc as unknown as { _font: { font: GlyphCoverage } })._font.font;
    byName.set(name, found);
  }
  return found;
}

type Run = { font: FontName; text: string };

/**
 * Splits text into runs of one font each: the text font wherever it has the glyph, else the first fallback
 * that has it; a character none has (a joiner, a variation selector) stays in the run it follows.
 */
function runsOf(doc: Doc, font: TextFont, text: string): Run[] {
  const fonts = [font, ...fallbackFonts[font]];
  const runs: Run[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const last = runs.at(-1);
    const chosen =
      fonts.find((name) => coverage(doc, name).hasGlyphForCodePoint(codePoint)) ?? last?.font ?? font;
    if (last?.font === chosen) last.text += char;
    else runs.push({ font: chosen, text: char });
  }
  return runs.length > 0 ? runs : [{ font, text }];
}

/**
 * Centred or right-aligned text in several fonts. pdfkit aligns each continued run on its own (they
 * overlap), so the lines are broken and placed here: words are filled into lines by their measured
 * widths, then each line is drawn run by run from its aligned start.
 */
function writeAligned(
  doc: Doc,
  runs: Run[],
  options: PDFKit.Mixins.TextOptions,
  at: { x: number; y: number } | undefined,
): void {
  const left = at?.x ?? doc.x;
  const width = options.width ?? doc.page.width - doc.page.margins.right - left;
  const widthOf = (run: Run) => doc.font(run.font).widthOfString(run.text);
  const lines: Run[][] = [[]];
  let used = 0;
  for (const run of runs) {
    for (const piece of run.text.split(/(\s+)/).filter(Boolean)) {
      const token = { font: run.font, text: piece };
      const line = lines.at(-1)!;
      const blank = /^\s+$/.test(piece);
      if (blank && line.length === 0) continue;
      const tokenWidth = widthOf(token);
      if (!blank && line.length > 0 && used + tokenWidth > width) {
        while (line.length > 0 && /^\s+$/.test(line.at(-1)!.text)) used -= widthOf(line.pop()!);
        lines.push([token]);
        used = tokenWidth;
      } else {
        line.push(token);
        used += tokenWidth;
      }
    }
  }
  let y = at?.y ?? doc.y;
  for (const tokens of lines) {
    while (tokens.length > 0 && /^\s+$/.test(tokens.at(-1)!.text)) tokens.pop();
    // One piece of text per font change, not per word.
    const line: Run[] = [];
    for (const token of tokens) {
      const last = line.at(-1);
      if (last?.font === token.font) last.text += token.text;
      else line.push({ ...token });
    }
    const lineWidth = line.reduce((sum, token) => sum + widthOf(token), 0);
    let x = left + (options.align === 'center' ? (width - lineWidth) / 2 : width - lineWidth);
    let height = 0;
    for (const token of line) {
      doc.font(token.font).text(token.text, x, y, { lineBreak: false });
      x += widthOf(token);
      height = Math.max(height, doc.currentLineHeight(true));
    }
    y += height + (options.lineGap ?? 0);
  }
  doc.x = left;
  doc.y = y;
}

/**
 * `doc.font(font).text(text, …)` for text that people typed: each run in a font that has its glyphs,
 * continued on the same lines (the runs wrap as one paragraph).
 */
export function write(
  doc: Doc,
  font: TextFont,
  text: string,
  options: PDFKit.Mixins.TextOptions = {},
  at?: { x: number; y: number },
): Doc {
  const runs = runsOf(doc, font, text);
  if (runs.length > 1 && (options.align === 'center' || options.align === 'right')) {
    writeAligned(doc, runs, options, at);
    return doc.font(font);
  }
  runs.forEach((run, index) => {
    // `continued` given: the caller goes on writing this paragraph (runs of other styles).
    const runOptions = { ...options, continued: index < runs.length - 1 || !!options.continued };
    doc.font(run.font);
    if (index === 0 && at) doc.text(run.text, at.x, at.y, runOptions);
    else doc.text(run.text, runOptions);
  });
  // Leave the text font selected, as `doc.font(font).text(…)` would.
  return doc.font(font);
}

export const margin = 57; // 2 cm
export const ink = '#111111';
export const muted = '#555555';
export const rule = '#bbbbbb';
export const alert = '#b00020';

export type Doc = PDFKit.PDFDocument;

/**
 * An A4 document in the books' fonts (Vietnamese prints whole), with `info` as its metadata: `draw` sets its
 * pages, and the bytes come when it ends.
 */
export async function renderPdf(
  info: { Title: string; Author: string; Subject: string },
  draw: (doc: Doc) => void,
): Promise<Buffer> {
  // Loaded with the first document rather than at every start: pdfkit and its font engine take 0.15 s to load.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: { ...info, Creator: 'Quorum' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(loadFonts())) doc.registerFont(name, data);
  draw(doc);
  doc.end();
  return finished;
}

/** The meeting book as a PDF: title page, the agenda with numbers, planned times and presenters, then each proposal's summary. */
export function renderBookPdf(
  book: MeetingBook,
  meetingUrl: string,
  generatedAt = new Date(),
): Promise<Buffer> {
  const { meeting, timeZone } = book;
  const info = {
    Title: meeting.title,
    Author: meeting.organization.name,
    Subject: `Bộ tài liệu: ${meeting.title}, ${formatDateTime(meeting.startsAt, timeZone)}`,
  };
  return renderPdf(info, (doc) => {
    titlePage(doc, book, meetingUrl, generatedAt);
    doc.addPage();
    agendaSection(doc, book);
    recordSection(doc, book);
    if (book.proposals.length > 0) {
      doc.addPage();
      proposalsSection(doc, book);
    }
    if (book.minutes) {
      doc.addPage();
      minutesSection(doc, book.minutes);
    }
    decoratePages(doc, book);
  });
}

export function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

export function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function titlePage(doc: Doc, book: MeetingBook, meetingUrl: string, generatedAt: Date): void {
  const { meeting, timeZone } = book;
  const width = contentWidth(doc);
  doc.fillColor(ink).fontSize(11);
  write(doc, 'bold', meeting.organization.name.toUpperCase(), { align: 'center', width });
  write(doc, 'bold', meeting.committee.name.toUpperCase(), { align: 'center', width });
  const lineY = doc.y + 6;
  doc
    .moveTo(doc.page.width / 2 - 50, lineY)
    .lineTo(doc.page.width / 2 + 50, lineY)
    .strokeColor(ink)
    .lineWidth(0.8)
    .stroke();

  doc.y = 250;
  doc
    .font('regular')
    .fontSize(12)
    .fillColor(muted)
    .text('BỘ TÀI LIỆU', margin, doc.y, { align: 'center', width, characterSpacing: 2 });
  doc.moveDown(0.8);
  write(doc.fontSize(22).fillColor(ink), 'heavy', meeting.title, { align: 'center', width, lineGap: 4 });
  if (meeting.status === MeetingStatus.CANCELLED) {
    doc.moveDown(0.5).font('heavy').fontSize(14).fillColor(alert).text('ĐÃ HỦY', { align: 'center', width });
  }
  doc.moveDown(2);

  const end = meeting.endsAt;
  const sameDay = formatDate(end, timeZone) === formatDate(meeting.startsAt, timeZone);
  const rows: [string, string | null][] = [
    [
      'Thời gian',
      `${formatDateTime(meeting.startsAt, timeZone)} – ${sameDay ? formatTime(end, timeZone) : formatDateTime(end, timeZone)}`,
    ],
    ['Địa điểm', meeting.location],
    ['Chủ trì', meeting.chair?.fullName ?? null],
    ['Thư ký', meeting.secretary?.fullName ?? null],
    ['Hình thức', meetingKindLabel[meeting.kind]],
    ['Trạng thái', meetingStatusLabel[meeting.status]],
    ['Độ mật', classificationLabel[meeting.classification]],
  ];
  const labelWidth = 90;
  const blockWidth = 340;
  const left = (doc.page.width - blockWidth) / 2;
  for (const [label, value] of rows) {
    if (!value) continue;
    const y = doc.y;
    doc.font('regular').fontSize(11).fillColor(muted).text(`${label}:`, left, y, { width: labelWidth });
    write(doc.fillColor(ink), 'bold', value, { width: blockWidth - labelWidth }, { x: left + labelWidth, y });
    doc.moveDown(0.4);
  }

  doc
    .font('regular')
    .fontSize(8.5)
    .fillColor(muted)
    .text(
      `In từ Quorum lúc ${formatDateTime(generatedAt, timeZone)} · ${meetingUrl}`,
      margin,
      bottom(doc) - 24,
      {
        align: 'center',
        width,
      },
    );
}

const columns = { time: 72, duration: 56, gap: 10 };

function agendaSection(doc: Doc, book: MeetingBook): void {
  const { meeting, timeZone } = book;
  const width = contentWidth(doc);
  doc.outline.addItem('Chương trình');
  doc
    .font('heavy')
    .fontSize(14)
    .fillColor(ink)
    .text('CHƯƠNG TRÌNH', margin, doc.y, { align: 'center', width });
  write(
    doc.fontSize(10.5).fillColor(muted),
    'regular',
    `${meeting.title} · ${formatDateTime(meeting.startsAt, timeZone)}`,
    {
      align: 'center',
      width,
    },
  );
  doc.moveDown(1.2);

  if (book.items.length === 0) {
    doc.font('italic').fontSize(11).fillColor(muted).text('Chưa có nội dung trong chương trình.', { width });
    return;
  }
  agendaHeader(doc);
  for (const item of book.items) agendaRow(doc, item, timeZone);
  doc.moveDown(0.8);
  doc
    .font('bold')
    .fontSize(10.5)
    .fillColor(ink)
    .text(`Tổng thời lượng dự kiến: ${duration(book.agendaMinutes)}`, margin, doc.y, {
      width,
      align: 'right',
    });
}

function agendaHeader(doc: Doc): void {
  const y = doc.y;
  const width = contentWidth(doc);
  const contentX = margin + columns.time + columns.gap;
  doc.font('bold').fontSize(9.5).fillColor(muted);
  doc.text('Thời gian', margin, y, { width: columns.time });
  doc.text('Nội dung', contentX, y, { width: width - columns.time - columns.duration - 2 * columns.gap });
  doc.text('Thời lượng', margin + width - columns.duration, y, { width: columns.duration, align: 'right' });
  const lineY = doc.y + 3;
  doc
    .moveTo(margin, lineY)
    .lineTo(margin + width, lineY)
    .strokeColor(ink)
    .lineWidth(0.8)
    .stroke();
  doc.y = lineY + 6;
}

function agendaRow(doc: Doc, item: BookItem, timeZone: string): void {
  const width = contentWidth(doc);
  const indent = item.depth * 16;
  const contentX = margin + columns.time + columns.gap + indent;
  const contentWidthNow = width - columns.time - columns.duration - 2 * columns.gap - indent;
  const titleFont = item.depth === 0 ? 'bold' : 'regular';
  const title = `${item.number}. ${item.title}`;
  const details = [
    ...(item.presenter ? [`Trình bày: ${item.presenter.name}`] : []),
    ...(item.proposal
      ? [
          `Tài liệu: ${[proposalKindLabel[item.proposal.kind], item.proposal.referenceNumber].filter(Boolean).join(' số ')} – ${item.proposal.title}`,
        ]
      : []),
  ];

  doc.font(titleFont).fontSize(11);
  let height = doc.heightOfString(title, { width: contentWidthNow });
  doc.font('italic').fontSize(9.5);
  for (const line of details) height += 2 + doc.heightOfString(line, { width: contentWidthNow });
  if (doc.y + height + 8 > bottom(doc)) {
    doc.addPage();
    agendaHeader(doc);
  }

  const y = doc.y;
  doc.font('regular').fontSize(10).fillColor(ink);
  doc.text(`${formatTime(item.startsAt, timeZone)}–${formatTime(item.endsAt, timeZone)}`, margin, y + 1, {
    width: columns.time,
  });
  // The branch's total, its sub-items included, as the meeting room shows it.
  if (item.totalMinutes > 0) {
    doc.text(`${item.totalMinutes} phút`, margin + width - columns.duration, y + 1, {
      width: columns.duration,
      align: 'right',
    });
  }
  write(doc.fontSize(11).fillColor(ink), titleFont, title, { width: contentWidthNow }, { x: contentX, y });
  for (const line of details) {
    write(
      doc.moveDown(0.1).fontSize(9.5).fillColor(muted),
      'italic',
      line,
      { width: contentWidthNow },
      {
        x: contentX,
        y: doc.y,
      },
    );
  }
  const lineY = doc.y + 4;
  doc
    .moveTo(margin, lineY)
    .lineTo(margin + width, lineY)
    .strokeColor(rule)
    .lineWidth(0.4)
    .stroke();
  doc.y = lineY + 6;
}

export function sectionHeading(doc: Doc, title: string): void {
  doc.outline.addItem(title.charAt(0) + title.slice(1).toLocaleLowerCase('vi'));
  doc
    .font('heavy')
    .fontSize(14)
    .fillColor(ink)
    .text(title, margin, doc.y, { align: 'center', width: contentWidth(doc) });
  doc.moveDown(1.2);
}

const runFont = (run: MinutesRun): TextFont => (run.bold ? 'bold' : run.italic ? 'italic' : 'regular');

/**
 * A meeting's minutes as the editor wrote them: headings (the first centred), paragraphs, list items with
 * their markers; bold, italic and underlined runs as marked.
 */
export function minutesSection(doc: Doc, blocks: readonly MinutesBlock[]): void {
  const width = contentWidth(doc);
  doc.fillColor(ink);
  for (const block of blocks) {
    const heading = block.kind === 'heading';
    const size = heading ? [16, 13, 12][block.level - 1]! : 11;
    const indent = block.kind === 'item' ? 18 * (block.level + 1) : 0;
    keepTogether(doc, heading ? 3 * size : size * 1.5);
    doc.fontSize(size);
    const runs = block.runs.filter((run) => run.text.length > 0);
    const x = margin + indent;
    const options: PDFKit.Mixins.TextOptions = {
      width: width - indent,
      align: heading && block.level === 1 ? 'center' : 'left',
    };
    if (block.marker)
      write(doc, 'regular', `${block.marker} `, { ...options, continued: runs.length > 0 }, { x, y: doc.y });
    if (runs.length === 0 && !block.marker) doc.text(' ', x, doc.y, options);
    runs.forEach((run, index) => {
      const font = heading ? (run.italic ? 'italic' : 'heavy') : runFont(run);
      const first = index === 0 && !block.marker;
      write(
        doc,
        font,
        run.text,
        { ...options, underline: run.underline, continued: index < runs.length - 1 },
        first ? { x, y: doc.y } : undefined,
      );
    });
    doc.moveDown(heading ? 0.6 : 0.35);
  }
}

/** Room for `height` more points on this page, or a new page. */
export function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

/**
 * The record of the session, as far as it exists: who attended (with the quorum), then each item's
 * status, conclusion and vote. Before the session the attendance lists the invited; items still pending
 * with nothing recorded are left out.
 */
function recordSection(doc: Doc, book: MeetingBook): void {
  const participants = book.attendance?.participants ?? [];
  const decided = book.items.filter(
    (item) => item.status !== AgendaItemStatus.PENDING || item.conclusion || item.vote,
  );
  if (participants.length === 0 && decided.length === 0) return;
  doc.addPage();
  const width = contentWidth(doc);

  if (book.attendance && participants.length > 0) {
    sectionHeading(doc, 'THÀNH PHẦN THAM DỰ');
    const roleX = margin + width * 0.55;
    const attendanceX = margin + width * 0.78;
    for (const participant of participants) {
      keepTogether(doc, 20);
      const y = doc.y;
      write(
        doc.fontSize(10.5).fillColor(ink),
        'regular',
        participant.fullName,
        { width: roleX - margin - 8 },
        {
          x: margin,
          y,
        },
      );
      const nameBottom = doc.y;
      doc
        .fillColor(muted)
        .text(participantRoleLabel[participant.role], roleX, y, { width: attendanceX - roleX - 8 });
      doc.fillColor(ink).text(attendanceLabel[participant.attendance], attendanceX, y, {
        width: margin + width - attendanceX,
      });
      doc.y = Math.max(doc.y, nameBottom) + 3;
    }
    const { quorum } = book.attendance;
    doc.moveDown(0.6);
    doc
      .font('bold')
      .fontSize(10.5)
      .fillColor(quorum.reached ? ink : alert)
      .text(
        `Túc số: ${quorum.present}/${quorum.members} thành viên có mặt, cần ít nhất ${quorum.required} – ${
          quorum.reached ? 'Đủ túc số' : 'Chưa đủ túc số'
        }`,
        margin,
        doc.y,
        { width },
      );
    doc.moveDown(1.5);
  }

  if (decided.length > 0) {
    keepTogether(doc, 90);
    sectionHeading(doc, 'KẾT LUẬN VÀ BIỂU QUYẾT');
    for (const item of decided) {
      keepTogether(doc, 60);
      write(
        doc.fontSize(11).fillColor(ink),
        'bold',
        `${item.number}. ${item.title}`,
        { width },
        { x: margin, y: doc.y },
      );
      doc
        .moveDown(0.15)
        .font('regular')
        .fontSize(10)
        .fillColor(muted)
        .text(`Trạng thái: ${agendaItemStatusLabel[item.status]}`, { width });
      if (item.conclusion) {
        write(doc.moveDown(0.15).fontSize(10.5).fillColor(ink), 'regular', `Kết luận: ${item.conclusion}`, {
          width,
          lineGap: 2,
        });
      }
      if (item.vote) {
        const { votesFor, votesAgainst, abstentions, outcome } = item.vote;
        doc
          .moveDown(0.15)
          .font('regular')
          .fontSize(10.5)
          .fillColor(ink)
          .text(
            `Biểu quyết: tán thành ${votesFor}, không tán thành ${votesAgainst}, không biểu quyết ${abstentions} – ${voteOutcomeLabel[outcome]}`,
            { width },
          );
      }
      doc.moveDown(0.9);
    }
  }
}

function proposalsSection(doc: Doc, book: MeetingBook): void {
  const width = contentWidth(doc);
  doc.outline.addItem('Tài liệu kèm theo');
  doc
    .font('heavy')
    .fontSize(14)
    .fillColor(ink)
    .text('TÀI LIỆU KÈM THEO', margin, doc.y, { align: 'center', width });
  doc.moveDown(1.2);
  for (const proposal of book.proposals) {
    const numbers = book.items.filter((item) => item.proposal?.id === proposal.id).map((item) => item.number);
    // Keep a proposal's heading with the start of its text.
    if (doc.y + 110 > bottom(doc)) doc.addPage();
    const kicker = [
      numbers.length ? `Mục ${numbers.join(', ')}` : null,
      proposalKindLabel[proposal.kind],
      proposal.referenceNumber ? `Số ${proposal.referenceNumber}` : null,
      proposal.classification === Classification.INTERNAL
        ? null
        : classificationLabel[proposal.classification],
    ]
      .filter(Boolean)
      .join(' · ');
    write(doc.fontSize(9.5).fillColor(muted), 'bold', kicker, { width }, { x: margin, y: doc.y });
    write(doc.moveDown(0.2).fontSize(13).fillColor(ink), 'heavy', proposal.title, { width, lineGap: 2 });
    write(
      doc.moveDown(0.2).fontSize(9.5).fillColor(muted),
      'regular',
      `Đơn vị chủ trì: ${proposal.leadUnit}`,
      {
        width,
      },
    );
    doc.moveDown(0.5);
    if (proposal.summary) {
      // Paragraphs are spaced by paragraphGap; blank lines between them would double it.
      write(doc.fontSize(11).fillColor(ink), 'regular', proposal.summary.replace(/\n\s*\n+/g, '\n'), {
        width,
        align: 'justify',
        lineGap: 3,
        paragraphGap: 6,
      });
    } else {
      doc.font('italic').fontSize(10.5).fillColor(muted).text('Chưa có tóm tắt.', { width });
    }
    doc.moveDown(1.5);
  }
}

/** Running footer (title, page x/y) and, for a CONFIDENTIAL meeting, the mark on every page. */
function decoratePages(doc: Doc, book: MeetingBook): void {
  const { meeting, timeZone } = book;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const width = contentWidth(doc);
    // Writing inside the bottom margin would otherwise start a new page.
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (meeting.classification === Classification.CONFIDENTIAL) {
      doc
        .font('heavy')
        .fontSize(12)
        .fillColor(alert)
        .text('MẬT', margin, margin / 2 - 6, { width, align: 'right' });
    }
    if (index > range.start) {
      const y = doc.page.height - savedBottom + 18;
      doc
        .moveTo(margin, y - 6)
        .lineTo(margin + width, y - 6)
        .strokeColor(rule)
        .lineWidth(0.4)
        .stroke();
      write(
        doc.fontSize(8.5).fillColor(muted),
        'regular',
        `${meeting.title} · ${formatDate(meeting.startsAt, timeZone)}`,
        { width: width - 80, lineBreak: false, ellipsis: true, height: 12 },
        { x: margin, y },
      );
      doc.text(`Trang ${index - range.start + 1}/${range.count}`, margin + width - 80, y, {
        width: 80,
        align: 'right',
      });
    }
    doc.page.margins.bottom = savedBottom;
  }
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} phút`;
  return rest === 0 ? `${hours} giờ` : `${hours} giờ ${rest} phút`;
}
