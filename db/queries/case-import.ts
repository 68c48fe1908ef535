import 'server-only';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { inArray } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { investigations } from '../schema';
import type { Viewer } from '@/lib/policy';
import {
  addLine, checkGroup, readHeader, readLine, startGroup, type CaseGroup, type CheckedCase, type ImportProblem,
} from '@/lib/case-import/format';
import { activeReferenceSets, insertCaseRecords, nextReferenceSeq, referenceErrors, type NewCaseRecord } from './case-create';

export type ImportMode = 'check' | 'import';
export type ImportProgress = { bytes: number; lines: number };
export type ImportSummary = {
  mode: ImportMode;
  /** Data lines read (the header and blank lines not counted). */
  lines: number;
  /** Cases in the file, and of them those already imported earlier (skipped). */
  cases: number;
  existing: number;
  created: number;
  /** The first MAX_PROBLEMS problems, by line; problemCount counts them all. */
  problems: ImportProblem[];
  problemCount: number;
};

/** 64 MB: a 100,000-row file is about 20 MB. */
export const IMPORT_MAX_BYTES = 64 * 1024 * 1024;
export const MAX_PROBLEMS = 1000;
const CASES_PER_BATCH = 250;
const PROGRESS_EVERY = 1000;
const MAX_RECORD_BYTES = 200_000;

/** The file cannot be read at all: no line of it can be trusted. */
class Unreadable extends Error {
  constructor(readonly code: string, readonly line = 1) {
    super(code);
  }
}

/** Thrown inside the transaction so that nothing of a file with problems is written. */
class RolledBack extends Error {}

/** Bytes to text, refusing what is not UTF-8 text, and stopping at the size limit. */
async function* utf8Text(body: AsyncIterable<Uint8Array>, counter: { bytes: number }, maxBytes: number) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of body) {
    counter.bytes += chunk.byteLength;
    if (counter.bytes > maxBytes) throw new Unreadable('tooLarge');
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new Unreadable('notUtf8');
    }
    // Text files have no NUL: this is a spreadsheet's binary format or something else.
    if (text.includes('\u0000')) throw new Unreadable('notText');
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new Unreadable('notUtf8');
  }
}

type Run = {
  viewer: Viewer;
  executor: Db | Tx;
  mode: ImportMode;
  ip: string | null;
  maxBytes: number;
  onProgress?: (progress: ImportProgress) => void;
};

