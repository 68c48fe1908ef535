import { blindTags, decryptNullable, encryptNullable, type KeyRing } from '@/lib/security/field-crypto';

/**
 * The identity columns stored encrypted (lib/security/field-crypto.ts), by table: property
 * name -> column name. Every read and write of them goes through sealIdentity/openIdentity.
 */
export const IDENTITY_COLUMNS = {
  victims: { fullName: 'full_name', dateOfBirth: 'date_of_birth', contact: 'contact', notes: 'notes' },
  suspects: { fullName: 'full_name', alias: 'alias' },
  // Not identity, but as damaging in a stolen dump (anyone could compute the codes): the same
  // encryption, sealing and rotation. Read and written only in db/totp-secrets.ts.
  users: { totpSecret: 'totp_secret', totpPendingSecret: 'totp_pending_secret' },
} as const;

export type IdentityTable = keyof typeof IDENTITY_COLUMNS;

/** The purpose of the blind index over a suspect's name and alias words. */
export const SUSPECT_NAME_INDEX = 'suspects.name';

/** Binds a ciphertext to its table, column and row. */
export const identityContext = (table: IdentityTable, column: string, rowId: string) => `${table}.${column}:${rowId}`;

function columnsOf(table: IdentityTable): Record<string, string> {
  return IDENTITY_COLUMNS[table];
}

/**
 * The values to write for row `rowId`: its identity fields encrypted, the others as given.
 * A suspect's name tags are recomputed whenever its name or alias is written (both must be
 * given together, as every suspect form does).
 */
export function sealIdentity<T extends Record<string, unknown>>(table: IdentityTable, rowId: string, values: T, ring?: KeyRing): T & { nameTags?: string[] } {
  const out: Record<string, unknown> = { ...values };
  for (const [key, column] of Object.entries(columnsOf(table))) {
    if (out[key] === undefined) continue;
    out[key] = encryptNullable(out[key] as string | null, identityContext(table, column, rowId), ring);
  }
  if (table === 'suspects' && ('fullName' in values || 'alias' in values)) {
    if (values.fullName === undefined || values.alias === undefined) throw new Error('sealIdentity: a suspect\'s full name and alias are written together');
    out.nameTags = suspectNameTags(values.fullName as string | null, values.alias as string | null, ring);
  }
  return out as T;
}

export function suspectNameTags(fullName: string | null, alias: string | null, ring?: KeyRing): string[] {
  return [...new Set([...blindTags(fullName, SUSPECT_NAME_INDEX, ring), ...blindTags(alias, SUSPECT_NAME_INDEX, ring)])];
}

/** A row read back: its identity fields present in it decrypted. */
export function openIdentity<T extends Record<string, unknown>>(table: IdentityTable, rowId: string, row: T, ring?: KeyRing): T {
  const out: Record<string, unknown> = { ...row };
  for (const [key, column] of Object.entries(columnsOf(table))) {
    if (out[key] === undefined) continue;
    out[key] = decryptNullable(out[key] as string | null, identityContext(table, column, rowId), ring);
  }
  return out as T;
}
