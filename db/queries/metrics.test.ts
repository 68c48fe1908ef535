import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { AGE_BANDS, CASE_STATUSES, CLOSE_REASONS, PROSECUTION_STATUSES, SEXES } from '@/lib/vocabulary';
import { computeYearFigures, type MetricFilters, type YearFigures } from './metrics';

/**
 * Random records, the dashboard figures computed again here in plain JavaScript over the
 * raw rows, and compared with the metrics module, for several years and filters. The
 * random cases live in 2000-2005, years the demo data (2015-2023) never reaches, so the
 * demo rows in the same database cannot make either side right by accident.
 *
 * The rules below are restated from DESIGN.md "Metrics", independently of the module.
 */
const testDb = useTestDatabase();
const SEED = Number(process.env.METRICS_SEED ?? Date.now() % 100_000);
const YEARS = [2000, 2001, 2002, 2003, 2004];

// A small deterministic generator (mulberry32), so a failing seed can be replayed.
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (iso: string, n: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));
const yearOf = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : null);
const ARCHIVED = '2024-01-01T00:00:00Z';

type Case = { id: string; opened_on: string; offence_type: string; status: string; close_reason: string | null; archived_at: string | null };
type Location = { id: string; investigation_id: string; province_code: string; district: string; place_type: string; archived_at: string | null };
type Suspect = { id: string; investigation_id: string; relationship: string; status: string; arrested_on: string | null; sex: string; archived_at: string | null };
type Victim = { id: string; investigation_id: string; code: string; sex: string; age_at_offence: number; archived_at: string | null };
type Service = { id: string; victim_id: string; investigation_id: string; service_type: string; archived_at: string | null };
type Prosecution = {
  id: string; investigation_id: string; suspect_id: string; court_province_code: string; status: string; filed_on: string;
  verdict_on: string | null; sentence_years: number | null; sentence_months: number | null; archived_at: string | null;
};
type Expenditure = { id: string; year: number; category: string; amount_usd: string; archived_at: string | null };
type Data = {
  cases: Case[]; locations: Location[]; suspects: Suspect[]; victims: Victim[]; services: Service[];
  prosecutions: Prosecution[]; expenditures: Expenditure[];
};
type Reference = { offenceTypes: string[]; relationships: Map<string, string>; serviceTypes: string[]; placeTypes: string[]; provinces: string[] };

async function loadReference(): Promise<Reference> {
  const codes = async (table: string) => (await testDb.query<{ code: string }>(`select code from ${table} order by code`)).map((r) => r.code);
  const rel = await testDb.query<{ code: string; group: string }>(`select code, "group" from relationships`);
  return {
    offenceTypes: await codes('offence_types'),
    relationships: new Map(rel.map((r) => [r.code, r.group])),
    serviceTypes: await codes('service_types'),
    placeTypes: await codes('place_types'),
    provinces: (await codes('provinces')).map((c) => c.trim()),
  };
}

