import { apiRoute, json } from '@/lib/api/handler';
import { getYearFigures } from '@/db/queries/metrics';

export const GET = apiRoute('getFigures', async ({ viewer, params, query }) => {
  const { province, offence } = query as { province?: string; offence?: string };
  return json(await getYearFigures(viewer, { year: Number(params.year), province: province ?? null, offenceType: offence ?? null }));
});
