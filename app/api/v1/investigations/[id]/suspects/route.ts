import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { suspectsView } from '@/lib/api/views';
import { suspectEdit } from '@/lib/validation/case-edit';
import { getCase } from '@/db/queries/case-read';
import { saveSuspect } from '@/db/queries/case-suspects';

export const GET = apiRoute('listSuspects', async ({ viewer, params, ip }) => json({ items: suspectsView(await getCase(viewer, params.id!, ip)) }));

export const POST = apiRoute('createSuspect', async ({ viewer, params, body, ip }) => {
  const input = parseBody(suspectEdit, { ...(body as object), caseId: params.id, id: null, version: null });
  const saved = await saveSuspect(viewer, input, ip);
  return json({ id: saved.id, version: saved.version }, { status: 201, headers: { ETag: etag(saved.version), Location: `/api/v1/investigations/${params.id}/suspects/${saved.id}` } });
});
