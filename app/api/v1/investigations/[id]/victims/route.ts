import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { victimsView } from '@/lib/api/views';
import { victimEdit } from '@/lib/validation/case-edit';
import { getCase } from '@/db/queries/case-read';
import { saveVictim } from '@/db/queries/case-victims';

export const GET = apiRoute('listVictims', async ({ viewer, params, ip }) => json(victimsView(await getCase(viewer, params.id!, ip))));

export const POST = apiRoute('createVictim', async ({ viewer, params, body, ip }) => {
  const input = parseBody(victimEdit, { ...(body as object), caseId: params.id, id: null, version: null });
  const saved = await saveVictim(viewer, input, ip);
  return json({ id: saved.id, version: saved.version }, { status: 201, headers: { ETag: etag(saved.version), Location: `/api/v1/investigations/${params.id}/victims/${saved.id}` } });
});
