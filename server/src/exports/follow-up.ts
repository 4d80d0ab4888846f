import type { FollowUpOutcome } from '@quorum/shared';
import type { FollowUpCounts, FollowUpReport } from '../read/follow-up.js';
import { contentWidth, ink, margin, muted, renderPdf, rule, write, type Doc } from './book-pdf.js';
import { formatDateTime } from './format.js';

// The follow-up report ("Báo cáo theo dõi, đôn đốc thực hiện nhiệm vụ") as a document: the same figures as
// the `followUpReport` query, per assignee unit with the totals, as PDF for the file and XLSX for the office's
// own sums. Columns and titles in Vietnamese (the glossary's words), one list for both formats.

const title = 'BÁO CÁO THEO DÕI, ĐÔN ĐỐC THỰC HIỆN NHIỆM VỤ';

const columns: { key: FollowUpOutcome | 'assigned'; label: string }[] = [
  { key: 'assigned', label: 'Được giao' },
  { key: 'doneOnTime', label: 'Hoàn thành đúng hạn' },
  { key: 'doneLate', label: 'Hoàn thành quá hạn' },
  { key: 'overdue', label: 'Quá hạn' },
  { key: 'inProgress', label: 'Đang thực hiện' },
];

/** "Nhiệm vụ có hạn từ 01/01/2026 đến 31/12/2026", or every due date. */
function periodOf({ filter }: FollowUpReport): string {
  // `2026-01-31` → `31/01/2026`
  const day = (date: string) => date.split('-').reverse().join('/');
  if (filter.dueFrom && filter.dueTo)
    return `Nhiệm vụ có hạn từ ${day(filter.dueFrom)} đến ${day(filter.dueTo)}`;
  if (filter.dueFrom) return `Nhiệm vụ có hạn từ ${day(filter.dueFrom)}`;
  if (filter.dueTo) return `Nhiệm vụ có hạn đến ${day(filter.dueTo)}`;
  return 'Mọi nhiệm vụ';
}

const lines = (report: FollowUpReport): { name: string; counts: FollowUpCounts }[] => [
  ...report.rows.map(({ unit, counts }) => ({ name: unit.name, counts })),
  { name: 'Tổng cộng', counts: report.totals },
];

export function renderFollowUpPdf(report: FollowUpReport): Promise<Buffer> {
  const { organization, asOf } = report;
  const info = { Title: title, Author: organization.name, Subject: periodOf(report) };
  return renderPdf(info, (doc) => {
    const width = contentWidth(doc);
    doc.fillColor(ink).fontSize(11);
    write(doc, 'bold', organization.name.toUpperCase(), { align: 'center', width });
    doc.moveDown(1.5);
    doc.font('heavy').fontSize(14).text(title, margin, doc.y, { align: 'center', width });
    doc.moveDown(0.4);
    doc
      .font('regular')
      .fontSize(10.5)
      .fillColor(muted)
      .text(
        `${periodOf(report)}. Số liệu đến ${formatDateTime(asOf, organization.timeZone)}.`,
        margin,
        doc.y,
        {
          align: 'center',
          width,
        },
      );
    doc.moveDown(1.2);
    table(doc, report);
  });
}

function table(doc: Doc, report: FollowUpReport): void {
  const width = contentWidth(doc);
  const figure = 62;
  const nameWidth = width - figure * columns.length;
  const row = (name: string, cells: string[], font: 'regular' | 'bold') => {
    if (doc.y + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    write(doc.fontSize(10).fillColor(ink), font, name, { width: nameWidth - 8 }, { x: margin, y });
    let bottom = doc.y;
    cells.forEach((cell, index) => {
      doc
        .font(font)
        .text(cell, margin + nameWidth + index * figure, y, { width: figure - 4, align: 'right' });
      bottom = Math.max(bottom, doc.y);
    });
    doc
      .moveTo(margin, bottom + 3)
      .lineTo(margin + width, bottom + 3)
      .strokeColor(rule)
      .lineWidth(0.4)
      .stroke();
    doc.y = bottom + 7;
  };
  row(
    'Đơn vị',
    columns.map((column) => column.label),
    'bold',
  );
  if (report.rows.length === 0) {
    doc.font('italic').fontSize(10).fillColor(muted).text('Không có nhiệm vụ nào.', margin, doc.y, { width });
    doc.moveDown(0.5);
  }
  for (const line of lines(report))
    row(
      line.name,
      columns.map((column) => String(line.counts[column.key])),
      line.counts === report.totals ? 'bold' : 'regular',
    );
}

export async function renderFollowUpXlsx(report: FollowUpReport): Promise<Buffer> {
  // Loaded with the first workbook: exceljs is large, and most runs never write one.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quorum';
  workbook.created = report.asOf;
  const sheet = workbook.addWorksheet('Theo dõi nhiệm vụ');
  sheet.addRow([report.organization.name]);
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([
    `${periodOf(report)}. Số liệu đến ${formatDateTime(report.asOf, report.organization.timeZone)}.`,
  ]);
  sheet.addRow([]);
  const header = sheet.addRow(['Đơn vị', ...columns.map((column) => column.label)]);
  header.font = { bold: true };
  for (const line of lines(report)) {
    const added = sheet.addRow([line.name, ...columns.map((column) => line.counts[column.key])]);
    if (line.counts === report.totals) added.font = { bold: true };
  }
  sheet.getColumn(1).width = 40;
  for (let index = 2; index <= columns.length + 1; index += 1) sheet.getColumn(index).width = 20;
  sheet.views = [{ state: 'frozen', ySplit: 5 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
