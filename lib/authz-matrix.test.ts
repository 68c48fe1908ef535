import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MATRIX, PERSONAS, entryKey } from './authz-matrix';

const root = path.resolve(__dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full) : [full];
  });
}

/** A file is a server-action module when its first statement is the 'use server' directive. */
function isUseServer(text: string): boolean {
  const code = text.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/g, '').trimStart();
  return /^['"]use server['"]/.test(code);
}

/** Every exported name of a module: `export const X`, `export (async) function X`, `export { X, Y as Z }`. */
function exportedNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^export\s+(?:const|let|var|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/gm)) names.add(m[1]!);
  for (const m of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(',')) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith('type ')) names.add(name);
    }
  }
  if (/^export\s+default\b/m.test(text)) names.add('default');
  return [...names];
}

/** What app/ holds today: pages, route handlers and each exported server action. */
function inventory(): string[] {
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const keys: string[] = [];
  for (const file of walk(path.join(root, 'app'))) {
    const name = path.basename(file);
    const isApi = rel(file).startsWith('app/api/v1/');
    if (/^route\.(ts|js)$/.test(name) && isApi) {
      // One entry per HTTP method: each takes a bearer token and has its own outcomes.
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) keys.push(`${rel(file)}#${m[1]}`);
    } else if (/^page\.(tsx|ts|jsx|js)$/.test(name) || /^route\.(ts|js)$/.test(name)) keys.push(rel(file));
    if (/\.(ts|tsx|js)$/.test(name)) {
      const text = readFileSync(file, 'utf8');
      if (isUseServer(text)) for (const exported of exportedNames(text)) keys.push(`${rel(file)}#${exported}`);
    }
  }
  return keys.sort();
}

describe('authorization matrix inventory', () => {
  const actual = inventory();
  const listed = MATRIX.map(entryKey).sort();

  it('finds the pages, route handlers and server actions it should (the walker itself works)', () => {
    expect(actual).toContain('app/(app)/cases/[id]/page.tsx');
    expect(actual).toContain('app/(app)/admin/audit/csv/route.ts');
    expect(actual).toContain('app/(app)/cases/[id]/actions.ts#updateBasicsAction');
    expect(actual).toContain('app/(app)/home/actions.ts#findCaseAction');
    expect(actual.filter((k) => k.includes('#')).length).toBeGreaterThan(40);
    expect(actual).toContain('app/api/v1/investigations/[id]/route.ts#PATCH');
  });

  it('lists every page, route handler and server action that exists in app/', () => {
    const missing = actual.filter((k) => !listed.includes(k));
    expect(missing, 'add these to lib/authz-matrix.ts with the expected outcome per persona').toEqual([]);
  });

  it('lists nothing that no longer exists', () => {
    const stale = listed.filter((k) => !actual.includes(k));
    expect(stale, 'remove these from lib/authz-matrix.ts').toEqual([]);
  });

  it('lists each entry once, with an outcome for every persona', () => {
    expect(new Set(listed).size).toBe(listed.length);
    for (const entry of MATRIX) expect(Object.keys(entry.expect).sort(), entryKey(entry)).toEqual([...PERSONAS].sort());
  });

  it('never allows a signed-out or deactivated visitor anything but the public entries', () => {
    const PUBLIC = new Set([
      'app/(auth)/login/page.tsx', 'app/(auth)/set-password/[token]/page.tsx', 'app/api/auth/[...nextauth]/route.ts',
      'app/actions.ts#setLocaleAction', 'app/(auth)/login/actions.ts#loginAction', 'app/(auth)/set-password/[token]/actions.ts#setPasswordAction',
      // The second step of signing in: its challenge cookie is the credential.
      'app/(auth)/login/two-step/actions.ts#verifyCodeAction', 'app/(auth)/login/two-step/actions.ts#confirmEnrolmentAction',
      'app/(auth)/login/two-step/actions.ts#finishEnrolmentAction',
      'app/api/v1/openapi.json/route.ts#GET',
    ]);
    // Left out of the proxy (proxy.ts: it would buffer the upload), so no redirect: the handler answers 401.
    const OUTSIDE_PROXY = new Set(['app/(app)/cases/import/upload/route.ts']);
    for (const entry of MATRIX) {
      if (PUBLIC.has(entryKey(entry))) continue;
      if (entry.kind === 'api') {
        // The REST API answers 401 (no redirect): no token, an unknown one, or a deactivated owner's.
        expect(entry.expect.anonymous, entryKey(entry)).toBe('unauthorized');
        expect(entry.expect.deactivated, entryKey(entry)).toBe('unauthorized');
        continue;
      }
      expect(entry.expect.anonymous, entryKey(entry)).toBe(OUTSIDE_PROXY.has(entryKey(entry)) ? 'unauthorized' : 'login');
      expect(['login', 'unauthorized'], entryKey(entry)).toContain(entry.expect.deactivated);
    }
  });
});
