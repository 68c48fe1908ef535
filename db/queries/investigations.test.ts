import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { CASE_COUNT_CAP, CASE_PAGE_SIZE, getCase, listCases } from './investigations';

const testDb = useTestDatabase();
let investigator: Viewer, liaison: Viewer, manager: Viewer, admin: Viewer;

beforeAll(async () => {
  ({ investigator, liaison, manager, admin } = await demoViewers(testDb));
});

// The scope of each role written in plain SQL, independently of db/scope.ts.
const EXPECTED_SCOPE_SQL = {
  investigator: (v: Viewer) => [
    `select i.reference from investigations i where i.archived_at is null
      and i.id in (select investigation_id from investigation_members where user_id = $1)`,
    [v.userId],
  ],
  liaison: (v: Viewer) => [
    `select i.reference from investigations i where i.archived_at is null
      and (i.id in (select investigation_id from investigation_agencies where agency_id = $2)
        or i.id in (select investigation_id from investigation_members where user_id = $1 and role = 'liaison'))`,
    [v.userId, v.agencyId],
  ],
  manager: () => [`select i.reference from investigations i where i.archived_at is null`, []],
} satisfies Record<string, (v: Viewer) => [string, unknown[]]>;

async function expectedRefs(viewer: Viewer, role: keyof typeof EXPECTED_SCOPE_SQL) {
  const [text, params] = EXPECTED_SCOPE_SQL[role](viewer);
  const rows = await testDb.query<{ reference: string }>(text, params);
  return new Set(rows.map((r) => r.reference));
}

async function walkAllPages(viewer: Viewer) {
  const refs: string[] = [];
  let after: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await listCases(viewer, { after });
    refs.push(...page.rows.map((r) => r.reference));
    if (!page.nextCursor) return { refs, total: page.total, moreThanTotal: page.moreThanTotal };
    after = page.nextCursor;
  }
  throw new Error('pagination did not end');
}

