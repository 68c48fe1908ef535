import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { plainRows } from '@/db/testing/identity';
import { sealIdentity } from '@/db/identity-fields';
import { searchWords } from '@/lib/security/field-crypto';
import type { Viewer } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { CASE_SORTS, parseCaseFilters, type CaseFilters, type CaseSort } from '@/lib/case-filters';
import { CASE_COUNT_CAP, CASE_PAGE_SIZE, listCases, searchPlansFor, type CaseListQuery } from './case-list';
import { caseListOptions } from './case-list-options';

const testDb = useTestDatabase();
type Role = 'manager' | 'investigator' | 'liaison';
let viewers: Record<Role | 'admin', Viewer>;

// ---- The expected results, in plain SQL written independently of db/queries ----------

/** The live cases a role may see, as a condition on `i`. */
function scopeSql(role: Role, v: Viewer, p: (value: unknown) => string): string {
  switch (role) {
    case 'manager': return 'true';
    case 'investigator': return `i.id in (select investigation_id from investigation_members where user_id = ${p(v.userId)})`;
    case 'liaison': return `(i.id in (select investigation_id from investigation_agencies where agency_id = ${p(v.agencyId)})
      or i.id in (select investigation_id from investigation_members where user_id = ${p(v.userId)} and role = 'liaison'))`;
  }
}

/**
 * The cases with a live suspect whose name or alias holds every word of q: names are
 * encrypted, so they are decrypted and compared here, as whole words.
 */
async function casesWithSuspectWords(q: string): Promise<string[]> {
  const wanted = searchWords(q);
  if (wanted.length === 0) return [];
  const suspects = await plainRows<{ investigation_id: string; full_name: string | null; alias: string | null }>(testDb, 'suspects',
    `select id, investigation_id, full_name, alias from suspects where archived_at is null`);
  return [...new Set(suspects
    .filter((s) => {
      const words = new Set(searchWords(`${s.full_name ?? ''} ${s.alias ?? ''}`));
      return wanted.every((w) => words.has(w));
    })
    .map((s) => s.investigation_id))];
}

function filterSql(f: Partial<CaseFilters>, p: (value: unknown) => string, suspectMatches: string[] = []): string[] {
  const out: string[] = [];
  if (f.year !== undefined) out.push(`extract(year from i.opened_on) = ${p(f.year)}`);
  if (f.status) out.push(`i.status::text = ${p(f.status)}`);
  if (f.offence) out.push(`i.offence_type = ${p(f.offence)}`);
  if (f.province) out.push(`i.id in (select investigation_id from offence_locations where archived_at is null and province_code = ${p(f.province)})`);
  if (f.lead) out.push(`i.id in (select investigation_id from investigation_members where role = 'lead' and user_id = ${p(f.lead)})`);
  const arrested = `i.id in (select investigation_id from suspects where archived_at is null and arrested_on is not null)`;
  if (f.arrest === 'yes') out.push(arrested);
  if (f.arrest === 'no') out.push(`not ${arrested}`);
  if (f.q) {
    const q = p(f.q);
    // strpos matches literally: no wildcard can sneak in.
    out.push(`(strpos(lower(i.reference), lower(${q})) > 0 or strpos(lower(i.title), lower(${q})) > 0
      or i.id = any(${p(suspectMatches)}::uuid[])
      or i.id in (select investigation_id from offence_locations where archived_at is null
        and (strpos(lower(district), lower(${q})) > 0 or strpos(lower(commune), lower(${q})) > 0)))`);
  }
  return out;
}

const ORDER_SQL: Record<CaseSort, string> = {
  opened_desc: 'i.opened_on desc, i.id desc',
  opened_asc: 'i.opened_on asc, i.id asc',
  reference: 'i.ref_year, i.ref_seq',
  status: 'i.status, i.opened_on desc, i.id desc',
};

async function expectedRefs(role: Role, f: Partial<CaseFilters>, sort: CaseSort = 'opened_desc'): Promise<string[]> {
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const suspectMatches = f.q ? await casesWithSuspectWords(f.q) : [];
  const where = ['i.archived_at is null', scopeSql(role, viewers[role], p), ...filterSql(f, p, suspectMatches)].join(' and ');
  const rows = await testDb.query<{ reference: string }>(`select i.reference from investigations i where ${where} order by ${ORDER_SQL[sort]}`, params);
  return rows.map((r) => r.reference);
}

