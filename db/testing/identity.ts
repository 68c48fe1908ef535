import { decryptValue } from '@/lib/security/field-crypto';
import { IDENTITY_COLUMNS, identityContext, type IdentityTable } from '../identity-fields';
import type { TestDatabase } from './test-db';

/** A raw row (snake_case columns, with its id) with its encrypted identity columns decrypted. */
export function openRaw<R extends Record<string, unknown>>(table: IdentityTable, row: R & { id: string }): R {
  const out: Record<string, unknown> = { ...row };
  for (const column of Object.values(IDENTITY_COLUMNS[table])) {
    const value = out[column];
    if (typeof value === 'string') out[column] = decryptValue(value, identityContext(table, column, row.id));
  }
  return out as R;
}

/** Raw SQL over victims or suspects (select their id), its identity columns decrypted. */
export async function plainRows<R extends Record<string, unknown>>(testDb: TestDatabase, table: IdentityTable, text: string, params?: unknown[]): Promise<R[]> {
  const rows = await testDb.query<R & { id: string }>(text, params);
  return rows.map((row) => openRaw(table, row));
}
