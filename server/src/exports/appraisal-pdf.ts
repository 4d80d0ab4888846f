import { Classification, CommentStatus, Verdict } from '@quorum/shared';
import type { AppraisalComment } from '../entities/index.js';
import type { Row } from '../read/rows.js';
import type { AppraisalReportDocument } from './appraisal-report.js';
import {
  alert,
  contentWidth,
  ink,
  keepTogether,
  margin,
  muted,
  renderPdf,
  rule,
  sectionHeading,
  write,
  type Doc,
} from './book-pdf.js';
import { formatDate, formatDateTime } from './format.js';
import { appraisalStatusLabel, classificationLabel, proposalKindLabel, verdictLabel } from './labels.js';

/**
 * The consolidated appraisal report ("Báo cáo tổng hợp ý kiến thẩm định") as a PDF for the session's file:
 * the proposal and the round, the count of verdicts, each unit's verdict with its summary (late units
 * marked), then every comment thread the reader may see with the drafters' answer. Set in the fonts of the
 * meeting book (book-pdf.ts), so Vietnamese prints whole.
 */
export function renderAppraisalReportPdf(
  document: AppraisalReportDocument,
  url: string,
  generatedAt = new Date(),
): Promise<Buffer> {
  const { proposal, organization } = document;
  const info = {
    Title: `Báo cáo tổng hợp ý kiến thẩm định: ${proposal.title}`,
    Author: organization.name,
    Subject: proposal.title,
  };
  return renderPdf(info, (doc) => {
    heading(doc, document);
    verdictsSection(doc, document);
    commentsSection(doc, document);
    footer(doc, document, url, generatedAt);
  });
}

function heading(
  doc: Doc,
  { organization, proposal, leadUnit, appraisal, requestedBy, report }: AppraisalReportDocument,
) {
  const width = contentWidth(doc);
  const { timeZone } = organization;
  doc.fillColor(ink).fontSize(11);
  write(doc, 'bold', organization.name.toUpperCase(), { align: 'center', width });
  doc.moveDown(1.5);
  doc
    .font('heavy')
    .fontSize(15)
    .fillColor(ink)
    .text('BÁO CÁO TỔNG HỢP Ý KIẾN THẨM ĐỊNH', margin, doc.y, { align: 'center', width });
  doc.moveDown(0.4);
  const kind = [
    proposalKindLabel[proposal.kind],
    proposal.referenceNumber ? `số ${proposal.referenceNumber}` : null,
  ]
    .filter(Boolean)
    .join(' ');
  write(doc.fontSize(12.5).fillColor(ink), 'bold', `${kind}: ${proposal.title}`, {
    align: 'center',
    width,
    lineGap: 2,
  });
  doc.moveDown(1);

  const rows: [string, string][] = [
    ['Đơn vị chủ trì', leadUnit],
    ['Đề nghị thẩm định', `${requestedBy}, ${formatDateTime(appraisal.createdAt, timeZone)}`],
    ['Thời hạn', formatDateTime(appraisal.dueAt, timeZone)],
    [
      'Trạng thái',
      appraisal.closedAt
        ? `${appraisalStatusLabel[appraisal.status]} (${formatDateTime(appraisal.closedAt, timeZone)})`
        : appraisalStatusLabel[appraisal.status],
    ],
  ];
  if (proposal.classification !== Classification.INTERNAL)
    rows.push(['Độ mật', classificationLabel[proposal.classification]]);
  if (appraisal.note) rows.push(['Nội dung đề nghị', appraisal.note]);
  const labelWidth = 120;
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('regular').fontSize(10.5).fillColor(muted).text(`${label}:`, margin, y, { width: labelWidth });
    write(doc.fillColor(ink), 'regular', value, { width: width - labelWidth }, { x: margin + labelWidth, y });
    doc.moveDown(0.3);
  }
  doc.moveDown(0.6);
  const counts = [
    `${verdictLabel[Verdict.AGREE]}: ${report.agree}`,
    `${verdictLabel[Verdict.AGREE_WITH_CHANGES]}: ${report.agreeWithChanges}`,
    `${verdictLabel[Verdict.DISAGREE]}: ${report.disagree}`,
    `${verdictLabel[Verdict.PENDING]}: ${report.pending}`,
  ].join(' · ');
  doc.font('bold').fontSize(10.5).fillColor(ink).text(`Tổng hợp: ${counts}`, margin, doc.y, { width });
  if (report.overdueUnits.length > 0) {
    write(
      doc.moveDown(0.2).fontSize(10.5).fillColor(alert),
      'bold',
      `Quá hạn: ${report.overdueUnits.map((unit) => unit.name).join(', ')}`,
      { width },
    );
  }
  doc
    .font('regular')
    .fontSize(10.5)
    .fillColor(ink)
    .text(
      `Góp ý: ${report.openComments} chưa tiếp thu, ${report.resolvedComments} đã tiếp thu`,
      margin,
      doc.y + 2,
      { width },
    );
  doc.moveDown(1.2);
}

