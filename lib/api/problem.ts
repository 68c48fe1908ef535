import en from '@/messages/en.json';

/**
 * RFC 9457 problem details: the one shape of every error the API returns. `type` is a
 * stable URI per kind of problem (documented in the OpenAPI reference), `title` the kind in
 * words, `detail` this occurrence. Never names, notes or other case contents.
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** 422 only: one entry per field, with the form's message key and its English text. */
  errors?: { field: string; code: string; message: string }[];
};

export const PROBLEMS = {
  400: { slug: 'malformed-request', title: 'Malformed request' },
  401: { slug: 'unauthenticated', title: 'Missing, invalid, revoked or expired token' },
  403: { slug: 'forbidden', title: 'Your role may not do this' },
  404: { slug: 'not-found', title: 'Not found' },
  409: { slug: 'conflict', title: 'Conflict' },
  412: { slug: 'stale-version', title: 'The record changed since the version in If-Match' },
  413: { slug: 'body-too-large', title: 'Request body too large' },
  415: { slug: 'unsupported-media-type', title: 'Send application/json' },
  422: { slug: 'validation', title: 'Some fields are invalid' },
  428: { slug: 'if-match-required', title: 'If-Match with the record\'s version is required' },
  429: { slug: 'rate-limited', title: 'Too many requests' },
  500: { slug: 'server-error', title: 'The service could not answer' },
  503: { slug: 'unavailable', title: 'The database cannot be reached right now' },
} as const;
export type ProblemStatus = keyof typeof PROBLEMS;

export const problemType = (status: ProblemStatus) => `/api-docs#problem-${PROBLEMS[status].slug}`;

export function problemBody(status: ProblemStatus, detail?: string, errors?: Problem['errors']): Problem {
  return { type: problemType(status), title: PROBLEMS[status].title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

export function problem(status: ProblemStatus, detail?: string, options: { errors?: Problem['errors']; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(problemBody(status, detail, options.errors)), {
    status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...options.headers },
  });
}

/** The English text of a form's message key ("caseEdit.errors.required", or a bare "required" of the case form). */
function englishMessage(key: string): string {
  const lookup = (path: string) => path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), en);
  for (const path of [key, `caseForm.errors.${key}`, `apiTokens.errors.${key}`]) {
    const found = lookup(path);
    if (typeof found === 'string') return found;
  }
  return key;
}

/** Field errors of the forms' schemas (path to message key) as problem details' entries. */
export function fieldProblems(fieldErrors: Record<string, string>): NonNullable<Problem['errors']> {
  return Object.entries(fieldErrors).map(([field, code]) => ({ field, code, message: englishMessage(code) }));
}
