import { describe, expect, it } from 'vitest';
import { createTranslator } from 'next-intl';
import { unzip } from '@/db/testing/unzip';
import en from '@/messages/en.json';
import km from '@/messages/km.json';
import { useTestDatabase } from '@/db/testing/test-db';
import { computeYearFigures } from '@/db/queries/metrics';
import type { Locale } from '@/lib/vocabulary';
import { reportContent, type ReportVersionInput } from './report-content';
import { renderReportPdf } from './report-pdf';
import { reportWorkbook } from './report-xlsx';

(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= function withResolvers<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((a, b) => { resolve = a; reject = b; });
  return { promise, resolve, reject };
};

const testDb = useTestDatabase();
const REPORT: ReportVersionInput = {
  year: 2021, versionNo: 1, status: 'published', publishedAt: new Date('2022-03-07T03:00:00Z'), publishedBy: 'Mao Chenda',
  sections: { summary: 'អង្គភាពការពារកុមារបានស៊ើបអង្កេតករណីចំនួន ៣១៣។', achievements: '268 suspects arrested.', challenges: '', partners: '' },
};

async function content(locale: Locale) {
  const messages = locale === 'km' ? km : en;
  const tr = (namespace: 'reports' | 'dashboard') => {
    const t = createTranslator({ locale, messages, namespace });
    return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
  };
  return reportContent(REPORT, await computeYearFigures(testDb.db(), { year: 2021 }), { reports: tr('reports'), dashboard: tr('dashboard') }, locale);
}

async function pdfText(pdf: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    for (const item of (await (await doc.getPage(p)).getTextContent()).items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  return text;
}

describe('the annual report files', () => {
  it('the Khmer PDF carries the Khmer title, narrative and figure labels as text', async () => {
    const c = await content('km');
    const text = (await pdfText(await renderReportPdf(c, 'km', (p, n) => `${p}/${n}`))).replace(/\s/g, '');
    for (const expected of ['របាយការណ៍ប្រចាំឆ្នាំ2021', 'អង្គភាពការពារកុមារបានស៊ើបអង្កេតករណីចំនួន៣១៣។', 'ការស៊ើបអង្កេត313', 'កំពង់ឆ្នាំង5']) {
      expect(text).toContain(expected);
    }
  });

  it('the English PDF has the headline figures', async () => {
    const text = await pdfText(await renderReportPdf(await content('en'), 'en', (p, n) => `Page ${p} of ${n}`));
    expect(text).toContain('Annual report 2021');
    expect(text).toMatch(/Investigations\s*313/);
    expect(text).toMatch(/Suspects arrested\s*268/);
  });

  it('the workbook has the report sheet and one sheet per table, with the numbers as numbers', async () => {
    const c = await content('en');
    const files = unzip(await reportWorkbook(c, 'Report'));
    const workbook = files.get('xl/workbook.xml') ?? '';
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets[0]).toBe('Report');
    expect(sheets).toHaveLength(1 + c.tables.length);
    expect(new Set(sheets).size).toBe(sheets.length);
    for (const name of sheets) expect(name).toMatch(/^[^:\\/?*[\]]{1,31}$/);
    expect(sheets[1]).toBe('Headline figures');
    // The headline sheet: the investigations row holds 313 as a number cell, not text.
    const strings = files.get('xl/sharedStrings.xml') ?? '';
    expect(strings).toContain('Investigations');
    expect(files.get('xl/worksheets/sheet2.xml')).toMatch(/<c r="B2"[^>]*><v>313<\/v><\/c>/);
  });
});
