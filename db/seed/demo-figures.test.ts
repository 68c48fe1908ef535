import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../testing/test-db';
import { AGENCY_IDS, buildDemoDataset, casesOfMember, casesSharedWithAgency, casesVisibleTo, DEMO_ACCOUNTS } from './dataset';
import { seedDemo } from './insert';

// The figures are checked with plain SQL written here, on purpose: not through the app's
// metric module, so a mistake there cannot hide a mistake in the data (or the reverse).
const db = useTestDatabase();

let built: ReturnType<typeof buildDemoDataset> | undefined;
/** Building takes most of a second: share one build between the tests that only read it. */
const dataset = () => (built ??= buildDemoDataset());

const PHNOM_PENH = '12';
const KAMPONG_CHHNANG = '04';

/** Cases opened in the year, archived ones excluded (DESIGN.md "investigations"). */
const YEAR_CASES = `
  SELECT id, status, close_reason FROM investigations
  WHERE archived_at IS NULL AND opened_on >= make_date($1::int, 1, 1) AND opened_on < make_date($1::int + 1, 1, 1)`;

async function one<T>(text: string, params: unknown[] = []): Promise<T> {
  const [row] = await db.query<T>(text, params);
  if (!row) throw new Error(`no row: ${text}`);
  return row;
}

const investigations = async (year: number) =>
  (await one<{ n: number }>(`SELECT count(*)::int AS n FROM (${YEAR_CASES}) y`, [year])).n;

const suspectsArrested = async (year: number) =>
  (await one<{ n: number }>(`
    SELECT count(*)::int AS n FROM suspects s JOIN investigations i ON i.id = s.investigation_id
    WHERE i.archived_at IS NULL AND s.archived_at IS NULL
      AND s.arrested_on >= make_date($1::int, 1, 1) AND s.arrested_on < make_date($1::int + 1, 1, 1)`, [year])).n;

const provinces = async (year: number) =>
  (await db.query<{ province_code: string; districts: number }>(`
    SELECT l.province_code, count(DISTINCT l.district)::int AS districts
    FROM offence_locations l JOIN (${YEAR_CASES}) y ON y.id = l.investigation_id
    WHERE l.archived_at IS NULL
    GROUP BY l.province_code ORDER BY districts DESC, l.province_code`, [year]));