function verdictsSection(doc: Doc, document: AppraisalReportDocument): void {
  const { report, organization, overdue } = document;
  const width = contentWidth(doc);
  keepTogether(doc, 120);
  sectionHeading(doc, 'Ý KIẾN CỦA CÁC ĐƠN VỊ');
  report.verdictsByUnit.forEach((assignment, index) => {
    keepTogether(doc, 70);
    const unit = report.units.get(assignment.unit.id)!;
    write(
      doc.fontSize(11).fillColor(ink),
      'bold',
      `${index + 1}. ${unit.name}`,
      { width },
      { x: margin, y: doc.y },
    );
    const late = overdue.has(assignment.id);
    write(
      doc
        .moveDown(0.1)
        .fontSize(10.5)
        .fillColor(late ? alert : ink),
      'regular',
      `Ý kiến: ${verdictLabel[assignment.verdict]}${late ? ' (quá hạn)' : ''}`,
      { width },
    );
    const by = [
      document.userName(assignment.reviewer?.id),
      assignment.submittedAt ? formatDateTime(assignment.submittedAt, organization.timeZone) : null,
    ].filter(Boolean);
    if (by.length > 0)
      write(
        doc.fontSize(9.5).fillColor(muted),
        'italic',
        `${assignment.submittedAt ? 'Gửi' : 'Người thẩm định'}: ${by.join(', ')}`,
        { width },
      );
    if (assignment.summary)
      write(doc.moveDown(0.1).fontSize(10.5).fillColor(ink), 'regular', assignment.summary, {
        width,
        lineGap: 2,
        paragraphGap: 4,
      });
    doc.moveDown(0.8);
  });
}

function commentsSection(doc: Doc, document: AppraisalReportDocument): void {
  const { report } = document;
  const width = contentWidth(doc);
  keepTogether(doc, 120);
  sectionHeading(doc, 'GÓP Ý VÀ GIẢI TRÌNH');
  if (report.threads.length === 0) {
    doc.font('italic').fontSize(10.5).fillColor(muted).text('Không có góp ý.', margin, doc.y, { width });
    return;
  }
  report.threads.forEach(({ comment, replies }, index) => {
    keepTogether(doc, 80);
    write(
      doc.fontSize(10.5).fillColor(ink),
      'bold',
      `${index + 1}. ${commentBy(document, comment)}`,
      { width },
      { x: margin, y: doc.y },
    );
    if (comment.anchorQuote) {
      const gone = document.detached(comment) ? ' (đoạn này không còn trong dự thảo)' : '';
      write(
        doc.moveDown(0.1).fontSize(10).fillColor(muted),
        'italic',
        `Trích: “${comment.anchorQuote}”${gone}`,
        {
          width,
        },
      );
    }
    write(doc.moveDown(0.1).fontSize(10.5).fillColor(ink), 'regular', comment.body, { width, lineGap: 2 });
    for (const reply of replies) {
      write(
        doc.moveDown(0.2).fontSize(10).fillColor(muted),
        'italic',
        `Trả lời – ${commentBy(document, reply)}`,
        { width: width - 16 },
        { x: margin + 16, y: doc.y },
      );
      write(doc.fontSize(10.5).fillColor(ink), 'regular', reply.body, { width: width - 16, lineGap: 2 });
    }
    doc.x = margin;
    if (comment.status === CommentStatus.RESOLVED) {
      const by = document.userName(comment.resolvedBy?.id);
      write(
        doc.moveDown(0.2).fontSize(10.5).fillColor(ink),
        'bold',
        `Đã tiếp thu${by ? ` (${by})` : ''}${comment.answer ? ` – Giải trình: ${comment.answer}` : ''}`,
        { width, lineGap: 2 },
      );
    } else {
      doc
        .moveDown(0.2)
        .font('bold')
        .fontSize(10.5)
        .fillColor(alert)
        .text('Chưa tiếp thu', margin, doc.y, { width });
    }
    doc.moveDown(0.8);
  });
}

function commentBy(document: AppraisalReportDocument, comment: Row<AppraisalComment>): string {
  const unit = document.report.units.get(comment.unit.id)?.name;
  return [
    document.userName(comment.author.id),
    unit,
    formatDateTime(comment.createdAt, document.organization.timeZone),
  ]
    .filter(Boolean)
    .join(', ');
}

/** Page numbers, the source, and the confidential mark on every page of a CONFIDENTIAL proposal. */
function footer(
  doc: Doc,
  { proposal, organization }: AppraisalReportDocument,
  url: string,
  generatedAt: Date,
): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const width = contentWidth(doc);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (proposal.classification === Classification.CONFIDENTIAL)
      doc
        .font('heavy')
        .fontSize(12)
        .fillColor(alert)
        .text('MẬT', margin, margin / 2 - 6, { width, align: 'right' });
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
      .text(`In từ Quorum ngày ${formatDate(generatedAt, organization.timeZone)} · ${url}`, margin, y, {
        width: width - 80,
        lineBreak: false,
        ellipsis: true,
        height: 12,
      });
    doc.text(`Trang ${index - range.start + 1}/${range.count}`, margin + width - 80, y, {
      width: 80,
      align: 'right',
    });
    doc.page.margins.bottom = savedBottom;
  }
}
