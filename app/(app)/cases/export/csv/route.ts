import { csvChunk, csvHeader, exportCells } from '@/lib/case-export';
import { downloadHeaders, prepareCaseExport } from '../load';

/** GET /cases/export/csv?<the list's filters>: every matching case in scope, streamed batch by batch. */
export async function GET(request: Request) {
  const prepared = await prepareCaseExport(request, 'csv');
  if (prepared instanceof Response) return prepared;
  const { columns, labels } = prepared;
  const batches = prepared.export.batches();
  const encoder = new TextEncoder();
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(csvHeader(columns, labels)));
        return;
      }
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvChunk(next.value.map((row) => exportCells(row, columns, labels)))));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, { headers: downloadHeaders('text/csv; charset=utf-8', prepared.filename) });
}
