import { apiRoute, etag, json, parseBody } from '@/lib/api/handler';
import { prosecutionsView } from '@/lib/api/views';
import { prosecutionEdit } from '@/lib/validation/prosecution';
import { getCase } from '@/db/queries/case-read';
import { saveProsecution } from '@/db/queries/case-prosecutions';

export const GET = apiRoute('listProsecutions', async ({ viewer, params, ip }) => json({ items: prosecutionsView(await getCase(viewer, params.id!, ip)) }));

export const POST = apiRoute('createProsecution', async ({ viewer, params, body, ip }) => {
  const input = parseBody(prosecutionEdit, { ...(body as object), caseId: params.id, id: null, version: null });
  const saved = await saveProsecution(viewer, input, ip);
  return json(
    { id: saved.id, version: saved.version, caseStatus: saved.caseStatus },
    { status: 201, headers: { ETag: etag(saved.version), Location: `/api/v1/investigations/${params.id}/prosecutions/${saved.id}` } },
  );
});
