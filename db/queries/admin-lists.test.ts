import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { agencyActive, agencyEdit, codeFromLabel, referenceActive, referenceEdit, referenceMove } from '@/lib/validation/admin-lists';
import { ensureReferenceData } from '@/db/reference';
import { listAgencies, saveAgency, setAgencyActive } from './agencies';
import { listReferenceValues, moveReferenceValue, saveReferenceValue, setReferenceActive } from './reference-admin';
import { caseFormOptions } from './reference-lists';
import { getEditOptions, getRecordingOptions } from './case-edit-options';
import { getCase } from './case-read';

const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const agenciesSnapshot = async () => (await testDb.query(`select json_agg(a order by a.id)::text as rows from agencies a`))[0];
const placeSnapshot = async () => (await testDb.query(`select json_agg(p order by p.code)::text as rows from place_types p`))[0];
const deniedCount = async (viewer: Viewer, prefix: string) =>
  (await testDb.query<{ n: number }>(`select count(*)::int as n from audit_events where actor_id = $1 and action like $2 and outcome = 'denied'`, [viewer.userId, `${prefix}%`]))[0]!.n;

describe('agencies', () => {
  it('[admin] creates, renames, deactivates and reactivates an agency; each change audited', async () => {
    const created = await saveAgency(v.admin, agencyEdit.parse({ name: 'Kampot Provincial Court', nameKm: 'សាលាដំបូងខេត្តកំពត', kind: 'court' }), null);
    expect((await listAgencies(v.admin)).find((a) => a.id === created.id)).toMatchObject({ name: 'Kampot Provincial Court', kind: 'court', active: true });

    const renamed = await saveAgency(v.admin, agencyEdit.parse({ id: created.id, version: created.version, name: 'Kampot Court of First Instance', nameKm: 'សាលាដំបូងខេត្តកំពត', kind: 'court' }), null);
    const off = await setAgencyActive(v.admin, agencyActive.parse({ id: created.id, version: renamed.version, active: 'false' }), null);
    expect((await caseFormOptions(v.investigator)).agencies.some((a) => a.value === created.id)).toBe(false);
    expect((await getRecordingOptions(v.liaison, 'en')).agencies.some((a) => a.value === created.id)).toBe(false);
    expect((await listAgencies(v.admin)).find((a) => a.id === created.id)).toMatchObject({ name: 'Kampot Court of First Instance', active: false });

    await setAgencyActive(v.admin, agencyActive.parse({ id: created.id, version: off.version, active: 'true' }), null);
    expect((await getEditOptions(v.investigator, 'km')).agencies).toContainEqual({ value: created.id, label: 'សាលាដំបូងខេត្តកំពត' });

    const audit = await testDb.query<{ action: string; outcome: string }>(`select action, outcome from audit_events where entity_id = $1 order by id`, [created.id]);
    expect(audit.map((a) => a.action)).toEqual(['agency.create', 'agency.update', 'agency.deactivate', 'agency.reactivate']);
  });

  it('[admin] a deactivated agency stays on the arrests and shares that name it', async () => {
    const [used] = await testDb.query<{ agency_id: string; case_id: string; name: string }>(
      `select s.arresting_agency_id as agency_id, s.investigation_id as case_id, a.name from suspects s join agencies a on a.id = s.arresting_agency_id
       where s.arresting_agency_id is not null and s.archived_at is null limit 1`);
    const [agency] = await testDb.query<{ version: number }>(`select version from agencies where id = $1`, [used!.agency_id]);
    const off = await setAgencyActive(v.admin, agencyActive.parse({ id: used!.agency_id, version: agency!.version, active: 'false' }), null);
    try {
      const found = await getCase(v.manager, used!.case_id, null);
      expect(JSON.stringify(found.suspects)).toContain(JSON.stringify(used!.name).slice(1, -1));
    } finally {
      await setAgencyActive(v.admin, agencyActive.parse({ id: used!.agency_id, version: off.version, active: 'true' }), null);
    }
  });

  it('[admin] a taken name (any case) and bad input get field messages; a stale version is a conflict; nothing written', async () => {
    const before = await agenciesSnapshot();
    await expect(saveAgency(v.admin, agencyEdit.parse({ name: 'ministry of interior', kind: 'ministry' }), null))
      .rejects.toMatchObject({ fieldErrors: { name: 'caseEdit.errors.nameTaken' } });
    const [a] = await testDb.query<{ id: string; version: number; name: string; kind: string }>(`select id, version, name, kind from agencies order by name limit 1`);
    await expect(saveAgency(v.admin, agencyEdit.parse({ id: a!.id, version: a!.version + 5, name: 'Renamed', kind: a!.kind }), null)).rejects.toBeInstanceOf(ConflictError);
    expect(await agenciesSnapshot()).toEqual(before);
    const bad = agencyEdit.safeParse({ name: ' ', kind: 'bank' });
    expect(bad.success).toBe(false);
    expect(Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({ name: 'caseEdit.errors.required', kind: 'caseEdit.errors.required' });
  });

  it.each(['manager', 'investigator', 'liaison'] as const)('[%s] may not list, create, rename or deactivate agencies: refused, audited, rows unchanged', async (role) => {
    const [a] = await testDb.query<{ id: string; version: number }>(`select id, version from agencies limit 1`);
    const before = await agenciesSnapshot();
    await expect(listAgencies(v[role])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveAgency(v[role], agencyEdit.parse({ name: `Not allowed ${role}`, kind: 'ngo' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveAgency(v[role], agencyEdit.parse({ id: a!.id, version: a!.version, name: 'Not allowed', kind: 'ngo' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setAgencyActive(v[role], agencyActive.parse({ id: a!.id, version: a!.version, active: 'false' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await agenciesSnapshot()).toEqual(before);
    expect(await deniedCount(v[role], 'agency.')).toBe(4);
  });
});

describe('reference lists', () => {
  it('[admin] a relabelled place type shows in English and Khmer through the case forms\' options', async () => {
    await saveReferenceValue(v.admin, referenceEdit.parse({ list: 'placeTypes', isNew: 'false', code: 'pagoda', labelEn: 'Pagoda or monastery', labelKm: 'វត្ត ឬអារាម' }), null);
    expect((await caseFormOptions(v.investigator)).placeTypes).toContainEqual({ value: 'pagoda', labelEn: 'Pagoda or monastery', labelKm: 'វត្ត ឬអារាម' });
    expect((await getEditOptions(v.manager, 'en')).placeTypes).toContainEqual({ value: 'pagoda', label: 'Pagoda or monastery' });
    expect((await getEditOptions(v.manager, 'km')).placeTypes).toContainEqual({ value: 'pagoda', label: 'វត្ត ឬអារាម' });
    const [row] = await testDb.query(`select action, outcome, entity_id, detail from audit_events where action = 'reference.update' order by id desc limit 1`);
    expect(row).toMatchObject({ outcome: 'allowed', entity_id: 'placeTypes:pagoda', detail: { list: 'placeTypes', code: 'pagoda' } });
  });

  it('[admin] adds values (code from the English label, or typed; unique), with a group for relationships; charges in the recording options', async () => {
    const { code } = await saveReferenceValue(v.admin, referenceEdit.parse({ list: 'placeTypes', isNew: 'true', code: '', labelEn: 'Boarding school', labelKm: 'សាលាមានអន្តេវាសិកដ្ឋាន' }), null);
    expect(code).toBe('boarding_school');
    const places = await listReferenceValues(v.admin, 'placeTypes');
    expect(places.at(-1)).toMatchObject({ code: 'boarding_school', active: true });
    await expect(saveReferenceValue(v.admin, referenceEdit.parse({ list: 'placeTypes', isNew: 'true', code: '', labelEn: 'Boarding  school!', labelKm: 'x' }), null))
      .rejects.toMatchObject({ fieldErrors: { code: 'caseEdit.errors.codeTaken' } });

    await saveReferenceValue(v.admin, referenceEdit.parse({ list: 'relationships', isNew: 'true', code: 'coach', labelEn: 'Sports coach', labelKm: 'គ្រូបង្វឹកកីឡា', group: 'acquaintance' }), null);
    expect((await listReferenceValues(v.admin, 'relationships')).find((r) => r.code === 'coach')).toMatchObject({ group: 'acquaintance' });
    expect(referenceEdit.safeParse({ list: 'relationships', isNew: 'true', labelEn: 'Cousin', labelKm: 'បងប្អូនជីដូនមួយ' }).error?.issues[0]).toMatchObject({ path: ['group'] });
    expect(referenceEdit.safeParse({ list: 'charges', isNew: 'true', code: 'Bad Code', labelEn: 'x', labelKm: 'x' }).error?.issues[0]).toMatchObject({ path: ['code'], message: 'caseEdit.errors.codeFormat' });

    await saveReferenceValue(v.admin, referenceEdit.parse({ list: 'charges', isNew: 'true', code: 'grooming', labelEn: 'Online grooming of a minor', labelKm: 'ការលួងលោមអនីតិជនតាមអនឡាញ' }), null);
    expect((await getRecordingOptions(v.liaison, 'km')).charges).toContainEqual({ value: 'grooming', label: 'ការលួងលោមអនីតិជនតាមអនឡាញ' });
    expect(codeFromLabel('123 Main')).toBe('v_123_main');
  });

  it('[admin] deactivates a value in use: gone from the choices, still on the record; reactivates it; reorders', async () => {
    const [used] = await testDb.query<{ code: string; case_id: string; label: string }>(
      `select l.place_type as code, l.investigation_id as case_id, p.label_en as label from offence_locations l join place_types p on p.code = l.place_type limit 1`);
    await setReferenceActive(v.admin, referenceActive.parse({ list: 'placeTypes', code: used!.code, active: 'false' }), null);
    expect((await caseFormOptions(v.investigator)).placeTypes.some((o) => o.value === used!.code)).toBe(false);
    expect(JSON.stringify((await getCase(v.manager, used!.case_id, null)).locations)).toContain(used!.label);
    await setReferenceActive(v.admin, referenceActive.parse({ list: 'placeTypes', code: used!.code, active: 'true' }), null);
    expect((await caseFormOptions(v.investigator)).placeTypes.some((o) => o.value === used!.code)).toBe(true);

    const order = async () => (await listReferenceValues(v.admin, 'serviceTypes')).map((r) => r.code);
    const before = await order();
    await moveReferenceValue(v.admin, referenceMove.parse({ list: 'serviceTypes', code: before[1], direction: 'up' }), null);
    expect((await order()).slice(0, 2)).toEqual([before[1], before[0]]);
    expect((await caseFormOptions(v.investigator)).serviceTypes.map((o) => o.value).slice(0, 2)).toEqual([before[1], before[0]]);
    await moveReferenceValue(v.admin, referenceMove.parse({ list: 'serviceTypes', code: before[1], direction: 'up' }), null); // already first: nothing
    await moveReferenceValue(v.admin, referenceMove.parse({ list: 'serviceTypes', code: before[1], direction: 'down' }), null);
    expect(await order()).toEqual(before);
  });

  it('ensureReferenceData (every start) adds missing seed values only: never an admin\'s label, order or active flag', async () => {
    await testDb.query(`update place_types set label_en = 'Admin label', label_km = 'ស្លាកអ្នកគ្រប់គ្រង', active = false, sort_order = 999 where code = 'online'`);
    await testDb.query(`delete from place_types where code = 'other' and not exists (select 1 from offence_locations where place_type = 'other')`);
    await ensureReferenceData(testDb.db());
    const rows = await testDb.query(`select code, label_en, label_km, active, sort_order from place_types where code in ('online', 'other') order by code`);
    expect(rows[0]).toEqual({ code: 'online', label_en: 'Admin label', label_km: 'ស្លាកអ្នកគ្រប់គ្រង', active: false, sort_order: 999 });
    expect(rows[1]).toMatchObject({ code: 'other', label_en: 'Other', active: true });
  });

  it.each(['manager', 'investigator', 'liaison'] as const)('[%s] may not list or change reference values: refused, audited, rows unchanged', async (role) => {
    const before = await placeSnapshot();
    await expect(listReferenceValues(v[role], 'placeTypes')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveReferenceValue(v[role], referenceEdit.parse({ list: 'placeTypes', isNew: 'true', labelEn: `Nope ${role}`, labelKm: 'ទេ' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveReferenceValue(v[role], referenceEdit.parse({ list: 'placeTypes', isNew: 'false', code: 'school', labelEn: 'Nope', labelKm: 'ទេ' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setReferenceActive(v[role], referenceActive.parse({ list: 'placeTypes', code: 'school', active: 'false' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(moveReferenceValue(v[role], referenceMove.parse({ list: 'placeTypes', code: 'school', direction: 'up' }), null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await placeSnapshot()).toEqual(before);
    expect(await deniedCount(v[role], 'reference.')).toBe(5);
  });
});

