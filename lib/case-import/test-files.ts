import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from './format';

/*
 * Import files for the tests: `cases` cases of four rows each (a location, a suspect, two
 * children), all valid, opened in past years. `edit` changes cells of given data lines.
 */

export const ROWS_PER_CASE = 4;

export function caseRows(n: number, prefix: string): Record<string, string>[] {
  const year = 2015 + (n % 8);
  const ref = `${prefix}-${String(n).padStart(6, '0')}`;
  const common = {
    external_reference: ref, title: `Imported case ${n}`, summary: `=HYPERLINK("x") summary ${n}`, offence_type: 'indecent_assault',
    reported_on: `${year}-03-02`, opened_on: `${year}-03-04`, report_channel: 'police', priority: 'normal',
    offence_from: `${year}-02-01`, offence_to: `${year}-02-28`, status: n % 3 === 0 ? 'closed' : 'under_investigation',
    close_reason: n % 3 === 0 ? 'convicted' : '', closed_on: n % 3 === 0 ? `${year + 1}-01-10` : '',
  };
  return [
    { ...common, record: 'location', province_code: '12', district: `District ${n % 50}`, commune: '', place_type: 'school', occurred_on: `${year}-02-10` },
    { external_reference: ref, record: 'suspect', suspect_sex: 'male', suspect_age: '40', relationship: 'neighbour', suspect_status: n % 2 ? 'arrested' : 'wanted', arrested_on: n % 2 ? `${year}-03-20` : '' },
    { external_reference: ref, record: 'victim', victim_sex: 'female', victim_age: '12' },
    { external_reference: ref, record: 'victim', victim_sex: 'male', victim_age: '9' },
  ];
}

/** Data line number (2 is the first line after the header) -> column -> new value. */
export type Edits = Map<number, Record<string, string>>;

export function importCsv(cases: number, prefix: string, edits: Edits = new Map()): string {
  const lines: string[][] = [IMPORT_COLUMNS];
  for (let n = 0; n < cases; n++) {
    for (const row of caseRows(n, prefix)) {
      const line = lines.length + 1;
      const edited = { ...row, ...edits.get(line) };
      lines.push(IMPORT_COLUMNS.map((c) => edited[c] ?? ''));
    }
  }
  return stringify(lines);
}

/** A body as the route handler reads it: chunks of bytes. */
export async function* chunks(text: string | Buffer, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
