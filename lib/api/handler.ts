import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { bearerToken } from '@/lib/auth/api-token';
import { clientIp } from '@/lib/auth/request-info';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, ForbiddenError, NotFoundError, UnauthenticatedError } from '@/lib/errors';
import { parseActionInput } from '@/lib/validation/action-input';
import { isDatabaseUnavailable } from '@/lib/db-errors';
import { countApiCall, viewerForToken } from '@/db/queries/api-tokens';
import { fieldProblems, problem } from './problem';
import { operation, type OperationId } from './operations';
import { apiRateLimit } from './limits';

/** The largest request body accepted (the biggest form, a whole case, is far below it). */
export const MAX_BODY_BYTES = 256 * 1024;

export type ApiCall = {
  viewer: Viewer;
  ip: string | null;
  request: Request;
  params: Record<string, string>;
  query: Record<string, unknown>;
  /** The parsed body, merged with what the path and If-Match give (caseId, id, version). */
  body: unknown;
  /** The version in If-Match, for operations that need one. */
  version: number | null;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function json(data: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(data), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...init.headers },
  });
}

/** `"3"`, `W/"3"` or `3` (an ETag this API gave) as a version; anything else null. */
export function parseIfMatch(header: string | null): number | null {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header?.trim() ?? '');
  const n = match ? Number(match[1]) : NaN;
  return Number.isInteger(n) && n >= 1 ? n : null;
}

export const etag = (version: number) => `"${version}"`;

class BadRequest extends Error {
  constructor(readonly status: 400 | 413 | 415, message: string) {
    super(message);
  }
}

async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) throw new BadRequest(415, 'The body must be JSON (Content-Type: application/json).');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BadRequest(413, `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  // Read with a cap: a body without Content-Length is not trusted to be small.
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const next = await reader?.read();
    if (!next || next.done) break;
    size += next.value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader?.cancel();
      throw new BadRequest(413, `The body may be at most ${MAX_BODY_BYTES} bytes.`);
    }
    chunks.push(next.value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new BadRequest(400, 'The body is not valid JSON.');
  }
}

/** Each query parameter once (the first, as the app's filters take it). */
function queryOf(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) if (!(key in out)) out[key] = value;
  return out;
}

/**
 * One API route handler: the bearer token (never a cookie) to a Viewer, the per-token rate
 * limit, the path, query, If-Match and body parsed with the registry's schemas, then the
 * work, with every failure as problem details. Bad input never becomes a 500.
 */
export function apiRoute(id: OperationId, work: (call: ApiCall) => Promise<Response>) {
  const op = operation(id);
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const token = bearerToken(request.headers.get('authorization'));
      const viewer = token ? await viewerForToken(token) : null;
      if (!viewer) return problem(401, 'Send a valid personal access token: Authorization: Bearer <token>.', { headers: { 'WWW-Authenticate': 'Bearer realm="api"' } });

      const rate = apiRateLimit();
      const limit = await countApiCall(viewer.apiTokenId!, rate.calls, rate.windowSeconds);
      if (!limit.allowed) return problem(429, `At most ${rate.calls} calls in ${rate.windowSeconds} seconds per token.`, { headers: { 'Retry-After': String(limit.retryAfter) } });

      const rawParams = await context.params;
      const params: Record<string, string> = {};
      for (const [name, schema] of Object.entries(op.pathParams ?? {})) {
        const raw = rawParams[name];
        const parsed = schema.safeParse(Array.isArray(raw) ? raw[0] : raw);
        // A malformed id names nothing: the same answer as an id out of scope.
        if (!parsed.success) return problem(404, 'No such record, or not one you may see.');
        params[name] = String(parsed.data);
      }

      let query: Record<string, unknown> = {};
      if (op.query) {
        const parsed = parseActionInput(op.query, queryOf(request));
        if (!parsed.ok) return problem(422, 'Some query parameters are invalid.', { errors: fieldProblems(parsed.fieldErrors) });
        query = parsed.data as Record<string, unknown>;
      }

      let version: number | null = null;
      if (op.ifMatch) {
        const header = request.headers.get('if-match');
        if (!header) return problem(428, 'Send the record\'s version (its ETag) in If-Match.');
        version = parseIfMatch(header);
        if (version === null) return problem(412, 'If-Match does not name a version of this record.');
      }

      let body: unknown = undefined;
      if (op.body) {
        const raw = await readJsonBody(request);
        if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return problem(422, 'The body must be a JSON object.', { errors: [{ field: '_form', code: 'invalid', message: 'Invalid' }] });
        body = raw;
      }

      return await work({ viewer, ip: clientIp(request.headers), request, params, query, body, version });
    } catch (err) {
      return problemFor(err);
    }
  };
}

/** Parses a body with the form's schema; field errors become a 422 (thrown, mapped by apiRoute). */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = parseActionInput(schema, input);
  if (!parsed.ok) throw new FieldValidationError(parsed.fieldErrors);
  return parsed.data;
}

function problemFor(err: unknown): Response {
  if (err instanceof BadRequest) return problem(err.status, err.message);
  if (err instanceof UnauthenticatedError) return problem(401);
  if (err instanceof ForbiddenError) return problem(403, 'Your role may not do this.');
  if (err instanceof NotFoundError) return problem(404, 'No such record, or not one you may see.');
  if (err instanceof ConflictError) {
    if (err.message === 'stale_version') {
      const current = (err.detail as { version?: number } | undefined)?.version;
      return problem(412, 'The record changed since that version; read it again and retry. Nothing was changed.', current ? { headers: { ETag: etag(current) } } : {});
    }
    return problem(409, 'The request conflicts with the record\'s current state.');
  }
  if (err instanceof FieldValidationError) return problem(422, 'Some fields are invalid.', { errors: fieldProblems(err.fieldErrors) });
  const reference = randomUUID().slice(0, 8);
  console.error(`[api] failed, reference ${reference}: ${err instanceof Error ? err.name : 'error'}`);
  if (isDatabaseUnavailable(err)) return problem(503, `Try again shortly; quote reference ${reference}.`, { headers: { 'Retry-After': '30' } });
  return problem(500, `Quote reference ${reference} to the unit's administrator.`);
}
