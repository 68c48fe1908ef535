import 'server-only';
import writeXlsxFile, { type Sheet } from 'write-excel-file/node';
import { neutraliseFormula } from '@/lib/csv';
import type { ReportContent } from './report-content';

/** Excel refuses sheet names over 31 characters or with : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base} ${n}`;
  used.add(name);
  return name;
}

/** The report as a workbook: the text on its first sheet, then one sheet per table. */
export async function reportWorkbook(content: ReportContent, narrativeSheet: string): Promise<Buffer> {
  const used = new Set<string>();
  const text = (value: string) => ({ value: neutraliseFormula(value) as string, wrap: true });
  const narrative: Sheet<Buffer>['data'] = [
    [{ value: content.title, fontWeight: 'bold' }],
    [{ value: content.unit }],
    [{ value: content.statusNote }],
    [],
    ...content.sections.flatMap((s) => [[{ value: s.heading, fontWeight: 'bold' as const }], [text(s.text)], []]),
  ];
  const sheets: Sheet<Buffer>[] = [
    { sheet: sheetName(narrativeSheet, used), data: narrative, columns: [{ width: 100 }] },
    ...content.tables.map((table) => ({
      sheet: sheetName(table.title, used),
      columns: table.columns.map((c, i) => ({ width: i === 0 ? 36 : 16 })),
      data: [
        table.columns.map((c) => ({ value: c.label, fontWeight: 'bold' as const })),
        ...table.rows.map((row) => row.map((cell) => (cell === null ? null : typeof cell === 'number' ? { value: cell, type: Number } : text(cell)))),
      ],
    })),
  ];
  return writeXlsxFile(sheets).toBuffer();
}