function generate(ref: Reference, seed: number): Data {
  const r = rng(seed);
  const data: Data = { cases: [], locations: [], suspects: [], victims: [], services: [], prosecutions: [], expenditures: [] };
  const archived = (p: number) => (r.chance(p) ? ARCHIVED : null);
  // A few provinces and districts, so locations repeat within and across cases.
  const provinces = ref.provinces.filter(() => r.chance(0.6));
  const districts = ['Chamkar Mon', 'chamkar mon ', 'Daun Penh', 'Sen Sok', 'Kampong Tralach'];
  const relationships = [...ref.relationships.keys()];
  for (let i = 0; i < 420; i++) {
    const opened = addDays(`${r.pick(YEARS)}-01-01`, r.int(0, 364));
    const status = r.pick(CASE_STATUSES);
    const c: Case = {
      id: randomUUID(), opened_on: opened, offence_type: r.pick(ref.offenceTypes), status,
      close_reason: status === 'closed' ? r.pick(CLOSE_REASONS) : null, archived_at: archived(0.08),
    };
    data.cases.push(c);
    for (let n = r.int(0, 3); n > 0; n--) {
      data.locations.push({ id: randomUUID(), investigation_id: c.id, province_code: r.pick(provinces), district: r.pick(districts), place_type: r.pick(ref.placeTypes), archived_at: archived(0.08) });
    }
    for (let n = r.int(0, 3); n > 0; n--) {
      const arrestedOn = r.chance(0.6) ? addDays(opened, r.int(0, 400)) : null;
      const s: Suspect = {
        id: randomUUID(), investigation_id: c.id, relationship: r.pick(relationships), sex: r.pick(SEXES),
        status: arrestedOn ? 'arrested' : r.pick(['unidentified', 'identified', 'wanted', 'deceased']), arrested_on: arrestedOn, archived_at: archived(0.05),
      };
      data.suspects.push(s);
      if (arrestedOn && r.chance(0.7)) {
        const status = r.pick(PROSECUTION_STATUSES);
        const filed = addDays(arrestedOn, r.int(0, 200));
        const decided = ['convicted', 'acquitted', 'dismissed', 'appealed'].includes(status) || r.chance(0.1);
        const sentenced = status === 'convicted' || (status === 'appealed' && r.chance(0.5));
        data.prosecutions.push({
          id: randomUUID(), investigation_id: c.id, suspect_id: s.id, court_province_code: r.pick(ref.provinces), status, filed_on: filed,
          verdict_on: decided ? addDays(filed, r.int(0, 300)) : null,
          sentence_years: sentenced ? r.int(0, 30) : null, sentence_months: sentenced ? r.int(0, 11) : null, archived_at: archived(0.05),
        });
      }
    }
    for (let n = r.int(0, 3); n > 0; n--) {
      const v: Victim = { id: randomUUID(), investigation_id: c.id, code: `RND-${seed}-${data.victims.length}`, sex: r.pick(SEXES), age_at_offence: r.int(0, 17), archived_at: archived(0.05) };
      data.victims.push(v);
      for (let m = r.int(0, 2); m > 0; m--) {
        data.services.push({ id: randomUUID(), victim_id: v.id, investigation_id: c.id, service_type: r.pick(ref.serviceTypes), archived_at: archived(0.05) });
      }
    }
  }
  for (const year of YEARS.slice(1)) {
    for (let n = r.int(1, 5); n > 0; n--) {
      data.expenditures.push({ id: randomUUID(), year, category: 'operations', amount_usd: (r.int(100, 9_000_000) / 100).toFixed(2), archived_at: archived(0.15) });
    }
  }
  return data;
}

async function insert(table: string, rows: object[], extra: Record<string, (row: never, i: number) => unknown> = {}) {
  if (rows.length === 0) return;
  const full = rows.map((row, i) => ({ ...row, ...Object.fromEntries(Object.entries(extra).map(([k, f]) => [k, f(row as never, i)])) }));
  const columns = Object.keys(full[0]!).join(', ');
  await testDb.query(`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, $1::json)`, [JSON.stringify(full)]);
}

async function store(data: Data) {
  await insert('investigations', data.cases, {
    reference: (_, i) => `RND-${SEED}-${i}`, ref_year: (c: Case) => yearOf(c.opened_on), ref_seq: (_, i) => 900_000 + i,
    title: () => 'Random case', report_channel: () => 'hotline', reported_on: (c: Case) => c.opened_on,
  });
  await insert('offence_locations', data.locations);
  await insert('suspects', data.suspects);
  await insert('victims', data.victims);
  await insert('victim_services', data.services);
  await insert('prosecutions', data.prosecutions);
  await insert('expenditures', data.expenditures);
}

// ---- The figures again, from the rows, by the words of DESIGN.md ----

const live = <T extends { archived_at: string | null }>(rows: T[]) => rows.filter((r) => r.archived_at === null);
const countBy = <T,>(rows: T[], key: (r: T) => string) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
};
const div = (a: number, b: number) => (b > 0 ? a / b : null);