describe('demo dataset: the 2021 report', () => {
  it('has 313 investigations, archived cases excluded', async () => {
    expect(await investigations(2021)).toBe(313);
    const archived = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM investigations
      WHERE archived_at IS NOT NULL AND archive_reason IS NOT NULL AND opened_on BETWEEN '2021-01-01' AND '2021-12-31'`);
    expect(archived.n).toBeGreaterThan(0);
  });

  it('has 268 suspects arrested (85 % of investigations)', async () => {
    expect(await suspectsArrested(2021)).toBe(268);
    expect(Math.floor((268 / (await investigations(2021))) * 100)).toBe(85);
  });

  it('has offences in Phnom Penh and 20 provinces', async () => {
    const rows = await provinces(2021);
    expect(rows).toHaveLength(21);
    expect(rows.map((r) => r.province_code)).toContain(PHNOM_PENH);
  });

  it('has five offence locations in Phnom Penh and in Kampong Chhnang, and no more anywhere', async () => {
    const rows = await provinces(2021);
    const districts = Object.fromEntries(rows.map((r) => [r.province_code, r.districts]));
    expect(districts[PHNOM_PENH]).toBe(5);
    expect(districts[KAMPONG_CHHNANG]).toBe(5);
    expect(Math.max(...rows.map((r) => r.districts))).toBe(5);
  });

  it('has neighbours as the most frequent offenders, then fathers', async () => {
    const rows = await db.query<{ relationship: string; n: number }>(`
      SELECT s.relationship, count(*)::int AS n
      FROM suspects s JOIN (${YEAR_CASES}) y ON y.id = s.investigation_id
      WHERE s.archived_at IS NULL
      GROUP BY s.relationship ORDER BY n DESC`, [2021]);
    expect(rows[0]?.relationship).toBe('neighbour');
    expect(rows[1]?.relationship).toBe('father');
    expect(rows[0]!.n).toBeGreaterThan(rows[1]!.n);
    expect(rows[1]!.n).toBeGreaterThan(rows[2]!.n);
  });

  it('spent a little over US$1.12 million', async () => {
    const { total } = await one<{ total: string }>(
      'SELECT sum(amount_usd)::text AS total FROM expenditures WHERE year = 2021 AND archived_at IS NULL');
    expect(Number(total)).toBeGreaterThan(1_120_000);
    expect(Number(total)).toBeLessThan(1_130_000);
  });

  it('resolved almost 90 % of the crimes', async () => {
    const { resolved, total } = await one<{ resolved: number; total: number }>(`
      SELECT count(*) FILTER (WHERE status IN ('suspect_arrested', 'referred_to_court')
          OR (status = 'closed' AND close_reason IN ('convicted', 'acquitted', 'dismissed', 'referred_elsewhere', 'suspect_deceased')))::int AS resolved,
        count(*)::int AS total
      FROM (${YEAR_CASES}) y`, [2021]);
    expect(total).toBe(313);
    expect(resolved / total).toBeGreaterThanOrEqual(0.88);
    expect(resolved / total).toBeLessThanOrEqual(0.91);
  });
});

describe('demo dataset: other published years', () => {
  it.each([
    [2015, 244], [2016, 269], [2017, 222], [2019, 274], [2022, 242], [2023, 269],
  ])('%i has %i investigations', async (year, expected) => {
    expect(await investigations(year)).toBe(expected);
  });

  it.each([2018, 2020])('%i has a plausible number of investigations', async (year) => {
    const n = await investigations(year);
    expect(n).toBeGreaterThanOrEqual(250);
    expect(n).toBeLessThanOrEqual(300);
  });

  it.each([[2015, 22], [2016, 24], [2023, 25]])('%i has offences in %i provinces', async (year, expected) => {
    expect(await provinces(year)).toHaveLength(expected);
  });

  it.each([[2017, 83], [2019, 87]])('%i has an arrest rate of %i %%', async (year, expected) => {
    expect(Math.round(((await suspectsArrested(year)) / (await investigations(year))) * 100)).toBe(expected);
  });

  it('every year from 2015 to 2023 has cases and expenditure', async () => {
    const rows = await db.query<{ year: number; cases: number; spent: string }>(`
      SELECT e.year::int AS year, sum(e.amount_usd)::text AS spent,
        (SELECT count(*)::int FROM investigations i WHERE extract(year FROM i.opened_on) = e.year) AS cases
      FROM expenditures e GROUP BY e.year ORDER BY e.year`);
    expect(rows.map((r) => r.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    for (const r of rows) {
      expect(r.cases).toBeGreaterThan(200);
      expect(Number(r.spent)).toBeGreaterThan(500_000);
    }
  });
});

describe('demo dataset: records', () => {
  it('are deterministic', () => {
    expect(buildDemoDataset()).toEqual(buildDemoDataset());
  });

  it('are the ones in the database', async () => {
    const { investigations: cases, suspects, victims, caseEvents } = dataset();
    const counts = await one<Record<string, number>>(`
      SELECT (SELECT count(*)::int FROM investigations) AS investigations,
        (SELECT count(*)::int FROM suspects) AS suspects,
        (SELECT count(*)::int FROM victims) AS victims,
        (SELECT count(*)::int FROM case_events) AS events`);
    expect(counts).toEqual({
      investigations: cases.length,
      suspects: suspects.length,
      victims: victims.length,
      events: caseEvents.length,
    });
  });

  it('are never seeded twice', async () => {
    await expect(seedDemo(db.db(), { demoAccounts: false })).rejects.toThrow(/already holds investigations/);
  });

  it('give every case one lead and keep arrests between the opening and the end of 2023', async () => {
    const { leadless, early, late } = await one<{ leadless: number; early: number; late: number }>(`
      SELECT
        (SELECT count(*)::int FROM investigations i
          WHERE (SELECT count(*) FROM investigation_members m WHERE m.investigation_id = i.id AND m.role = 'lead') <> 1) AS leadless,
        (SELECT count(*)::int FROM suspects s JOIN investigations i ON i.id = s.investigation_id WHERE s.arrested_on < i.opened_on) AS early,
        (SELECT count(*)::int FROM suspects WHERE arrested_on > DATE '2023-12-31') AS late`);
    expect({ leadless, early, late }).toEqual({ leadless: 0, early: 0, late: 0 });
  });
});

describe('demo dataset: demo accounts', () => {
  const share = async (membership: string, params: unknown[]) => {
    const { part, total } = await one<{ part: number; total: number }>(`
      SELECT count(*) FILTER (WHERE ${membership})::int AS part, count(*)::int AS total
      FROM investigations i WHERE i.archived_at IS NULL`, params);
    return { part, ratio: part / total };
  };

  it('exist with their roles, and the liaison belongs to the national police department', async () => {
    const rows = await db.query<{ email: string; role: string; kind: string; has_password: boolean }>(`
      SELECT u.email, u.role, a.kind, u.password_hash IS NOT NULL AS has_password
      FROM users u JOIN agencies a ON a.id = u.agency_id
      WHERE u.password_hash IS NOT NULL
      ORDER BY u.email`);
    expect(rows).toEqual([
      { email: 'admin@cpu.local', role: 'admin', kind: 'cpu', has_password: true },
      { email: 'investigator@cpu.local', role: 'investigator', kind: 'cpu', has_password: true },
      { email: 'liaison@police.local', role: 'liaison', kind: 'police', has_password: true },
      { email: 'manager@cpu.local', role: 'manager', kind: 'cpu', has_password: true },
    ]);
  });

  it('[investigator] is a member of 20-30 % of the cases, as buildDemoDataset() says', async () => {
    const { part, ratio } = await share(
      'EXISTS (SELECT 1 FROM investigation_members m WHERE m.investigation_id = i.id AND m.user_id = $1)',
      [DEMO_ACCOUNTS.investigator.userId]);
    expect(ratio).toBeGreaterThanOrEqual(0.2);
    expect(ratio).toBeLessThanOrEqual(0.3);
    expect(part).toBe(casesOfMember(dataset(), DEMO_ACCOUNTS.investigator.userId).length);
  });

  it('[liaison] has 15-25 % of the cases shared with their agency, and no other case', async () => {
    const { part, ratio } = await share(
      'EXISTS (SELECT 1 FROM investigation_agencies a WHERE a.investigation_id = i.id AND a.agency_id = $1)',
      [AGENCY_IDS.ahtjpd]);
    expect(ratio).toBeGreaterThanOrEqual(0.15);
    expect(ratio).toBeLessThanOrEqual(0.25);
    expect(part).toBe(casesSharedWithAgency(dataset(), AGENCY_IDS.ahtjpd).length);
    expect(casesVisibleTo(dataset(), 'liaison')).toHaveLength(part);

    const outside = await one<{ n: number }>(`
      SELECT count(*)::int AS n FROM investigation_members m
      WHERE m.user_id = $1 AND NOT EXISTS (
        SELECT 1 FROM investigation_agencies a WHERE a.investigation_id = m.investigation_id AND a.agency_id = $2)`,
    [DEMO_ACCOUNTS.liaison.userId, AGENCY_IDS.ahtjpd]);
    expect(outside.n).toBe(0);
  });

  it('[manager] and [admin] own no case data', async () => {
    const { n } = await one<{ n: number }>(
      'SELECT count(*)::int AS n FROM investigation_members WHERE user_id = ANY($1::uuid[])',
      [[DEMO_ACCOUNTS.manager.userId, DEMO_ACCOUNTS.admin.userId]]);
    expect(n).toBe(0);
  });
});

describe('audit_events', () => {
  it('refuses UPDATE and DELETE in the database itself', async () => {
    const [row] = await db.query<{ id: string }>(
      "INSERT INTO audit_events (action, outcome, detail) VALUES ('test.append_only', 'allowed', '{}') RETURNING id::text AS id");
    const id = row!.id;
    await expect(db.query("UPDATE audit_events SET action = 'test.changed' WHERE id = $1", [id])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_events WHERE id = $1', [id])).rejects.toThrow(/append-only/);
    await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    const after = await db.query<{ action: string }>('SELECT action FROM audit_events WHERE id = $1', [id]);
    expect(after).toEqual([{ action: 'test.append_only' }]);
  });
});