describe('listCases scope', () => {
  it.each(['investigator', 'liaison', 'manager'] as const)('[%s] lists exactly the cases in scope, each once', async (role) => {
    const viewer = { investigator, liaison, manager }[role];
    const expected = await expectedRefs(viewer, role);
    expect(expected.size).toBeGreaterThan(0);
    const { refs, total, moreThanTotal } = await walkAllPages(viewer);
    // The count is exact up to the cap and then says "more than"; the pages hold every case.
    expect({ total, moreThanTotal }).toEqual({ total: Math.min(expected.size, CASE_COUNT_CAP), moreThanTotal: expected.size > CASE_COUNT_CAP });
    expect(refs.length).toBe(expected.size);
    expect(new Set(refs)).toEqual(expected);
  });

  it('[investigator] and [liaison] see strictly less than the manager', async () => {
    const all = (await listCases(manager)).total;
    expect((await listCases(investigator)).total).toBeLessThan(all);
    expect((await listCases(liaison)).total).toBeLessThan(all);
  });

  it('[admin] is refused, and the refusal is audited', async () => {
    await expect(listCases(admin)).rejects.toBeInstanceOf(ForbiddenError);
    const rows = await testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'case.list' and outcome = 'denied'`, [admin.userId]);
    expect(rows.length).toBe(1);
  });

  it('orders newest first and pages back and forth consistently', async () => {
    const first = await listCases(manager);
    expect(first.rows.length).toBe(CASE_PAGE_SIZE);
    const dates = first.rows.map((r) => r.openedOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    const second = await listCases(manager, { after: first.nextCursor! });
    expect(second.rows[0]!.openedOn <= first.rows.at(-1)!.openedOn).toBe(true);
    const back = await listCases(manager, { before: second.prevCursor! });
    expect(back.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it('names the provinces of each case in English and Khmer', async () => {
    const page = await listCases(manager);
    const [expected] = await testDb.query<{ en: string; km: string }>(
      `select string_agg(distinct p.name_en, ', ') as en, string_agg(distinct p.name_km, ', ') as km
        from offence_locations l join provinces p on p.code = l.province_code where l.investigation_id = $1`, [page.rows[0]!.id]);
    expect(expected!.en).toBeTruthy();
    expect(page.rows[0]).toMatchObject({ provincesEn: expected!.en, provincesKm: expected!.km });
  });

  it('reads a malformed cursor as the first page', async () => {
    const first = await listCases(manager);
    for (const junk of ['%%%', 'bm90LWEtY3Vyc29y', Buffer.from('2021-13-45|x').toString('base64url')]) {
      expect((await listCases(manager, { after: junk })).rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });

  it('leaves archived cases out of the list', async () => {
    const [archived] = await testDb.query<{ reference: string }>(`select reference from investigations where archived_at is not null limit 1`);
    expect(archived, 'the demo data has archived cases').toBeDefined();
    const { refs } = await walkAllPages(manager);
    expect(refs).not.toContain(archived!.reference);
  });
});

describe('getCase scope', () => {
  const caseOutside = async (viewer: Viewer) =>
    (await testDb.query<{ id: string }>(
      `select id from investigations where archived_at is null and id not in
        (select investigation_id from investigation_members where user_id = $1) limit 1`, [viewer.userId]))[0]!.id;
  const caseInside = async (viewer: Viewer) =>
    (await testDb.query<{ id: string }>(
      `select investigation_id as id from investigation_members m join investigations i on i.id = m.investigation_id
        where m.user_id = $1 and i.archived_at is null limit 1`, [viewer.userId]))[0]!.id;
  const auditRows = (viewer: Viewer, id: string, outcome: string) =>
    testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'case.view' and entity_id = $2 and outcome = $3`, [viewer.userId, id, outcome]);

  it('[investigator] reads a case they are a member of, and the view is audited', async () => {
    const id = await caseInside(investigator);
    const found = await getCase(investigator, id, '198.51.100.4');
    expect(found.id).toBe(id);
    const [counts] = await testDb.query<{ suspects: number; arrested: number; victims: number; locations: number }>(
      `select (select count(*)::int from suspects where investigation_id = $1) as suspects,
              (select count(*)::int from suspects where investigation_id = $1 and arrested_on is not null) as arrested,
              (select count(*)::int from victims where investigation_id = $1) as victims,
              (select count(*)::int from offence_locations where investigation_id = $1) as locations`, [id]);
    expect(counts!.victims).toBeGreaterThan(0);
    expect({ suspects: found.suspectCount, arrested: found.arrestedCount, victims: found.victimCount, locations: found.locations.length })
      .toEqual(counts);
    expect((await auditRows(investigator, id, 'allowed')).length).toBe(1);
  });

  it('[investigator] gets not-found for a case outside their membership, audited as denied', async () => {
    const id = await caseOutside(investigator);
    await expect(getCase(investigator, id, null)).rejects.toBeInstanceOf(NotFoundError);
    expect((await auditRows(investigator, id, 'denied')).length).toBe(1);
  });

  it('[liaison] gets not-found for an unshared case; [manager] reads it', async () => {
    const [unshared] = await testDb.query<{ id: string }>(
      `select id from investigations i where archived_at is null
        and not exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $1)
        and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $2) limit 1`,
      [liaison.agencyId, liaison.userId]);
    await expect(getCase(liaison, unshared!.id, null)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getCase(manager, unshared!.id, null)).id).toBe(unshared!.id);
  });

  it('[admin] is forbidden any case, even one that exists', async () => {
    const id = await caseInside(investigator);
    await expect(getCase(admin, id, null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('answers not-found for an unknown or malformed id without touching the database with it', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1"]) {
      await expect(getCase(manager, id, null)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('[manager] reads an archived case; [investigator] member does not', async () => {
    const [row] = await testDb.query<{ id: string; member: string | null }>(
      `select i.id, (select user_id from investigation_members m where m.investigation_id = i.id limit 1) as member
        from investigations i where archived_at is not null limit 1`);
    expect((await getCase(manager, row!.id, null)).archivedAt).not.toBeNull();
    if (row!.member) {
      const memberViewer = { ...investigator, userId: row!.member };
      await expect(getCase(memberViewer, row!.id, null)).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});
