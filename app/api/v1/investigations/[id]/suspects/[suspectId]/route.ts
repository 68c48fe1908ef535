import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { suspectEdit } from '@/lib/validation/case-edit';
import { saveSuspect } from '@/db/queries/case-suspects';

export const PUT = apiRoute('replaceSuspect', async ({ viewer, params, body, version, ip }) => {
  const input = parseBody(suspectEdit, { ...(body as object), caseId: params.id, id: params.suspectId, version });
  const saved = await saveSuspect(viewer, input, ip);
  return json({ id: saved.id, version: saved.version }, { headers: { ETag: etag(saved.version) } });
});
