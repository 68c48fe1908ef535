import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { parseActionInput } from './action-input';
import { arrestRecord, caseArchive, caseBasicsEdit, caseRestore, childRemove, locationEdit, serviceEdit, statusMove, suspectEdit, victimEdit } from './case-edit';
import { hearingEdit, prosecutionEdit } from './prosecution';
import { agencyShareChange, leadSet, liaisonShareChange, teamMemberChange } from './case-team';
import { newCaseInput } from './case-input';
import { expenditureEdit, expenditureRemove } from './expenditure';
import { reportDraftEdit, reportPublish, reportStart } from './annual-report';
import { agencyActive, agencyEdit, referenceActive, referenceEdit, referenceMove } from './admin-lists';
import { changeRoleInput, createUserInput, sessionIdInput, userIdInput } from './people';
import { changePasswordInput, setPasswordInput } from './password';
import { createTokenInput, tokenIdInput } from './api-token';
import { passwordAndCodeInput, startTwoStepInput, twoStepCodeInput } from './two-step';

/**
 * Every server action parses its raw input with parseActionInput before anything else (and
 * writes nothing when it refuses). Malformed input of every kind must come back as field
 * messages, never as an exception (a 500), and what passes must be storable text.
 */
const SCHEMAS: Record<string, z.ZodType> = {
  newCaseInput, caseBasicsEdit, locationEdit, suspectEdit, victimEdit, serviceEdit, childRemove, statusMove, caseArchive,
  caseRestore, arrestRecord, prosecutionEdit, hearingEdit, leadSet, teamMemberChange, agencyShareChange, liaisonShareChange,
  expenditureEdit, expenditureRemove, reportDraftEdit, reportPublish, reportStart, agencyEdit, agencyActive, referenceEdit,
  referenceActive, referenceMove, createUserInput, changeRoleInput, userIdInput, changePasswordInput, sessionIdInput, setPasswordInput,
  createTokenInput, tokenIdInput, startTwoStepInput, twoStepCodeInput, passwordAndCodeInput,
};

/** The schema names the app's server actions use (validatedAction(schema, …) or parseActionInput(schema, …)). */
function schemasUsedByActions(): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const file = path.join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (/actions\.ts$/.test(entry)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/(?:validatedAction|parseActionInput)\((\w+)/g)) used.add(m[1]!);
      }
    }
  };
  walk(path.join(process.cwd(), 'app'));
  return used;
}

const NASTY_TEXT = [
  '', ' ', '\u0000', 'a\u0000b', '\u202eevil\u202c', '\ud800', 'x\udc00', '<img src=x onerror=alert(1)>', "'; drop table investigations; --",
  '=HYPERLINK("http://x")', '𝕏'.repeat(300), 'ក្មេងស្រី', '9'.repeat(400), '-1', '1e309', 'NaN', '2024-02-30', '0000-00-00', '00000000-0000-0000-0000-000000000000',
];
const nastyString = fc.oneof(fc.constantFrom(...NASTY_TEXT), fc.string(), fc.string({ minLength: 10_000, maxLength: 30_000 }), fc.string({ unit: 'binary' }));
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, undefined, true, false, NaN, Infinity, -Infinity, -1, 0, 2 ** 53, -(2 ** 31), 1e308),
  fc.integer(), fc.double(),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), nastyString, { maxKeys: 3 }),
);
const keysOf = (schema: z.ZodType) => Object.keys((schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});

/** Every string anywhere in a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

describe('malformed input to every server action', () => {
  it('every schema an action uses is fuzzed here', () => {
    const used = schemasUsedByActions();
    expect([...used].filter((name) => !(name in SCHEMAS))).toEqual([]);
    expect(used.size).toBeGreaterThan(25);
  });

  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name}: field messages, never an exception; whatever passes is storable`, () => {
      const keys = keysOf(schema);
      const shaped = keys.length
        ? fc.record(Object.fromEntries(keys.map((k) => [k, nastyValue])), { requiredKeys: [] })
        : fc.constant({});
      fc.assert(fc.property(fc.oneof(fc.anything(), shaped, nastyValue), (raw) => {
        const result = parseActionInput(schema, raw);
        if (!result.ok) {
          expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0);
          for (const key of Object.values(result.fieldErrors)) expect(typeof key === 'string' && key.length > 0).toBe(true);
          return;
        }
        for (const s of strings(result.data)) {
          expect(s).not.toMatch(/\u0000/);
          expect(s.length).toBeLessThanOrEqual(20_000);
        }
      }), { numRuns: 300 });
    });
  }

  it('NUL and lone surrogates are refused at the field they are in', () => {
    expect(parseActionInput(caseArchive, { caseId: crypto.randomUUID(), version: 1, reason: 'dup\u0000licate' }))
      .toEqual({ ok: false, fieldErrors: { reason: 'caseEdit.errors.invalid' } });
    expect(parseActionInput(newCaseInput, { locations: [{ district: 'Ta\ud800' }] }))
      .toEqual({ ok: false, fieldErrors: { 'locations.0.district': 'caseEdit.errors.invalid' } });
  });
});