function expected(data: Data, ref: Reference, f: MetricFilters) {
  const caseById = new Map(data.cases.map((c) => [c.id, c]));
  const liveLocations = live(data.locations);
  const matches = (c: Case) => c.archived_at === null
    && (!f.offenceType || c.offence_type === f.offenceType)
    && (!f.province || liveLocations.some((l) => l.investigation_id === c.id && l.province_code === f.province));
  const casesOf = (year: number) => data.cases.filter((c) => yearOf(c.opened_on) === year && matches(c));
  const liveSuspects = live(data.suspects);
  const arrestedIn = (year: number) => liveSuspects.filter((s) => yearOf(s.arrested_on) === year && matches(caseById.get(s.investigation_id)!));

  const headlines = (year: number) => {
    const cases = casesOf(year);
    const ids = new Set(cases.map((c) => c.id));
    const arrested = arrestedIn(year).length;
    const resolved = cases.filter((c) => ['suspect_arrested', 'referred_to_court'].includes(c.status)
      || (c.status === 'closed' && ['convicted', 'acquitted', 'dismissed', 'referred_elsewhere', 'suspect_deceased'].includes(c.close_reason!))).length;
    const spentRows = live(data.expenditures).filter((e) => e.year === year);
    const spent = spentRows.length ? spentRows.reduce((s, e) => s + Number(e.amount_usd), 0) : null;
    return {
      investigations: cases.length,
      suspectsArrested: arrested,
      arrestRate: div(arrested, cases.length),
      investigationsWithArrest: cases.filter((c) => liveSuspects.some((s) => s.investigation_id === c.id && s.arrested_on)).length,
      resolutionRate: div(resolved, cases.length),
      provincesWithOffences: new Set(liveLocations.filter((l) => ids.has(l.investigation_id)).map((l) => l.province_code)).size,
      spent,
      costPerInvestigation: spent === null || f.province || f.offenceType || cases.length === 0 ? null : spent / cases.length,
    };
  };

  const cases = casesOf(f.year);
  const ids = new Set(cases.map((c) => c.id));
  const inYear = (iso: string | null) => yearOf(iso) === f.year;
  const places = new Set(liveLocations.filter((l) => ids.has(l.investigation_id)).map((l) => `${l.province_code}|${l.district.trim().toLowerCase()}`));
  const liveVictims = live(data.victims).filter((v) => ids.has(v.investigation_id));
  const liveVictimIds = new Set(liveVictims.map((v) => v.id));
  const suspectsOfYear = liveSuspects.filter((s) => ids.has(s.investigation_id));
  const liveSuspectIds = new Set(liveSuspects.map((s) => s.id));
  const prosecutions = live(data.prosecutions).filter((p) => matches(caseById.get(p.investigation_id)!) && liveSuspectIds.has(p.suspect_id));
  const convictions = prosecutions.filter((p) => p.status === 'convicted' && inYear(p.verdict_on));
  const months = (p: Prosecution) => (p.sentence_years ?? 0) * 12 + (p.sentence_months ?? 0);
  const bucketOf = (m: number) => (m < 12 ? 'under1' : m < 60 ? '1to5' : m < 120 ? '5to10' : m < 180 ? '10to15' : m < 240 ? '15to20' : '20plus');
  const allYears = [...new Set([...data.cases.filter(matches).map((c) => yearOf(c.opened_on)!), ...liveSuspects.filter((s) => s.arrested_on && matches(caseById.get(s.investigation_id)!)).map((s) => yearOf(s.arrested_on)!)])]
    .filter((y) => y <= f.year).sort();

  return {
    headlines: headlines(f.year),
    previous: headlines(f.year - 1),
    byMonth: Array.from({ length: 12 }, (_, m) => cases.filter((c) => Number(c.opened_on.slice(5, 7)) === m + 1).length),
    offenceTypes: countBy(cases, (c) => c.offence_type),
    relationships: countBy(suspectsOfYear, (s) => s.relationship),
    relationshipGroups: countBy(suspectsOfYear, (s) => ref.relationships.get(s.relationship)!),
    provinces: Object.fromEntries(ref.provinces.map((p) => [p, [...places].filter((x) => x.startsWith(`${p}|`)).length])),
    victims: countBy(liveVictims, (v) => `${v.sex}|${AGE_BANDS.find((b) => v.age_at_offence >= b.min && v.age_at_offence <= b.max)!.key}`),
    services: countBy(live(data.services).filter((s) => ids.has(s.investigation_id) && liveVictimIds.has(s.victim_id)), (s) => s.service_type),
    funnel: {
      charged: prosecutions.filter((p) => inYear(p.filed_on)).length,
      decided: prosecutions.filter((p) => inYear(p.verdict_on)).length,
      convicted: convictions.length,
    },
    byStatus: countBy(prosecutions.filter((p) => inYear(p.filed_on)), (p) => p.status),
    sentences: countBy(convictions, (p) => bucketOf(months(p))),
    years: allYears.map((year) => ({ year, investigations: casesOf(year).length, suspectsArrested: arrestedIn(year).length })),
  };
}

