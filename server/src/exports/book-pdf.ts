import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Classification, MeetingStatus } from '@quorum/shared';
import PDFDocument from 'pdfkit';
import { formatDate, formatDateTime, formatTime } from './format.js';
import { classificationLabel, meetingKindLabel, proposalKindLabel } from './labels.js';
import type { BookItem, MeetingBook } from './meeting-book.js';

// Be Vietnam Pro (SIL OFL), drawn for Vietnamese: every stacked diacritic (ệ, ở, Ự) has its own glyph.
// pdfkit embeds only the glyphs a document uses.
const fontFiles = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  bold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  heavy: '700Bold/BeVietnamPro_700Bold.ttf',
} as const;
type FontName = keyof typeof fontFiles;

let fonts: Record<FontName, Buffer> | undefined;
function loadFonts(): Record<FontName, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (file: string) => readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${file}`));
    fonts = {
      regular: read(fontFiles.regular),
      italic: read(fontFiles.italic),
      bold: read(fontFiles.bold),
      heavy: read(fontFiles.heavy),
    };
  }
  return fonts;
}

const margin = 57; // 2 cm
const ink = '#111111';
const muted = '#555555';
const rule = '#bbbbbb';
const alert = '#b00020';

type Doc = PDFKit.PDFDocument;

/** The meeting book as a PDF: title page, the agenda with numbers, planned times and presenters, then each proposal's summary. */
export async function renderBookPdf(
  book: MeetingBook,
  meetingUrl: string,
  generatedAt = new Date(),
): Promise<Buffer> {
  const { meeting, timeZone } = book;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: meeting.title,
      Author: meeting.organization.name,
      Subject: `Bộ tài liệu: ${meeting.title}, ${formatDateTime(meeting.startsAt, timeZone)}`,
      Creator: 'Quorum',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, data] of Object.entries(loadFonts())) doc.registerFont(name, data);

  titlePage(doc, book, meetingUrl, generatedAt);
  doc.addPage();
  agendaSection(doc, book);
  if (book.proposals.length > 0) {
    doc.addPage();
    proposalsSection(doc, book);
  }
  decoratePages(doc, book);
  doc.end();
  return finished;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

function titlePage(doc: Doc, book: MeetingBook, meetingUrl: string, generatedAt: Date): void {
  const { meeting, timeZone } = book;
  const width = contentWidth(doc);
  doc.fillColor(ink).font('bold').fontSize(11);
  doc.text(meeting.organization.name.toUpperCase(), { align: 'center', width });
  doc.text(meeting.committee.name.toUpperCase(), { align: 'center', width });
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
  doc.font('heavy').fontSize(22).fillColor(ink).text(meeting.title, { align: 'center', width, lineGap: 4 });
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
    ['Độ mật', classificationLabel[meeting.classification]],
  ];
  const labelWidth = 90;
  const blockWidth = 340;
  const left = (doc.page.width - blockWidth) / 2;
  for (const [label, value] of rows) {
    if (!value) continue;
    const y = doc.y;
    doc.font('regular').fontSize(11).fillColor(muted).text(`${label}:`, left, y, { width: labelWidth });
    doc
      .font('bold')
      .fillColor(ink)
      .text(value, left + labelWidth, y, { width: blockWidth - labelWidth });
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
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor(muted)
    .text(`${meeting.title} · ${formatDateTime(meeting.startsAt, timeZone)}`, { align: 'center', width });
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
  if (item.durationMinutes) {
    doc.text(`${item.durationMinutes} phút`, margin + width - columns.duration, y + 1, {
      width: columns.duration,
      align: 'right',
    });
  }
  doc.font(titleFont).fontSize(11).fillColor(ink).text(title, contentX, y, { width: contentWidthNow });
  for (const line of details) {
    doc
      .moveDown(0.1)
      .font('italic')
      .fontSize(9.5)
      .fillColor(muted)
      .text(line, contentX, doc.y, { width: contentWidthNow });
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
    doc.font('bold').fontSize(9.5).fillColor(muted).text(kicker, margin, doc.y, { width });
    doc.moveDown(0.2).font('heavy').fontSize(13).fillColor(ink).text(proposal.title, { width, lineGap: 2 });
    doc
      .moveDown(0.2)
      .font('regular')
      .fontSize(9.5)
      .fillColor(muted)
      .text(`Đơn vị chủ trì: ${proposal.leadUnit}`, { width });
    doc.moveDown(0.5);
    if (proposal.summary) {
      // Paragraphs are spaced by paragraphGap; blank lines between them would double it.
      doc
        .font('regular')
        .fontSize(11)
        .fillColor(ink)
        .text(proposal.summary.replace(/\n\s*\n+/g, '\n'), {
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
      doc
        .font('regular')
        .fontSize(8.5)
        .fillColor(muted)
        .text(`${meeting.title} · ${formatDate(meeting.startsAt, timeZone)}`, margin, y, {
          width: width - 80,
          lineBreak: false,
          ellipsis: true,
          height: 12,
        });
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
