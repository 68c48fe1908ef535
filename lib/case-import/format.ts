import { caseInput, type CaseInput } from '@/lib/validation/case-input';
import { importedCaseFields, type ImportedCaseFields } from '@/lib/validation/case-import';
import type { FieldErrors } from '@/lib/validation/field-errors';

/*
 * The import file: one row per offence location, suspect or child, grouped into cases by
 * `external_reference`. The rows of one case sit next to each other; its case columns are
 * read from its first row and may be repeated (identically) or left empty on the others.
 * Column names are the same in every language (README, "Importing past years").
 */

export const RECORD_KINDS = ['location', 'suspect', 'victim'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Import column -> field of the case form (or of importedCaseFields). */
const CASE_COLUMNS = {
  external_reference: 'externalReference',
  title: 'title',
  summary: 'summary',
  offence_type: 'offenceType',
  reported_on: 'reportedOn',
  opened_on: 'openedOn',
  report_channel: 'reportChannel',
  priority: 'priority',
  offence_from: 'offenceFrom',
  offence_to: 'offenceTo',
  status: 'status',
  close_reason: 'closeReason',
  closed_on: 'closedOn',
} as const;

const RECORD_COLUMNS = {
  location: { province_code: 'provinceCode', district: 'district', commune: 'commune', place_type: 'placeType', occurred_on: 'occurredOn' },
  suspect: {
    suspect_name: 'fullName', suspect_alias: 'alias', suspect_sex: 'sex', suspect_age: 'age', suspect_nationality: 'nationality',
    relationship: 'relationship', suspect_status: 'status', arrested_on: 'arrestedOn',
  },
  victim: { victim_sex: 'sex', victim_age: 'ageAtOffence', victim_name: 'fullName', victim_date_of_birth: 'dateOfBirth', victim_nationality: 'nationality' },
} as const satisfies Record<RecordKind, Record<string, string>>;

export const IMPORT_COLUMNS = [
  ...Object.keys(CASE_COLUMNS),
  'record',
  ...RECORD_KINDS.flatMap((kind) => Object.keys(RECORD_COLUMNS[kind])),
] as string[];

const CASE_COLUMN_NAMES = Object.keys(CASE_COLUMNS) as (keyof typeof CASE_COLUMNS)[];
const COLUMN_OF: Record<string, string> = Object.fromEntries(Object.entries(CASE_COLUMNS).map(([column, field]) => [field, column]));
const LIST_OF: Record<RecordKind, 'locations' | 'suspects' | 'victims'> = { location: 'locations', suspect: 'suspects', victim: 'victims' };

/** A problem of the file, by its line (1 is the header) and column. `code` is a message key. */
export type ImportProblem = { line: number; column: string; code: string };

/** Which columns the header has, in which position; problems when some are missing, unknown or twice. */
export function readHeader(cells: string[]): { index: Map<string, number>; problems: ImportProblem[] } {
  const index = new Map<string, number>();
  const problems: ImportProblem[] = [];
  cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (name === '') return;
    if (!IMPORT_COLUMNS.includes(name)) problems.push({ line: 1, column: name.slice(0, 60), code: 'unknownColumn' });
    else if (index.has(name)) problems.push({ line: 1, column: name, code: 'duplicateColumn' });
    else index.set(name, i);
  });
  for (const column of IMPORT_COLUMNS) if (!index.has(column)) problems.push({ line: 1, column, code: 'missingColumn' });
  return { index, problems };
}

type Row = { line: number; kind: RecordKind; values: Record<string, string> };

/** The rows of one case, as read so far. */
export type CaseGroup = {
  externalReference: string;
  firstLine: number;
  caseValues: Record<string, string>;
  rows: Row[];
  problems: ImportProblem[];
};

const cell = (cells: string[], index: Map<string, number>, column: string) => (cells[index.get(column)!] ?? '').trim();

/** A data line as column -> trimmed text; null when every cell is empty (a blank line). */
export function readLine(cells: string[], index: Map<string, number>): Record<string, string> | null {
  const values: Record<string, string> = {};
  let any = false;
  for (const column of IMPORT_COLUMNS) {
    values[column] = cell(cells, index, column);
    if (values[column] !== '') any = true;
  }
  return any ? values : null;
}

export function startGroup(line: number, values: Record<string, string>): CaseGroup {
  const caseValues = Object.fromEntries(CASE_COLUMN_NAMES.map((c) => [c, values[c]!]));
  return { externalReference: values.external_reference!, firstLine: line, caseValues, rows: [], problems: [] };
}

/** Adds a line to its case: checks the case columns agree with the first row and the record kind. */
export function addLine(group: CaseGroup, line: number, values: Record<string, string>): void {
  if (line !== group.firstLine) {
    for (const column of CASE_COLUMN_NAMES) {
      const value = values[column]!;
      if (value !== '' && value !== group.caseValues[column]) group.problems.push({ line, column, code: 'differsFromFirstRow' });
    }
  }
  const kind = values.record!.toLowerCase() as RecordKind;
  if (!RECORD_KINDS.includes(kind)) {
    group.problems.push({ line, column: 'record', code: values.record === '' ? 'required' : 'unknownRecord' });
    return;
  }
  for (const other of RECORD_KINDS) {
    if (other === kind) continue;
    for (const column of Object.keys(RECORD_COLUMNS[other])) {
      if (values[column] !== '') group.problems.push({ line, column, code: 'notForThisRecord' });
    }
  }
  const own = Object.fromEntries(Object.keys(RECORD_COLUMNS[kind]).map((c) => [c, values[c]!]));
  group.rows.push({ line, kind, values: own });
}

