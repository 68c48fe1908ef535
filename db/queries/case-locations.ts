import 'server-only';
import { offenceLocations } from '../schema';
import { recordCaseChange } from '../events';
import type { Viewer } from '@/lib/policy';
import type { LocationEdit } from '@/lib/validation/case-edit';
import { assertNotBeforeOffencePeriod, caseWrite } from './case-write';
import { insertChild, updateChild } from './case-children';

/** The columns of the location form: what a conflict shows as "now". */
export const LOCATION_FORM_COLUMNS = {
  provinceCode: offenceLocations.provinceCode,
  district: offenceLocations.district,
  commune: offenceLocations.commune,
  placeType: offenceLocations.placeType,
  occurredOn: offenceLocations.occurredOn,
};

/** Adds an offence location to a case (no id) or changes one at its version. */
export async function saveLocation(viewer: Viewer, input: LocationEdit, ip: string | null) {
  const { caseId, id, version, ...fields } = input;
  const kind = id ? 'location_updated' : 'location_added';
  return caseWrite(viewer, 'cases:edit', { caseId, kind, entityType: 'offence_location', entityId: id ?? undefined, ip }, async (tx) => {
    if (id && version) {
      const saved = await updateChild(tx, viewer, offenceLocations, { caseId, id, version }, fields, LOCATION_FORM_COLUMNS);
      await assertNotBeforeOffencePeriod(tx, caseId, { occurredOn: fields.occurredOn });
      await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { locationId: id, fields: saved.changed }, entityType: 'offence_location', entityId: id, ip });
      return { id, version: saved.version, caseVersion: saved.caseVersion };
    }
    const added = await insertChild(tx, viewer, offenceLocations, caseId, fields);
    await assertNotBeforeOffencePeriod(tx, caseId, { occurredOn: fields.occurredOn });
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { locationId: added.id, provinceCode: fields.provinceCode }, entityType: 'offence_location', entityId: added.id, ip });
    return added;
  });
}
