import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { can } from '@/lib/policy';
import { ForbiddenError } from '@/lib/errors';
import { plainAnswer } from '@/lib/http/plain-answer';
import { isSameOrigin } from '@/lib/http/same-origin';
import { IMPORT_MAX_BYTES, importCases, type ImportMode } from '@/db/queries/case-import';
import type { ImportProblem } from '@/lib/case-import/format';

/**
 * POST /cases/import/upload?mode=check|import, the CSV file as the body. Answers NDJSON as it
 * reads: {"type":"progress","bytes":..,"lines":..} lines, then one {"type":"result",..}.
 * The body is read as a stream (never whole), and this path is left out of the proxy
 * (proxy.ts), which would otherwise buffer it.
 */
export async function POST(request: Request) {
  const h = await headers();
  if (!isSameOrigin(h)) return plainAnswer(403);
  const viewer = await getViewer();
  if (!viewer) return plainAnswer(401);
  const mode: ImportMode = new URL(request.url).searchParams.get('mode') === 'import' ? 'import' : 'check';
  const ip = clientIp(h);
  if (!can(viewer, 'cases:import')) {
    // The data layer refuses again and audits the refusal.
    await importCases(viewer, (async function* () {})(), { mode, ip }).catch(() => undefined);
    return plainAnswer(403);
  }
  if (Number(h.get('content-length') ?? 0) > IMPORT_MAX_BYTES) return plainAnswer(413);
  if (!request.body) return plainAnswer(400);

  const t = await getTranslations();
  const describe = (p: ImportProblem) => ({
    ...p,
    message: t.has(`caseImport.errors.${p.code}` as never) ? t(`caseImport.errors.${p.code}` as never) : t.has(`caseForm.errors.${p.code}` as never) ? t(`caseForm.errors.${p.code}` as never) : t('caseForm.errors.invalid'),
  });
  const body = request.body;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: unknown) => controller.enqueue(encoder.encode(JSON.stringify(value) + '\n'));
      try {
        const summary = await importCases(viewer, body as unknown as AsyncIterable<Uint8Array>, { mode, ip, onProgress: (p) => send({ type: 'progress', ...p }) });
        send({ type: 'result', ...summary, problems: summary.problems.map(describe) });
      } catch (err) {
        // Never the file's contents in a log: only what kind of failure it was.
        console.error('[import] failed:', err instanceof Error ? err.name : 'unknown');
        send({ type: 'error', message: t(err instanceof ForbiddenError ? 'errors.forbiddenTitle' : 'errors.generic') });
      } finally {
        await body.cancel().catch(() => undefined);
        controller.close();
      }
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'application/x-ndjson; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}
