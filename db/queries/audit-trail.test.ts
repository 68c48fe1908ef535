import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { writeAudit } from '@/db/audit';
import type { AuditFilters } from '@/lib/audit-filters';
import { auditCsv } from '@/lib/audit-csv';
import { parse } from 'csv-parse/sync';
import { caseAccessLog, exportAuditEvents, listAuditEvents, type AuditRow } from './audit-trail';
import { getCase } from './case-read';

const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
let caseId: string;
let reference: string;

beforeAll(async () => {
  v = await demoViewers(testDb);
  const [row] = await testDb.query<{ id: string; reference: string }>(
    `select i.id, i.reference from investigations i join investigation_members m on m.investigation_id = i.id
     join users u on u.id = m.user_id where lower(u.email) = lower($1) and i.archived_at is null limit 1`, [v.investigator.email]);
  ({ id: caseId, reference } = row!);
  // Known rows across days and outcomes.
  await getCase(v.investigator, caseId, null);
  await getCase(v.liaison, caseId, null).catch(() => undefined);
  await writeAudit(testDb.db(), v.investigator, { action: 'case.update_basics', outcome: 'failed', entityType: 'investigation', entityId: caseId, investigationId: caseId });
  await testDb.query(`insert into audit_events (at, actor_id, actor_role, action, outcome, entity_type, entity_id)
    select timestamptz '2025-03-01 23:30:00+07' - (g || ' minutes')::interval, $1, 'admin', 'agency.update', 'allowed', 'agency', 'x' from generate_series(0, 4) g`, [v.admin.userId]);
  await testDb.query(`insert into audit_events (at, actor_id, actor_role, action, outcome) values (timestamptz '2025-03-02 00:10:00+07', $1, 'admin', 'agency.update', 'denied')`, [v.admin.userId]);
});

/** Every page, following the cursor. */
async function allPages(viewer: Viewer, filters: AuditFilters, pageSize: number): Promise<AuditRow[]> {
  const out: AuditRow[] = [];
  let after = null;
  for (;;) {
    const page = await listAuditEvents(viewer, filters, after, pageSize);
    out.push(...page.rows);
    if (!page.next) return out;
    after = page.next;
  }
}

const ids = (rows: { id: number | string }[]) => rows.map((r) => Number(r.id));

describe('audit trail', () => {
  const cases: [string, AuditFilters, string, unknown[]][] = [];
  beforeAll(() => {
    cases.push(
      ['person', { actor: v.investigator.userId }, 'actor_id = $1', [v.investigator.userId]],
      ['action prefix', { action: 'case' }, `(action = 'case' or action like 'case.%')`, []],
      ['exact action', { action: 'case.view' }, `action = 'case.view'`, []],
      ['outcome', { outcome: 'denied' }, `outcome = 'denied'`, []],
      ['record by id', { record: caseId }, '(investigation_id = $1 or entity_id = $1::text)', [caseId]],
      ['record by reference', { record: reference.toLowerCase() }, 'investigation_id = $1 or entity_id = $1::text', [caseId]],
      ['date range (Phnom Penh days)', { from: '2025-03-01', to: '2025-03-01' }, `at >= '2025-03-01T00:00+07' and at < '2025-03-02T00:00+07'`, []],
      ['combined', { actor: v.admin.userId, action: 'agency', outcome: 'allowed', from: '2025-03-01', to: '2025-03-02' },
        `actor_id = $1 and action like 'agency.%' and outcome = 'allowed' and at >= '2025-03-01T00:00+07' and at < '2025-03-03T00:00+07'`, [v.admin.userId]],
    );
  });

  it('each filter gives the rows plain SQL gives, newest first, across keyset pages', async () => {
    for (const [name, filters, where, params] of cases) {
      const expected = await testDb.query<{ id: string }>(`select id from audit_events where ${where} order by at desc, id desc`, params);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(ids(await allPages(v.manager, filters, 3)), name).toEqual(ids(expected));
    }
  });

  it('the date range counts whole days in Phnom Penh', async () => {
    const rows = await allPages(v.admin, { actor: v.admin.userId, action: 'agency.update', from: '2025-03-01', to: '2025-03-01' }, 50);
    expect(rows.map((r) => r.outcome)).toEqual(['allowed', 'allowed', 'allowed', 'allowed', 'allowed']);
  });

  it('the CSV holds the same rows as the filtered list, and the export is audited after it is read', async () => {
    const filters: AuditFilters = { record: caseId };
    const listed = await allPages(v.manager, filters, 2);
    const { rows } = await exportAuditEvents(v.manager, filters, null);
    expect(ids(rows)).toEqual(ids(listed));
    const csv = parse(auditCsv(rows, (k) => k).replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(csv.map((r) => Number(r.id))).toEqual(ids(listed));
    expect(csv[0]).toHaveProperty('time');
    const [exported] = await testDb.query(`select action, outcome, detail from audit_events where actor_id = $1 order by id desc limit 1`, [v.manager.userId]);
    expect(exported).toMatchObject({ action: 'audit.export', outcome: 'allowed', detail: { record: caseId, rows: listed.length } });
  });

  it('[manager] the case\'s access log lists who opened it, with role and time; the look itself is recorded', async () => {
    const log = await caseAccessLog(v.manager, caseId, null, null);
    expect(log.reference).toBe(reference);
    expect(log.rows[0]).toMatchObject({ action: 'case.access_log', actorId: v.manager.userId, actorRole: 'manager' });
    expect(log.rows).toContainEqual(expect.objectContaining({ action: 'case.view', actorId: v.investigator.userId, actorRole: 'investigator', outcome: 'allowed' }));
    expect(log.rows.every((r) => r.at instanceof Date)).toBe(true);
  });

  it('[admin] may read the trail but not a case\'s access log (no case contents); an unknown case is 404', async () => {
    await expect(listAuditEvents(v.admin, {})).resolves.toBeTruthy();
    await expect(caseAccessLog(v.admin, caseId, null, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(caseAccessLog(v.manager, '00000000-0000-4000-8000-000000000000', null, null)).rejects.toBeInstanceOf(NotFoundError);
    await expect(caseAccessLog(v.manager, 'not-a-uuid', null, null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each(['investigator', 'liaison'] as const)('[%s] is refused the trail, the export and the access log, and the refusal is audited', async (role) => {
    const count = async () => (await testDb.query<{ n: number }>(`select count(*)::int as n from audit_events where actor_id = $1 and outcome = 'denied' and (action like 'audit.%' or action = 'case.access_log')`, [v[role].userId]))[0]!.n;
    const before = await count();
    await expect(listAuditEvents(v[role], {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportAuditEvents(v[role], {}, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(caseAccessLog(v[role], caseId, null, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditEvents(null, {})).rejects.toBeInstanceOf(ForbiddenError);
    expect(await count()).toBe(before + 3);
  });
});

describe('audit_events is append-only in the database itself', () => {
  it('UPDATE, DELETE and TRUNCATE fail, whoever runs them', async () => {
    const [row] = await testDb.query<{ id: string; action: string }>(`select id, action from audit_events order by id limit 1`);
    await expect(testDb.query(`update audit_events set action = 'tampered' where id = $1`, [row!.id])).rejects.toThrow(/append-only/);
    await expect(testDb.query(`delete from audit_events where id = $1`, [row!.id])).rejects.toThrow(/append-only/);
    await expect(testDb.query(`truncate audit_events`)).rejects.toThrow(/append-only/);
    const [after] = await testDb.query<{ action: string }>(`select action from audit_events where id = $1`, [row!.id]);
    expect(after!.action).toBe(row!.action);
  });
});
