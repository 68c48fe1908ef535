import { stringify } from 'csv-stringify/sync';
import { getViewer } from '@/lib/auth/viewer';
import { can } from '@/lib/policy';
import { templateRows } from '@/lib/case-import/format';
import { plainAnswer } from '@/lib/http/plain-answer';

/** GET /cases/import/template: the import file's columns with one example case (managers). */
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return plainAnswer(401);
  if (!can(viewer, 'cases:import')) return plainAnswer(403);
  return new Response('\uFEFF' + stringify(templateRows()), {
    headers: {
      'Cache-Control': 'no-store',
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="case-import-template.csv"',
    },
  });
}
