import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { unzip } from '@/db/testing/unzip';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { parseCaseFilters } from '@/lib/case-filters';
import { caseInput } from '@/lib/validation/case-input';
import { csvChunk, csvHeader, exportCells, exportColumns, type ExportLabels } from '@/lib/case-export';
import { casesWorkbook } from '@/lib/case-export-xlsx';
import { createInvestigation } from './case-create';
import { exportCases } from './case-export';
import { listCases } from './case-list';

const testDb = useTestDatabase();
let manager: Viewer, investigator: Viewer, liaison: Viewer, admin: Viewer;
let injected: string;

const labels: ExportLabels = { header: (c) => `[${c}]`, status: (c) => c, closeReason: (c) => c, priority: (c) => c, reportChannel: (c) => c };
const FORMULA = '=HYPERLINK("x")';

beforeAll(async () => {
  ({ manager, investigator, liaison, admin } = await demoViewers(testDb));
  const input = caseInput.parse({
    title: FORMULA, summary: '@SUM(A1) secret summary', offenceType: 'indecent_assault', reportedOn: '2026-01-20', reportChannel: 'school',
    priority: 'high', agencyIds: [liaison.agencyId], offenceFrom: '', offenceTo: '',
    locations: [{ provinceCode: '12', district: '+Chamkar Mon', commune: '', placeType: 'school', occurredOn: '' }],
    suspects: [],
    victims: [{ fullName: 'Canary Child Name', sex: 'female', ageAtOffence: '11', dateOfBirth: '2014-05-02', nationality: '', services: [] }],
  });
  ({ id: injected } = await createInvestigation(manager, input, { submissionKey: randomUUID(), ip: null }));
});

async function exported(viewer: Viewer, params: Record<string, string> = {}) {
  const opened = await exportCases(viewer, parseCaseFilters(params), { format: 'csv', locale: 'en', ip: null });
  const rows = [];
  for await (const batch of opened.batches()) rows.push(...batch);
  return { ...opened, rows, columns: exportColumns(opened.withSummary) };
}

describe('exportCases', () => {
  it('[manager] a cell like =HYPERLINK("x") comes out neutralised in CSV and in XLSX (read back)', async () => {
    const { rows, columns } = await exported(manager, { q: 'HYPERLINK' });
    expect(rows.map((r) => r.id)).toEqual([injected]);
    const cells = rows.map((r) => exportCells(r, columns, labels));
    const csv = csvHeader(columns, labels) + csvChunk(cells);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(`'@SUM(A1) secret summary`);
    expect(csv).toContain(`'+Chamkar Mon`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);

    const files = unzip(await casesWorkbook(columns.map(labels.header), cells, 'Cases', columns));
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    const strings = [...files.get('xl/sharedStrings.xml')!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((m) => m[1]!.replaceAll('&quot;', '"'));
    // The title column (C) of the case's row is a text cell holding the neutralised formula; no cell is a formula.
    const titleIndex = Number(/<c r="C2" t="s"><v>(\d+)<\/v>/.exec(sheet)![1]);
    expect(strings[titleIndex]).toBe(`'${FORMULA}`);
    expect(strings).not.toContain(FORMULA);
    expect(sheet).not.toContain('<f>');
  });

  it('[liaison] gets only shared cases, no summary column and no child identity', async () => {
    const mine = await exported(liaison);
    const list = await listCases(liaison, {});
    expect(mine.total).toBe(list.total);
    expect(mine.rows).toHaveLength(list.total);
    expect(mine.withSummary).toBe(false);
    expect(mine.columns).not.toContain('summary');
    expect(mine.rows.some((r) => r.id === injected)).toBe(true);
    for (const row of mine.rows) expect(Object.keys(row)).not.toContain('summary');
    const text = csvChunk(mine.rows.map((r) => exportCells(r, mine.columns, labels)));
    expect(text).not.toContain('Canary Child Name');
    expect(text).not.toContain('2014-05-02');
    expect(text).not.toContain('secret summary');
    // And nothing outside their scope: every exported case is one they may list.
    const visible = await testDb.query<{ n: number }>(
      `select count(*)::int as n from investigations i where i.id = any($1::uuid[]) and i.archived_at is null
         and exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2
           union select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $3 and m.role = 'liaison')`,
      [mine.rows.map((r) => r.id), liaison.agencyId, liaison.userId]);
    expect(visible[0]!.n).toBe(mine.rows.length);
  });

  it('[manager] nobody\'s export has child identity columns; the summary only for those who may read it', async () => {
    const all = await exported(manager, { q: 'HYPERLINK' });
    expect(all.columns).toContain('summary');
    for (const column of all.columns) expect(column).not.toMatch(/name|birth|contact|code|notes/i);
    const text = csvChunk(all.rows.map((r) => exportCells(r, all.columns, labels)));
    expect(text).not.toContain('Canary Child Name');
  });

  it('[manager] filters are respected: all matching rows, across batches, in the list\'s order', async () => {
    const { rows, total } = await exported(manager, { year: '2021', sort: 'reference' });
    const list = await listCases(manager, { year: 2021, sort: 'reference' });
    expect(total).toBe(list.total);
    expect(rows.length).toBe(total);
    expect(total).toBeGreaterThan(300); // the demo's 313 cases of 2021: more than one batch of a page
    expect(rows.every((r) => r.openedOn.startsWith('2021-'))).toBe(true);
    expect(rows.slice(0, 25).map((r) => r.id)).toEqual(list.rows.map((r) => r.id));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const [audit] = await testDb.query<{ detail: Record<string, unknown> }>(
      `select detail from audit_events where action = 'case.export' and actor_id = $1 and outcome = 'allowed' order by id desc limit 1`, [manager.userId]);
    expect(audit!.detail).toMatchObject({ format: 'csv', filters: { year: 2021 }, sort: 'reference', rows: total });
  });

  it('[investigator] gets only the cases they work on', async () => {
    const { rows } = await exported(investigator);
    const list = await listCases(investigator, {});
    expect(rows.length).toBe(list.total);
    expect(rows.some((r) => r.id === injected)).toBe(false);
  });

  it('[admin] is refused, and the refusal is audited', async () => {
    await expect(exportCases(admin, parseCaseFilters({}), { format: 'xlsx', locale: 'en', ip: null })).rejects.toBeInstanceOf(ForbiddenError);
    const [denied] = await testDb.query(`select 1 from audit_events where action = 'case.export' and outcome = 'denied' and actor_id = $1`, [admin.userId]);
    expect(denied).toBeDefined();
  });
});
