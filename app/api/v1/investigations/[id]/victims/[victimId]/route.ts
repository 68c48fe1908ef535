import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { victimEdit } from '@/lib/validation/case-edit';
import { saveVictim } from '@/db/queries/case-victims';

export const PUT = apiRoute('replaceVictim', async ({ viewer, params, body, version, ip }) => {
  const input = parseBody(victimEdit, { ...(body as object), caseId: params.id, id: params.victimId, version });
  const saved = await saveVictim(viewer, input, ip);
  return json({ id: saved.id, version: saved.version }, { headers: { ETag: etag(saved.version) } });
});
