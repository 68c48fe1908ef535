import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers } from '@/db/testing/viewers';
import { plainRows } from '@/db/testing/identity';
import type { Viewer } from '@/lib/policy';
import { FieldValidationError } from '@/lib/errors';
import { saveSuspect } from './case-suspects';
import { saveLocation } from './case-locations';

const testDb = useTestDatabase();
let investigator: Viewer;
beforeAll(async () => {
  ({ investigator } = await demoViewers(testDb));
});

type SuspectRow = {
  case_id: string; id: string; version: number; full_name: string | null; alias: string | null; sex: 'female' | 'male' | 'unknown';
  age: number | null; nationality: string | null; relationship: string; arresting_agency_id: string | null; arrest_place: string | null;
  offence_from: string; day_before: string;
};

/** A suspect of a live case the investigator is a member of, whose case has an offence period. */
async function memberSuspect(): Promise<SuspectRow> {
  const [row] = await plainRows<SuspectRow>(testDb, 'suspects', `
    select i.id as case_id, s.id, s.version, s.full_name, s.alias, s.sex, s.age, s.nationality, s.relationship,
      s.arresting_agency_id, s.arrest_place, to_char(i.offence_from, 'YYYY-MM-DD') as offence_from,
      to_char(i.offence_from - 1, 'YYYY-MM-DD') as day_before
    from suspects s join investigations i on i.id = s.investigation_id
    join investigation_members m on m.investigation_id = i.id and m.user_id = $1
    where i.archived_at is null and s.archived_at is null and i.offence_from is not null limit 1`, [investigator.userId]);
  if (!row) throw new Error('no member suspect with an offence period in the demo data');
  return row;
}

const rowOf = async (table: string, id: string) => (await testDb.query(`select * from ${table} where id = $1`, [id]))[0];

describe('dates before the offence period', () => {
  it('refuse an arrest date before the case offence period, beside the field, and change nothing', async () => {
    const s = await memberSuspect();
    const before = await rowOf('suspects', s.id);
    const attempt = saveSuspect(investigator, {
      caseId: s.case_id, id: s.id, version: s.version, fullName: s.full_name, alias: s.alias, sex: s.sex, age: s.age,
      nationality: s.nationality, relationship: s.relationship, status: 'arrested', arrestedOn: s.day_before,
      arrestingAgencyId: s.arresting_agency_id, arrestPlace: s.arrest_place,
    }, null);
    await expect(attempt).rejects.toBeInstanceOf(FieldValidationError);
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { arrestedOn: 'caseEdit.errors.beforeOffencePeriod' } });
    expect(await rowOf('suspects', s.id)).toEqual(before);
  });

  it('accept an arrest on the first day of the offence period', async () => {
    const s = await memberSuspect();
    await saveSuspect(investigator, {
      caseId: s.case_id, id: s.id, version: s.version, fullName: s.full_name, alias: s.alias, sex: s.sex, age: s.age,
      nationality: s.nationality, relationship: s.relationship, status: 'arrested', arrestedOn: s.offence_from,
      arrestingAgencyId: s.arresting_agency_id, arrestPlace: s.arrest_place,
    }, null);
    expect((await rowOf('suspects', s.id) as { status: string }).status).toBe('arrested');
  });

  it('refuse a new offence location dated before the period, adding nothing', async () => {
    const s = await memberSuspect();
    const count = async () => (await testDb.query<{ n: number }>('select count(*)::int as n from offence_locations where investigation_id = $1', [s.case_id]))[0]!.n;
    const before = await count();
    await expect(saveLocation(investigator, {
      caseId: s.case_id, id: null, version: null, provinceCode: '12', district: 'Chamkar Mon', commune: null, placeType: 'home', occurredOn: s.day_before,
    }, null)).rejects.toMatchObject({ fieldErrors: { occurredOn: 'caseEdit.errors.beforeOffencePeriod' } });
    expect(await count()).toBe(before);
  });
});
