import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { investigationView } from '@/lib/api/views';
import { caseBasicsEdit } from '@/lib/validation/case-edit';
import { ConflictError } from '@/lib/errors';
import { getCase } from '@/db/queries/case-read';
import { readCaseBasics, updateCaseBasics } from '@/db/queries/case-update';

export const GET = apiRoute('getInvestigation', async ({ viewer, params, ip }) => {
  const found = await getCase(viewer, params.id!, ip);
  return json(investigationView(found), { headers: { ETag: etag(found.version) } });
});

/** A partial update: the fields sent over the case as it is at the If-Match version, checked as the edit form is. */
export const PATCH = apiRoute('updateInvestigation', async ({ viewer, params, body, version, ip }) => {
  const { version: current, ...basics } = await readCaseBasics(viewer, params.id!);
  if (current !== version) throw new ConflictError('stale_version', { version: current, current: {} });
  const input = parseBody(caseBasicsEdit, { ...basics, ...(body as object), caseId: params.id, version });
  const saved = await updateCaseBasics(viewer, input, ip);
  return json({ id: params.id, version: saved.version }, { headers: { ETag: etag(saved.version) } });
});
