import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { arrestRecord } from '@/lib/validation/case-edit';
import { recordArrest } from '@/db/queries/case-arrests';

export const PUT = apiRoute('recordArrest', async ({ viewer, params, body, version, ip }) => {
  const input = parseBody(arrestRecord, { ...(body as object), caseId: params.id, id: params.suspectId, version });
  const saved = await recordArrest(viewer, input, ip);
  return json({ id: saved.id, version: saved.version, corrected: saved.corrected, caseStatus: saved.status }, { headers: { ETag: etag(saved.version) } });
});
