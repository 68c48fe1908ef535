import 'server-only';
import { createShapedDocument, khmerBreaks } from '@/lib/pdf/khmer-pdf';
import { formatNumber } from '@/lib/i18n/format';
import type { Locale } from '@/lib/vocabulary';
import type { ReportContent } from './report-content';

/**
 * The annual report as an A4 document: title, status, the narrative sections, then every
 * figure table. Numbers are formatted for the reader's language, the same as on the page.
 */
export async function renderReportPdf(content: ReportContent, locale: Locale, pageLabel: (page: number, pages: number) => string): Promise<Buffer> {
  const doc = await createShapedDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true, // for the "page x of y" footers
    lang: locale === 'km' ? 'km-KH' : 'en-GB',
    info: { Title: content.title, Author: content.unit },
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const T = khmerBreaks;
  // Khmer stacks subscripts and marks: it needs more leading than Latin.
  const gap = locale === 'km' ? 4 : 2;
  const cell = (value: string | number | null) => (value === null ? '—' : typeof value === 'number' ? formatNumber(value, locale) : T(value));

  doc.font('Bold').fontSize(20).text(T(content.title), { lineGap: gap });
  doc.font('Body').fontSize(12).fillColor('#444').text(T(content.unit), { lineGap: gap });
  doc.fontSize(10).text(T(content.statusNote), { lineGap: gap });
  doc.fillColor('black').moveDown(1);

  for (const section of content.sections) {
    doc.font('Bold').fontSize(14).text(T(section.heading), { lineGap: gap });
    doc.moveDown(0.3);
    for (const paragraph of section.text.split(/\n\s*\n/).filter((p) => p.trim())) {
      doc.font('Body').fontSize(11).text(T(paragraph.trim()), { lineGap: gap });
      doc.moveDown(0.5);
    }
    doc.moveDown(0.4);
  }

  doc.addPage();
  doc.font('Bold').fontSize(16).text(T(content.figuresHeading), { lineGap: gap });
  doc.moveDown(0.5);
  for (const table of content.tables) {
    doc.font('Bold').fontSize(12).text(T(table.title), { lineGap: gap });
    doc.moveDown(0.3);
    doc.font('Body').fontSize(9);
    doc.table({
      defaultStyle: { padding: [3, 5, 3, 5], border: 0.5, borderColor: '#888' },
      rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#e8eef6' } : undefined),
      data: [
        table.columns.map((c) => ({ text: T(c.label), font: { src: 'Bold' } })),
        ...table.rows.map((row) => row.map(cell)),
      ],
    });
    doc.moveDown(1);
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Body').fontSize(9).fillColor('#666')
      .text(T(pageLabel(i + 1, range.count)), 56, doc.page.height - 40, { width: doc.page.width - 112, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