async function readFile(body: AsyncIterable<Uint8Array>, run: Run): Promise<ImportSummary> {
  const summary: ImportSummary = { mode: run.mode, lines: 0, cases: 0, existing: 0, created: 0, problems: [], problemCount: 0 };
  const report = (problems: ImportProblem[]) => {
    summary.problemCount += problems.length;
    for (const p of problems) if (summary.problems.length < MAX_PROBLEMS) summary.problems.push(p);
  };
  const sets = await activeReferenceSets(run.executor);
  const checkReferences = (input: Parameters<typeof referenceErrors>[0]) => referenceErrors(input, sets);
  const seen = new Set<string>();
  const nextSeq = new Map<number, number>();
  let batch: CheckedCase[] = [];
  let group: CaseGroup | null = null;

  const flush = async () => {
    if (batch.length === 0) return;
    const found = await run.executor
      .select({ ref: investigations.externalRef })
      .from(investigations)
      .where(inArray(investigations.externalRef, batch.map((c) => c.externalReference)));
    const existing = new Set(found.map((r) => r.ref));
    const fresh = batch.filter((c) => !existing.has(c.externalReference));
    summary.existing += batch.length - fresh.length;
    batch = [];
    // Once a problem is known nothing more is written: the transaction will roll back.
    if (run.mode !== 'import' || summary.problemCount > 0 || fresh.length === 0) return;
    const records: NewCaseRecord[] = [];
    for (const c of fresh) {
      const year = Number(c.fields.openedOn.slice(0, 4));
      const seq = nextSeq.get(year) ?? (await nextReferenceSeq(run.executor as Tx, year));
      nextSeq.set(year, seq + 1);
      records.push({
        input: c.input, refYear: year, refSeq: seq, openedOn: c.fields.openedOn, status: c.fields.status,
        closeReason: c.fields.closeReason ?? null, closedAt: c.fields.closedOn ? new Date(`${c.fields.closedOn}T00:00:00Z`) : null,
        externalRef: c.externalReference,
      });
    }
    await insertCaseRecords(run.executor as Tx, run.viewer, records, run.ip);
    summary.created += records.length;
  };
  const finishGroup = async () => {
    if (!group) return;
    summary.cases++;
    const checked = checkGroup(group, checkReferences);
    group = null;
    if (Array.isArray(checked)) report(checked);
    else batch.push(checked);
    if (batch.length >= CASES_PER_BATCH) await flush();
  };

  const counter = { bytes: 0 };
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true, max_record_size: MAX_RECORD_BYTES });
  const feeding = pipeline(Readable.from(utf8Text(body, counter, run.maxBytes)), parser);
  feeding.catch(() => undefined); // the same error reaches the loop below
  let header: ReturnType<typeof readHeader> | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        header = readHeader(record);
        if (header.problems.length > 0) {
          report(header.problems);
          break;
        }
        continue;
      }
      const line = info.lines;
      const values = readLine(record, header.index);
      if (!values) continue;
      summary.lines++;
      if (summary.lines % PROGRESS_EVERY === 0) run.onProgress?.({ bytes: counter.bytes, lines: summary.lines });
      const ref = values.external_reference!;
      if (ref === '') {
        report([{ line, column: 'external_reference', code: 'required' }]);
        continue;
      }
      if (group?.externalReference !== ref) {
        if (seen.has(ref)) {
          report([{ line, column: 'external_reference', code: 'caseRowsApart' }]);
          continue;
        }
        await finishGroup();
        seen.add(ref);
        group = startGroup(line, values);
      }
      addLine(group!, line, values);
    }
    await finishGroup();
    await flush();
  } catch (err) {
    if (err instanceof Unreadable) report([{ line: err.line, column: '', code: err.code }]);
    else if (isCsvError(err)) report([{ line: err.lines ?? 1, column: '', code: 'csvSyntax' }]);
    else throw err;
  } finally {
    parser.destroy();
  }
  if (!header && summary.problemCount === 0) report([{ line: 1, column: '', code: 'emptyFile' }]);
  else if (header && header.problems.length === 0 && summary.lines === 0 && summary.problemCount === 0) report([{ line: 2, column: '', code: 'noRows' }]);
  run.onProgress?.({ bytes: counter.bytes, lines: summary.lines });
  return summary;
}

function isCsvError(err: unknown): err is { code: string; lines?: number } {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    && (err as { code: string }).code.startsWith('CSV_');
}

/**
 * Reads an import file as it streams in (the body is never held whole), checking every case
 * with the case form's schemas and the reference lists. "check" writes nothing but the audit
 * row; "import" writes every case in one transaction, or, if any problem is found, none.
 * Cases whose external reference was imported before are skipped, so a re-import adds nothing.
 */
export async function importCases(
  viewer: Viewer,
  body: AsyncIterable<Uint8Array>,
  { mode, ip, maxBytes = IMPORT_MAX_BYTES, onProgress }: { mode: ImportMode; ip: string | null; maxBytes?: number; onProgress?: Run['onProgress'] },
): Promise<ImportSummary> {
  await authorize(viewer, 'cases:import', { action: 'case.import', ip, detail: { mode } });
  const db = getDb();
  const detail = (s: ImportSummary) => ({ mode, lines: s.lines, cases: s.cases, existing: s.existing, created: s.created, problems: s.problemCount });
  if (mode === 'check') {
    const summary = await readFile(body, { viewer, executor: db, mode, ip, maxBytes, onProgress });
    await writeAudit(db, viewer, { action: 'case.import', outcome: 'allowed', ip, detail: detail(summary) });
    return summary;
  }
  let result: ImportSummary | undefined;
  try {
    await db.transaction(async (tx) => {
      result = await readFile(body, { viewer, executor: tx, mode, ip, maxBytes, onProgress });
      if (result.problemCount > 0) throw new RolledBack();
      await writeAudit(tx, viewer, { action: 'case.import', outcome: 'allowed', ip, detail: detail(result) });
    });
  } catch (err) {
    if (!(err instanceof RolledBack)) throw err;
    result = { ...result!, created: 0 };
    await writeAudit(db, viewer, { action: 'case.import', outcome: 'failed', ip, detail: detail(result) });
  }
  return result!;
}
