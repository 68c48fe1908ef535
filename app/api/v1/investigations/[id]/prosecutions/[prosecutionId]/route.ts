import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { prosecutionEdit } from '@/lib/validation/prosecution';
import { saveProsecution } from '@/db/queries/case-prosecutions';

export const PUT = apiRoute('replaceProsecution', async ({ viewer, params, body, version, ip }) => {
  const input = parseBody(prosecutionEdit, { ...(body as object), caseId: params.id, id: params.prosecutionId, version });
  const saved = await saveProsecution(viewer, input, ip);
  return json({ id: saved.id, version: saved.version }, { headers: { ETag: etag(saved.version) } });
});
