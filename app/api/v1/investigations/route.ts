import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { apiRoute, json, parseBody } from '@/lib/api/handler';
import { caseInput } from '@/lib/validation/case-input';
import { listCases, type CaseListQuery } from '@/db/queries/case-list';
import { createInvestigation } from '@/db/queries/case-create';
import { problem } from '@/lib/api/problem';

export const GET = apiRoute('listInvestigations', async ({ viewer, query }) => {
  const page = await listCases(viewer, query as CaseListQuery);
  return json({
    items: page.rows.map((r) => ({ id: r.id, reference: r.reference, title: r.title, status: r.status, openedOn: r.openedOn, provinces: r.provincesEn })),
    total: page.total,
    sort: page.sort,
    nextCursor: page.nextCursor,
    prevCursor: page.prevCursor,
  });
});

export const POST = apiRoute('createInvestigation', async ({ viewer, body, ip, request }) => {
  const header = request.headers.get('idempotency-key');
  if (header !== null && !z.uuid().safeParse(header).success) {
    return problem(422, 'Idempotency-Key must be a UUID.', { errors: [{ field: 'Idempotency-Key', code: 'invalid', message: 'Must be a UUID' }] });
  }
  const input = parseBody(caseInput, body);
  const { id, created } = await createInvestigation(viewer, input, { submissionKey: header ?? randomUUID(), ip });
  return json({ id, created }, { status: created ? 201 : 200, headers: { Location: `/api/v1/investigations/${id}` } });
});