/** Every page of a listing, following the "next" cursors. */
/** What the list says of n matches: exact up to the cap, then "more than" the cap. */
const shownCount = (n: number) => ({ total: Math.min(n, CASE_COUNT_CAP), moreThanTotal: n > CASE_COUNT_CAP });

async function walkForward(viewer: Viewer, query: CaseListQuery) {
  const refs: string[] = [];
  let after: string | undefined;
  let last;
  for (let i = 0; i < 200; i++) {
    last = await listCases(viewer, { ...query, after });
    expect(last.rows.length).toBeLessThanOrEqual(CASE_PAGE_SIZE);
    refs.push(...last.rows.map((r) => r.reference));
    if (!last.nextCursor) return { refs, total: last.total, count: { total: last.total, moreThanTotal: last.moreThanTotal }, lastPage: last };
    after = last.nextCursor;
  }
  throw new Error('pagination did not end');
}

// ---- Facts picked from the demo data -------------------------------------------------

let phnomPenh: string, kampongChhnang: string, commonOffence: string, rareOffence: string;
let aliasOf: Record<Role, string>, referenceOf: Record<Role, string>, leadOf: Record<Role, string>;

async function factsFor(role: Role) {
  const params: unknown[] = [];
  const scope = scopeSql(role, viewers[role], (v) => `$${params.push(v)}`);
  const [row] = await plainRows<{ alias: string; reference: string; lead: string }>(testDb, 'suspects',
    `select s.id, s.alias, i.reference, m.user_id as lead from investigations i
      join suspects s on s.investigation_id = i.id and s.alias is not null and s.archived_at is null
      join investigation_members m on m.investigation_id = i.id and m.role = 'lead'
      where i.archived_at is null and ${scope} order by i.reference desc limit 1`, params);
  return row!;
}

beforeAll(async () => {
  viewers = await demoViewers(testDb);
  const provinceCode = async (name: string) =>
    (await testDb.query<{ code: string }>(`select code from provinces where name_en = $1`, [name]))[0]!.code;
  phnomPenh = await provinceCode('Phnom Penh');
  kampongChhnang = await provinceCode('Kampong Chhnang');
  const offences = await testDb.query<{ offence_type: string }>(
    `select offence_type from investigations where archived_at is null group by 1 order by count(*) desc, 1`);
  commonOffence = offences[0]!.offence_type;
  rareOffence = offences.at(-1)!.offence_type;
  const roles = ['manager', 'investigator', 'liaison'] as const;
  const facts = await Promise.all(roles.map(factsFor));
  const byRole = (pick: (f: (typeof facts)[number]) => string) =>
    Object.fromEntries(roles.map((r, i) => [r, pick(facts[i]!)])) as Record<Role, string>;
  aliasOf = byRole((f) => f.alias);
  referenceOf = byRole((f) => f.reference);
  leadOf = byRole((f) => f.lead);
});

// ---- Tests ---------------------------------------------------------------------------

// Walking every page of ~2,400 cases on the embedded database, on a busy machine.
const WALK_TIMEOUT = 120_000;

