import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { openApiDocument } from '@/lib/api/openapi';

const apiRoot = path.resolve(__dirname);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? walk(full) : [full];
  });
}

/** "METHOD /path" for every exported HTTP method of every route file under app/api/v1. */
function routesOnDisk(): string[] {
  const found: string[] = [];
  for (const file of walk(apiRoot).filter((f) => /[\\/]route\.(ts|js)$/.test(f))) {
    const route = path.relative(apiRoot, path.dirname(file)).split(path.sep).join('/');
    const openApiPath = `/${route}`.replace(/\[([^\]]+)\]/g, '{$1}');
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^export\s+(?:const|(?:async\s+)?function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/gm)) found.push(`${m[1]} ${openApiPath}`);
  }
  return found.sort();
}

function routesInDocument(): string[] {
  const doc = openApiDocument();
  return Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${p}`)).sort();
}

describe('the OpenAPI document of /api/v1', () => {
  it('is a valid OpenAPI 3.1 document (checked by @readme/openapi-parser)', async () => {
    const doc = openApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('finds the route files it should (the walker itself works)', () => {
    const disk = routesOnDisk();
    expect(disk).toContain('GET /investigations');
    expect(disk).toContain('PATCH /investigations/{id}');
    expect(disk).toContain('PUT /investigations/{id}/suspects/{suspectId}/arrest');
    expect(disk.length).toBeGreaterThanOrEqual(17);
  });

  it('lists every route and method under app/api/v1, and nothing else', () => {
    expect(routesInDocument()).toEqual(routesOnDisk());
  });

  it('documents the request bodies from the forms\' zod schemas, without what the path and If-Match give', () => {
    const schemas = openApiDocument().components.schemas as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    const suspect = schemas.createSuspectBody!;
    expect(Object.keys(suspect.properties!)).toEqual(expect.arrayContaining(['fullName', 'relationship', 'status', 'arrestedOn']));
    expect(suspect.properties).not.toHaveProperty('caseId');
    expect(suspect.properties).not.toHaveProperty('version');
    expect(suspect.required).toEqual(expect.arrayContaining(['sex', 'relationship', 'status']));
    // The case form's limits come through: at most 30 victims, a title of at most 300 characters.
    const created = schemas.createInvestigationBody!.properties as Record<string, { maxItems?: number; maxLength?: number }>;
    expect(created.victims!.maxItems).toBe(30);
    expect(created.title!.maxLength).toBe(300);
    // A partial update requires nothing.
    expect(schemas.updateInvestigationBody!.required).toBeUndefined();
  });
});
