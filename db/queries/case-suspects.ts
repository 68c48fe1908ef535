import 'server-only';
import { suspects } from '../schema';
import { recordCaseChange } from '../events';
import type { Viewer } from '@/lib/policy';
import type { SuspectEdit } from '@/lib/validation/case-edit';
import { assertNotBeforeOffencePeriod, caseWrite } from './case-write';
import { insertChild, updateChild } from './case-children';
import { autoAdvanceCase } from './case-lifecycle';

export const SUSPECT_FORM_COLUMNS = {
  fullName: suspects.fullName,
  alias: suspects.alias,
  sex: suspects.sex,
  age: suspects.age,
  nationality: suspects.nationality,
  relationship: suspects.relationship,
  status: suspects.status,
  arrestedOn: suspects.arrestedOn,
  arrestingAgencyId: suspects.arrestingAgencyId,
  arrestPlace: suspects.arrestPlace,
};

/** Adds a suspect to a case (no id) or changes one at its version. */
export async function saveSuspect(viewer: Viewer, input: SuspectEdit, ip: string | null) {
  const { caseId, id, version, ...fields } = input;
  const kind = id ? 'suspect_updated' : 'suspect_added';
  return caseWrite(viewer, 'cases:edit', { caseId, kind, entityType: 'suspect', entityId: id ?? undefined, ip }, async (tx) => {
    // Timeline data: codes and dates only (a suspect's name is not put on the timeline).
    const facts = { status: fields.status, relationship: fields.relationship, arrestedOn: fields.arrestedOn, agencyId: fields.arrestingAgencyId };
    if (id && version) {
      const saved = await updateChild(tx, viewer, suspects, { caseId, id, version }, fields, SUSPECT_FORM_COLUMNS);
      await assertNotBeforeOffencePeriod(tx, caseId, { arrestedOn: fields.arrestedOn });
      await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { suspectId: id, fields: saved.changed, ...facts }, entityType: 'suspect', entityId: id, ip });
      if (fields.status === 'arrested' && saved.before.status !== 'arrested') await autoAdvanceCase(tx, viewer, caseId, 'suspect_arrested', 'arrest', ip);
      return { id, version: saved.version, caseVersion: saved.caseVersion };
    }
    const added = await insertChild(tx, viewer, suspects, caseId, fields);
    await assertNotBeforeOffencePeriod(tx, caseId, { arrestedOn: fields.arrestedOn });
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind, data: { suspectId: added.id, ...facts }, entityType: 'suspect', entityId: added.id, ip });
    if (fields.status === 'arrested') await autoAdvanceCase(tx, viewer, caseId, 'suspect_arrested', 'arrest', ip);
    return added;
  });
}