describe.each(['manager', 'investigator', 'liaison'] as const)('[%s] filters against plain SQL', (role) => {
  const combos: [string, () => Partial<CaseFilters>][] = [
    ['no filter', () => ({})],
    ['year 2021', () => ({ year: 2021 })],
    ['status closed', () => ({ status: 'closed' })],
    ['province Phnom Penh', () => ({ province: phnomPenh })],
    ['offence type', () => ({ offence: commonOffence })],
    ['rare offence type', () => ({ offence: rareOffence })],
    ['lead investigator', () => ({ lead: leadOf[role] })],
    ['has an arrest', () => ({ arrest: 'yes' })],
    ['has no arrest', () => ({ arrest: 'no' })],
    ['a known suspect alias', () => ({ q: aliasOf[role] })],
    ['a known alias in capitals', () => ({ q: aliasOf[role].toUpperCase() })],
    ['a known reference', () => ({ q: referenceOf[role] })],
    ['year 2021 + Phnom Penh + has an arrest', () => ({ year: 2021, province: phnomPenh, arrest: 'yes' })],
    ['year 2021 + Kampong Chhnang', () => ({ year: 2021, province: kampongChhnang })],
    ['status closed + offence type', () => ({ status: 'closed', offence: commonOffence })],
    ['year + status + lead + text', () => ({ year: 2020, status: 'referred_to_court', lead: leadOf[role], q: 'a' })],
    ['every filter at once', () => ({ year: 2021, status: 'closed', province: phnomPenh, offence: commonOffence, arrest: 'yes', q: '20' })],
  ];

  it.each(combos)('%s: the count and each match exactly once', async (_name, filters) => {
    const f = filters();
    const expected = await expectedRefs(role, f);
    expect(expected.length, 'the demo data has matches, so the comparison means something').toBeGreaterThan(0);
    const { refs, count } = await walkForward(viewers[role], f);
    expect(count).toEqual(shownCount(expected.length));
    expect(refs).toEqual(expected);
  }, WALK_TIMEOUT);

  it('finds the known reference and alias at all', async () => {
    expect(await expectedRefs(role, { q: referenceOf[role] })).toEqual([referenceOf[role]]);
    expect((await listCases(viewers[role], { q: aliasOf[role] })).total).toBeGreaterThan(0);
  });
});