/** The module's figures in the shape of `expected`, zero counts dropped where the other side omits them. */
function actual(f: YearFigures) {
  const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, n]) => n > 0));
  return {
    headlines: f.headlines,
    previous: f.previous,
    byMonth: f.byMonth.map((m) => m.investigations),
    offenceTypes: nonZero(f.offenceTypes.map((o) => [o.code, o.investigations])),
    relationships: nonZero(f.relationships.map((r) => [r.code, r.suspects])),
    relationshipGroups: nonZero(f.relationshipGroups.map((g) => [g.group, g.suspects])),
    provinces: Object.fromEntries(f.provinces.map((p) => [p.code, p.locations])),
    victims: nonZero(f.victims.map((v) => [`${v.sex}|${v.band}`, v.victims])),
    services: nonZero(f.services.map((s) => [s.code, s.services])),
    funnel: f.prosecutions.funnel,
    byStatus: nonZero(f.prosecutions.byStatus.map((s) => [s.status, s.prosecutions])),
    sentences: nonZero(f.prosecutions.sentences.map((s) => [s.bucket, s.convictions])),
    years: f.years.map(({ year, investigations, suspectsArrested }) => ({ year, investigations, suspectsArrested })),
  };
}

/** Money sums in floating point on this side: compare to the cent. */
function roundMoney<T extends { headlines: Record<string, number | null>; previous: Record<string, number | null> }>(x: T): T {
  const round = (h: Record<string, number | null>) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, v === null ? null : Math.round(v * 1e6) / 1e6]));
  return { ...x, headlines: round(x.headlines), previous: round(x.previous) };
}

let data: Data;
let ref: Reference;
beforeAll(async () => {
  ref = await loadReference();
  data = generate(ref, SEED);
  await store(data);
});

describe(`the metrics module against figures computed independently (seed ${SEED}; replay with METRICS_SEED)`, () => {
  it('the random data covers what the figures count', () => {
    const c = live(data.cases);
    expect(c.filter((x) => x.status === 'closed').length).toBeGreaterThan(10);
    expect(data.cases.filter((x) => x.archived_at).length).toBeGreaterThan(5);
    expect(data.suspects.filter((s) => s.arrested_on && yearOf(s.arrested_on)! > yearOf(data.cases.find((x) => x.id === s.investigation_id)!.opened_on)!).length).toBeGreaterThan(5);
    expect(data.prosecutions.filter((p) => p.status === 'convicted').length).toBeGreaterThan(5);
  });

  const filterSets = (): MetricFilters[] => {
    const province = ref.provinces.find((p) => live(data.locations).filter((l) => l.province_code === p).length > 20) ?? ref.provinces[0]!;
    const offenceType = ref.offenceTypes[0]!;
    return [
      ...[...YEARS, 2005].map((year) => ({ year })),
      { year: 2002, province },
      { year: 2003, offenceType },
      { year: 2001, province, offenceType },
      { year: 2004, province: '99' },
    ];
  };

  it('every figure matches, for every year and several filters', async () => {
    for (const filters of filterSets()) {
      const got = actual(await computeYearFigures(testDb.db(), filters));
      expect(roundMoney(got), JSON.stringify(filters)).toEqual(roundMoney(expected(data, ref, filters)));
    }
  });

  it('an archived case leaves the figures on the next read', async () => {
    const victim = live(data.cases).find((c) => yearOf(c.opened_on) === 2002 && live(data.suspects).some((s) => s.investigation_id === c.id && yearOf(s.arrested_on) === 2002))!;
    const before = await computeYearFigures(testDb.db(), { year: 2002 });
    await testDb.query(`update investigations set archived_at = now(), archive_reason = 'test' where id = $1`, [victim.id]);
    victim.archived_at = ARCHIVED;
    const after = await computeYearFigures(testDb.db(), { year: 2002 });
    expect(after.headlines.investigations).toBe(before.headlines.investigations! - 1);
    expect(after.headlines.suspectsArrested).toBeLessThan(before.headlines.suspectsArrested!);
    expect(roundMoney(actual(after))).toEqual(roundMoney(expected(data, ref, { year: 2002 })));
  });
});
