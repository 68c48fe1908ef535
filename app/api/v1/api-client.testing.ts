import * as investigations from './investigations/route';
import * as investigation from './investigations/[id]/route';
import * as suspects from './investigations/[id]/suspects/route';
import * as suspect from './investigations/[id]/suspects/[suspectId]/route';
import * as arrest from './investigations/[id]/suspects/[suspectId]/arrest/route';
import * as arrests from './investigations/[id]/arrests/route';
import * as victims from './investigations/[id]/victims/route';
import * as victim from './investigations/[id]/victims/[victimId]/route';
import * as prosecutions from './investigations/[id]/prosecutions/route';
import * as prosecution from './investigations/[id]/prosecutions/[prosecutionId]/route';
import * as figures from './figures/[year]/route';
import * as openapi from './openapi.json/route';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** The route modules by their directory under app/api/v1, as Next.js would route to them. */
const ROUTES: [string, Record<string, unknown>][] = [
  ['investigations', investigations],
  ['investigations/[id]', investigation],
  ['investigations/[id]/suspects', suspects],
  ['investigations/[id]/suspects/[suspectId]', suspect],
  ['investigations/[id]/suspects/[suspectId]/arrest', arrest],
  ['investigations/[id]/arrests', arrests],
  ['investigations/[id]/victims', victims],
  ['investigations/[id]/victims/[victimId]', victim],
  ['investigations/[id]/prosecutions', prosecutions],
  ['investigations/[id]/prosecutions/[prosecutionId]', prosecution],
  ['figures/[year]', figures],
  ['openapi.json', openapi],
];

export type ApiRequest = {
  token?: string | null;
  body?: unknown;
  /** A body sent as is (malformed JSON, a huge one). */
  rawBody?: string;
  ifMatch?: string | number;
  headers?: Record<string, string>;
};

export type ApiAnswer = { status: number; json: Record<string, unknown>; text: string; headers: Headers };

/** Calls the exported route handler for "METHOD /api/v1/..." with a real Request, as Next.js would. */
export async function callApi(method: string, url: string, req: ApiRequest = {}): Promise<ApiAnswer> {
  const full = new URL(url, 'http://127.0.0.1');
  const rel = full.pathname.replace(/^\/api\/v1\//, '');
  for (const [pattern, mod] of ROUTES) {
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/\./g, '\\.').replace(/\[(\w+)\]/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
    const match = regex.exec(rel);
    if (!match) continue;
    const handler = mod[method] as Handler | undefined;
    if (!handler) throw new Error(`no ${method} on ${pattern}`);
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
    const headers: Record<string, string> = { ...req.headers };
    if (req.token) headers.authorization = `Bearer ${req.token}`;
    if (req.ifMatch !== undefined) headers['if-match'] = typeof req.ifMatch === 'number' ? `"${req.ifMatch}"` : req.ifMatch;
    let body: string | undefined = req.rawBody;
    if (req.body !== undefined) body = JSON.stringify(req.body);
    if (body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await handler(new Request(full, { method, headers, body }), { params: Promise.resolve(params) });
    const text = await response.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      json = {};
    }
    return { status: response.status, json, text, headers: response.headers };
  }
  throw new Error(`no route for ${rel}`);
}
