import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { computeYearFigures, getYearFigures, readYearFigures, type MetricFilters } from './metrics';

// The figures cache (figures-cache.ts, drizzle/0011) may only ever return what computing
// the figures again from the rows returns: after every kind of write a figure reads, the
// next dashboard read must show it.
const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const version = async () => Number((await testDb.query<{ version: string }>(`select version from data_version`))[0]!.version);
/** The figures computed from the rows, bypassing the cache. */
const fresh = (filters: MetricFilters) =>
  testDb.db().transaction((tx) => readYearFigures(tx, filters), { isolationLevel: 'repeatable read', accessMode: 'read only' });
const one = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await testDb.query<T>(text, params))[0]!;

describe('the figures cache', () => {
  it('a second read is served from the cache and equals a fresh computation', async () => {
    const filters = { year: 2021 };
    const first = await computeYearFigures(testDb.db(), filters);
    const stored = await one<{ version: string }>(`select version from figures_cache where key = $1`, [JSON.stringify([2021, null, null])]);
    expect(Number(stored.version)).toBe(await version());
    // Make the cached copy recognisable: the next read must return exactly this row's figures.
    await testDb.query(`update figures_cache set figures = jsonb_set(figures, '{headlines,investigations}', '-7') where key = $1`, [JSON.stringify([2021, null, null])]);
    expect((await computeYearFigures(testDb.db(), filters)).headlines.investigations).toBe(-7);
    await testDb.query(`update figures_cache set figures = $2::jsonb where key = $1`, [JSON.stringify([2021, null, null]), JSON.stringify(first)]);
    expect(await computeYearFigures(testDb.db(), filters)).toEqual(await fresh(filters));
  });

  it('[manager] a write followed by a dashboard read sees the change, for every table a figure reads', async () => {
    const year = 2020;
    const filters = { year };
    const c = await one<{ id: string }>(`select id from investigations where archived_at is null and opened_on >= '2020-01-01' and opened_on < '2021-01-01'
      and (status in ('reported', 'under_investigation', 'suspect_identified')
        or close_reason in ('no_further_action', 'unfounded', 'victim_withdrew', 'unresolved')) order by id limit 1`);
    const writes: [string, string, unknown[]][] = [
      ['an unresolved case closed as convicted (resolution rate)', `update investigations set status = 'closed', close_reason = 'convicted' where id = $1`, [c.id]],
      ['a new offence location', `insert into offence_locations (investigation_id, province_code, district, place_type) values ($1, '25', 'New District', 'home')`, [c.id]],
      ['a suspect arrested in the year', `insert into suspects (investigation_id, sex, relationship, status, arrested_on) values ($1, 'male', 'teacher', 'arrested', '2020-06-01')`, [c.id]],
      ['a victim', `insert into victims (investigation_id, code, sex, age_at_offence) values ($1, 'V-CACHE-TEST-1', 'female', 4)`, [c.id]],
      ['a service', `insert into victim_services (victim_id, investigation_id, service_type) select id, investigation_id, 'education' from victims where code = 'V-CACHE-TEST-1'`, []],
      ['a prosecution filed', `insert into prosecutions (investigation_id, suspect_id, court_province_code, status, filed_on, verdict_on, sentence_years)
        select investigation_id, id, '12', 'convicted', '2020-07-01', '2020-09-01', 3 from suspects where relationship = 'teacher' and investigation_id = $1`, [c.id]],
      ['spending', `insert into expenditures (year, category, amount_usd) values (2020, 'training', 1234.56)`, []],
      ['a province renamed', `update provinces set name_en = 'Renamed province' where code = '25'`, []],
      ['an offence type relabelled', `update offence_types set label_en = 'Relabelled' where code = 'rape'`, []],
      ['a location archived', `update offence_locations set archived_at = now(), archive_reason = 'test' where district = 'New District'`, []],
    ];
    const filtered = { year, province: '25' };
    await computeYearFigures(testDb.db(), filtered); // a filtered entry is cached too, and must not survive the writes
    let previous = await getYearFigures(v.manager, filters);
    for (const [what, text, params] of writes) {
      await testDb.query(text, params);
      const after = await getYearFigures(v.manager, filters);
      expect(after, what).toEqual(await fresh(filters));
      expect(after, what).not.toEqual(previous);
      previous = after;
    }
    expect(await computeYearFigures(testDb.db(), filtered)).toEqual(await fresh(filtered));
  }, 120_000); // some 20 full computations of a year's figures: seconds, more on the embedded database on a busy machine

  it('a write no figure reads keeps the cached figures (a title edit, a victim note)', async () => {
    await computeYearFigures(testDb.db(), { year: 2019 });
    const before = await version();
    const c = await one<{ id: string }>(`select id from investigations order by id limit 1`);
    await testDb.query(`update investigations set title = title || ' (edited)' where id = $1`, [c.id]);
    await testDb.query(`update victims set notes = 'A note' where investigation_id = $1`, [c.id]);
    expect(await version()).toBe(before);
  });

  it('a transaction bumps the version once, however many rows it writes', async () => {
    const before = await version();
    await testDb.db().transaction(async (tx) => {
      const { sql } = await import('drizzle-orm');
      await tx.execute(sql`update investigations set status = status where opened_on >= '2018-01-01' and opened_on < '2018-02-01'`);
      await tx.execute(sql`update suspects set relationship = relationship where arrested_on >= '2018-01-01' and arrested_on < '2018-02-01'`);
    });
    expect(await version()).toBe(before + 1);
  });
});