export type CheckedCase = { externalReference: string; input: CaseInput; fields: ImportedCaseFields; lines: number };

function fieldsOf(kind: RecordKind, values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(Object.entries(RECORD_COLUMNS[kind]).map(([column, field]) => [field, values[column]]));
  if (kind === 'suspect') out.arrestingAgencyId = '';
  if (kind === 'victim') out.services = [];
  return out;
}

/**
 * Checks a whole case with the schemas of the case form and of the import, and the
 * reference lists; every problem comes back with its line and column.
 */
export function checkGroup(group: CaseGroup, referenceErrors: (input: CaseInput) => FieldErrors): CheckedCase | ImportProblem[] {
  const problems = [...group.problems];
  const byKind = (kind: RecordKind) => group.rows.filter((r) => r.kind === kind);
  const located = { locations: byKind('location'), suspects: byKind('suspect'), victims: byKind('victim') };
  const v = group.caseValues;
  const raw = {
    title: v.title, summary: v.summary, offenceType: v.offence_type, reportedOn: v.reported_on, reportChannel: v.report_channel,
    priority: v.priority === '' ? 'normal' : v.priority, agencyIds: [], offenceFrom: v.offence_from, offenceTo: v.offence_to,
    locations: located.locations.map((r) => fieldsOf('location', r.values)),
    suspects: located.suspects.map((r) => fieldsOf('suspect', r.values)),
    victims: located.victims.map((r) => fieldsOf('victim', r.values)),
  };

  /** "locations.1.district" -> the line of the second location row, column "district". */
  const place = (path: readonly PropertyKey[]): { line: number; column: string } => {
    const [head, index, field] = path.map(String);
    const kind = (Object.keys(LIST_OF) as RecordKind[]).find((k) => LIST_OF[k] === head);
    if (kind) {
      const row = located[LIST_OF[kind]][Number(index)];
      if (row && field) {
        const column = Object.entries(RECORD_COLUMNS[kind]).find(([, f]) => f === field)?.[0];
        return { line: row.line, column: column ?? 'record' };
      }
      return { line: group.firstLine, column: 'record' };
    }
    return { line: group.firstLine, column: COLUMN_OF[head ?? ''] ?? 'record' };
  };
  const add = (path: readonly PropertyKey[], code: string) => problems.push({ ...place(path), code });

  const form = caseInput.safeParse(raw);
  if (!form.success) for (const issue of form.error.issues) add(issue.path, issue.message);
  const fields = importedCaseFields.safeParse({
    externalReference: v.external_reference, openedOn: v.opened_on, status: v.status, closeReason: v.close_reason, closedOn: v.closed_on,
  });
  if (!fields.success) for (const issue of fields.error.issues) add(issue.path, issue.message);
  if (form.success) {
    for (const [path, code] of Object.entries(referenceErrors(form.data))) add(path.split('.'), code);
  }
  if (problems.length > 0 || !form.success || !fields.success) return dedupe(problems);
  return { externalReference: fields.data.externalReference, input: form.data, fields: fields.data, lines: group.rows.length };
}

function dedupe(problems: ImportProblem[]): ImportProblem[] {
  const seen = new Set<string>();
  return problems
    .filter((p) => {
      const key = `${p.line}|${p.column}|${p.code}`;
      return seen.has(key) ? false : (seen.add(key), true);
    })
    .sort((a, b) => a.line - b.line);
}

const EXAMPLE: Record<string, string>[] = [
  {
    external_reference: 'SHEET-2019-017', title: 'Abuse reported by a teacher', summary: '', offence_type: 'indecent_assault',
    reported_on: '2019-03-02', opened_on: '2019-03-04', report_channel: 'school', priority: 'high', offence_from: '2019-02-20',
    offence_to: '2019-02-28', status: 'closed', close_reason: 'convicted', closed_on: '2020-01-15',
    record: 'location', province_code: '12', district: 'Chamkar Mon', commune: 'Tonle Basak', place_type: 'school', occurred_on: '2019-02-25',
  },
  { external_reference: 'SHEET-2019-017', record: 'suspect', suspect_sex: 'male', suspect_age: '41', relationship: 'teacher', suspect_status: 'arrested', arrested_on: '2019-03-10' },
  { external_reference: 'SHEET-2019-017', record: 'victim', victim_sex: 'female', victim_age: '11' },
];

/** The downloadable template: the header and one example case of three rows. */
export function templateRows(): string[][] {
  return [IMPORT_COLUMNS, ...EXAMPLE.map((row) => IMPORT_COLUMNS.map((c) => row[c] ?? ''))];
}