describe('filters never widen the scope', () => {
  it('[investigator] a reference outside their cases finds nothing, though the manager finds it', async () => {
    const [outside] = await testDb.query<{ reference: string }>(
      `select reference from investigations where archived_at is null and id not in
        (select investigation_id from investigation_members where user_id = $1) limit 1`, [viewers.investigator.userId]);
    expect((await listCases(viewers.manager, { q: outside!.reference })).total).toBe(1);
    expect((await listCases(viewers.investigator, { q: outside!.reference })).total).toBe(0);
    expect((await listCases(viewers.investigator, { lead: leadOf.manager, q: outside!.reference })).rows).toEqual([]);
  });

  it('[admin] is refused the list and its filter choices', async () => {
    await expect(listCases(viewers.admin, { year: 2021 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(caseListOptions(viewers.admin, 'en')).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('sorts and keyset pagination', () => {
  it.each(CASE_SORTS)('%s: forward through a filtered list in the order SQL gives, and back again', async (sort) => {
    const filters = { year: 2021 } as const;
    const expected = await expectedRefs('manager', filters, sort);
    expect(expected.length).toBeGreaterThan(3 * CASE_PAGE_SIZE);
    const { refs, lastPage } = await walkForward(viewers.manager, { ...filters, sort });
    expect(refs).toEqual(expected);

    const backward: string[] = [...lastPage.rows.map((r) => r.reference)].reverse();
    let page = lastPage;
    while (page.prevCursor) {
      page = await listCases(viewers.manager, { ...filters, sort, before: page.prevCursor });
      backward.push(...[...page.rows].reverse().map((r) => r.reference));
    }
    expect(backward.reverse()).toEqual(expected);
  }, WALK_TIMEOUT);

  it('[investigator] status sort over their own cases, each once', async () => {
    const expected = await expectedRefs('investigator', {}, 'status');
    expect((await walkForward(viewers.investigator, { sort: 'status' })).refs).toEqual(expected);
  }, WALK_TIMEOUT);

  it('[manager] page 20 of the unfiltered list holds the 20th block of 25', async () => {
    const expected = await expectedRefs('manager', {});
    expect(expected.length).toBe(2378);
    let page = await listCases(viewers.manager);
    for (let n = 2; n <= 20; n++) page = await listCases(viewers.manager, { after: page.nextCursor! });
    expect(page).toMatchObject(shownCount(2378));
    expect(page.rows.map((r) => r.reference)).toEqual(expected.slice(19 * CASE_PAGE_SIZE, 20 * CASE_PAGE_SIZE));
    expect(page.nextCursor).not.toBeNull();
    expect(page.prevCursor).not.toBeNull();
  });

  it('reads a cursor made for another sort as the first page of this one', async () => {
    const byDate = await listCases(viewers.manager);
    const firstByReference = await listCases(viewers.manager, { sort: 'reference' });
    const foreign = await listCases(viewers.manager, { sort: 'reference', after: byDate.nextCursor! });
    expect(foreign.rows.map((r) => r.id)).toEqual(firstByReference.rows.map((r) => r.id));
    const foreignBack = await listCases(viewers.manager, { sort: 'status', before: byDate.nextCursor! });
    expect(foreignBack.rows.map((r) => r.id)).toEqual((await listCases(viewers.manager, { sort: 'status' })).rows.map((r) => r.id));
  });
});

describe('malformed parameters', () => {
  it('turn into "no filter": the unfiltered list, never an error', async () => {
    const junk = {
      year: 'twenty', status: 'open; drop table investigations', province: '999', offence: '<script>',
      lead: 'not-a-uuid', arrest: 'maybe', q: 'x'.repeat(5000), sort: 'random()', after: '%%%', before: ['a', 'b'],
    };
    const filters = parseCaseFilters(junk);
    expect(filters).toEqual({ sort: 'opened_desc' });
    const unfiltered = await listCases(viewers.manager);
    const page = await listCases(viewers.manager, { ...filters, after: '%%%' });
    expect(page.total).toBe(unfiltered.total);
    expect(page.rows.map((r) => r.id)).toEqual(unfiltered.rows.map((r) => r.id));
  });

  it('a year far outside the data is a valid filter with no matches, read clearly as zero', async () => {
    const page = await listCases(viewers.manager, parseCaseFilters({ year: '1995' }));
    expect(page).toMatchObject({ total: 0, rows: [], nextCursor: null, prevCursor: null });
  });
});

describe('text search', () => {
  let specialRef: string, plainRef: string, khmerRef: string;

  beforeAll(async () => {
    const insert = async (seq: number, title: string, alias?: string, fullName: string | null = null) => {
      const reference = `CPU-2023-${9000 + seq}`;
      const [row] = await testDb.query<{ id: string }>(
        `insert into investigations (reference, ref_year, ref_seq, title, offence_type, report_channel, reported_on, opened_on)
          values ($1, 2023, $2, $3, $4, 'hotline', '2023-06-01', '2023-06-01') returning id`,
        [reference, 9000 + seq, title, commonOffence]);
      if (alias) {
        const id = randomUUID();
        const sealed = sealIdentity('suspects', id, { fullName, alias });
        await testDb.query(`insert into suspects (id, investigation_id, full_name, alias, name_tags, sex, relationship, status)
          values ($1, $2, $3, $4, $5, 'male', (select code from relationships order by code limit 1), 'identified')`,
        [id, row!.id, sealed.fullName, sealed.alias, sealed.nameTags]);
      }
      return reference;
    };
    specialRef = await insert(1, 'Fees 50%_off at a guesthouse');
    plainRef = await insert(2, 'Fees 50x off and 50%xoff at a guesthouse');
    khmerRef = await insert(3, 'ករណីនៅភូមិថ្មី', 'តា សុខា', 'ហ៊ុល ស៊ីថា');
    await testDb.query(`insert into offence_locations (investigation_id, province_code, district, commune, place_type)
      select id, $2, 'ស្រុកកំពង់ត្រឡាច', 'ឃុំអំពិលទឹក', (select code from place_types order by code limit 1)
      from investigations where reference = $1`, [khmerRef, kampongChhnang]);
  });

  it('plans a rare term through the indexes and a common one case by case, with the same answers', async () => {
    expect(await searchPlansFor(specialRef)).toEqual({ page: 'union', count: 'union' });
    // 'a' is in most titles and places of the demo: listed case by case, and counted so too
    // (its matches squared outnumber the cap times the cases).
    expect(await searchPlansFor('a')).toEqual({ page: 'perCase', count: 'perCase' });
    const expected = await expectedRefs('manager', { q: 'a', year: 2019 });
    const { refs, count } = await walkForward(viewers.manager, { q: 'a', year: 2019 });
    expect(count).toEqual(shownCount(expected.length));
    expect(refs).toEqual(expected);
  }, WALK_TIMEOUT);

  it('matches % and _ literally, not as wildcards', async () => {
    const found: Record<string, number> = {};
    for (const q of ['%', '_', '50%_', '%_o', '\\']) {
      const expected = await expectedRefs('manager', { q });
      const { refs, count } = await walkForward(viewers.manager, { q });
      expect(count, q).toEqual(shownCount(expected.length));
      expect(refs, q).toEqual(expected);
      found[q] = refs.length;
    }
    expect((await listCases(viewers.manager, { q: '50%_' })).rows.map((r) => r.reference)).toEqual([specialRef]);
    expect(found._).toBeLessThan(2378);
    expect((await listCases(viewers.manager, { q: '50x' })).rows.map((r) => r.reference)).toEqual([plainRef]);
  });

  it('finds Khmer text in a title and in a suspect alias', async () => {
    expect((await listCases(viewers.manager, { q: 'ភូមិថ្មី' })).rows.map((r) => r.reference)).toEqual([khmerRef]);
    expect((await listCases(viewers.manager, parseCaseFilters({ q: '  សុខា ' }))).rows.map((r) => r.reference)).toEqual([khmerRef]);
  });

  it('finds Khmer text in a suspect\'s name, a district and a commune', async () => {
    for (const q of ['ហ៊ុល ស៊ីថា', 'ស្រុកកំពង់ត្រឡាច', 'អំពិលទឹក']) {
      expect((await listCases(viewers.manager, { q })).rows.map((r) => r.reference), q).toEqual([khmerRef]);
    }
    expect((await listCases(viewers.manager, { q: 'ស្រុកកំពង់ត្រឡាច', province: kampongChhnang })).total).toBe(1);
    // The demo writes Kampong Chhnang's districts in Khmer: a bare district name finds those cases too.
    expect((await listCases(viewers.manager, { q: 'កំពង់ត្រឡាច', province: kampongChhnang })).total).toBeGreaterThan(1);
  });

  it('ignores case in Latin text', async () => {
    const lower = await listCases(viewers.manager, { q: referenceOf.manager.toLowerCase() });
    expect(lower.rows.map((r) => r.reference)).toEqual([referenceOf.manager]);
  });
});

describe('filter choices', () => {
  it.each(['manager', 'investigator', 'liaison'] as const)('[%s] leads are exactly the people leading a case in scope', async (role) => {
    const params: unknown[] = [];
    const scope = scopeSql(role, viewers[role], (v) => `$${params.push(v)}`);
    const expected = await testDb.query<{ id: string }>(
      `select distinct m.user_id as id from investigation_members m join investigations i on i.id = m.investigation_id
        where m.role = 'lead' and i.archived_at is null and ${scope}`, params);
    const options = await caseListOptions(viewers[role], 'en');
    expect(new Set(options.leads.map((l) => l.value))).toEqual(new Set(expected.map((r) => r.id)));
    expect(options.leads.length).toBe(expected.length);
  });

  it('labels provinces and offence types in the reader\'s language', async () => {
    const [en, km] = await Promise.all([caseListOptions(viewers.manager, 'en'), caseListOptions(viewers.manager, 'km')]);
    expect(en.provinces).toHaveLength(25);
    expect(en.provinces.find((p) => p.value === phnomPenh)?.label).toBe('Phnom Penh');
    expect(km.provinces.find((p) => p.value === phnomPenh)?.label).toBe('ភ្នំពេញ');
    // Khmer dictionary order, not code points.
    const kmLabels = km.provinces.map((p) => p.label);
    expect(kmLabels).toEqual([...kmLabels].sort(new Intl.Collator('km').compare));
    const enLabels = en.provinces.map((p) => p.label);
    expect(enLabels).toEqual([...enLabels].sort(new Intl.Collator('en').compare));
    const [offence] = await testDb.query<{ label_km: string }>(`select label_km from offence_types where code = $1`, [commonOffence]);
    expect(km.offences.find((o) => o.value === commonOffence)?.label).toBe(offence!.label_km);
    expect(en.years[0]).toBeGreaterThanOrEqual(2023);
    expect(en.years).toContain(2021);
  });
});
