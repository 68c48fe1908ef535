import { apiRoute, json } from '@/lib/api/handler';
import { arrestsView } from '@/lib/api/views';
import { getCase } from '@/db/queries/case-read';

export const GET = apiRoute('listArrests', async ({ viewer, params, ip }) => json({ items: arrestsView(await getCase(viewer, params.id!, ip)) }));
