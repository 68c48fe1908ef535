import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/lib/data-dir';

/**
 * Application-level encryption of single values (AES-256-GCM), so a database dump alone
 * reveals none of them. A stored value reads `enc:v1:<keyId>:<base64url(iv | tag | ciphertext)>`;
 * the context (e.g. `victims.full_name:<row id>`) is authenticated with it, so a value copied
 * into another column or row no longer decrypts.
 *
 * Keys come from FIELD_ENCRYPTION_KEYS, a key ring `id:base64key,id:base64key` whose first key
 * encrypts and all of which decrypt. The embedded demo (no DATABASE_URL) generates one into its
 * git-ignored data folder. Error messages never carry key material or values.
 */
export const FIELD_KEYS_VARIABLE = 'FIELD_ENCRYPTION_KEYS';
export const ENCRYPTED_PREFIX = 'enc:v1:';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

export type FieldKey = { id: string; key: Buffer };
export type KeyRing = { current: FieldKey; keys: ReadonlyMap<string, FieldKey> };

export class FieldCryptoError extends Error {
  override name = 'FieldCryptoError';
}

/** Parses `id:base64,id:base64` (current key first). */
export function parseKeyRing(text: string): KeyRing {
  const keys = new Map<string, FieldKey>();
  const entries = text.split(',').map((e) => e.trim()).filter(Boolean);
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!KEY_ID.test(id)) throw new FieldCryptoError(`${FIELD_KEYS_VARIABLE}: entry ${index + 1} must read <id>:<base64 key>, the id of letters, digits, - or _.`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== KEY_BYTES) throw new FieldCryptoError(`${FIELD_KEYS_VARIABLE}: key "${id}" must be ${KEY_BYTES} bytes, base64-encoded (e.g. openssl rand -base64 32).`);
    if (keys.has(id)) throw new FieldCryptoError(`${FIELD_KEYS_VARIABLE}: key id "${id}" appears twice.`);
    keys.set(id, { id, key });
  }
  const current = keys.values().next().value;
  if (!current) throw new FieldCryptoError(`${FIELD_KEYS_VARIABLE} holds no key.`);
  return { current, keys };
}

/** A new key ring entry, `<id>:<base64 of 32 random bytes>`. */
export function newKeyEntry(id: string): string {
  return `${id}:${randomBytes(KEY_BYTES).toString('base64')}`;
}

let cached: { source: string; ring: KeyRing } | undefined;

/** The key ring of this process (FIELD_ENCRYPTION_KEYS, else the embedded demo's file). */
export function keyRing(): KeyRing {
  const source = process.env[FIELD_KEYS_VARIABLE] || embeddedKeys();
  if (cached?.source !== source) cached = { source, ring: parseKeyRing(source) };
  return cached.ring;
}

function embeddedKeys(): string {
  if (process.env.DATABASE_URL) {
    throw new FieldCryptoError(`${FIELD_KEYS_VARIABLE} must be set when DATABASE_URL is set (see README, "Configuration").`);
  }
  const file = path.join(dataDir(), 'field-keys');
  mkdirSync(dataDir(), { recursive: true });
  try {
    writeFileSync(file, newKeyEntry('demo1'), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readFileSync(file, 'utf8').trim();
}

export function isEncrypted(value: string): boolean {
  return value.startsWith(ENCRYPTED_PREFIX);
}

/** The id of the key a stored value was encrypted with (null for plain text). */
export function keyIdOf(value: string): string | null {
  if (!isEncrypted(value)) return null;
  const rest = value.slice(ENCRYPTED_PREFIX.length);
  const colon = rest.indexOf(':');
  return colon > 0 ? rest.slice(0, colon) : null;
}

// The version and key id are authenticated too: a value cannot be relabelled.
const associatedData = (keyId: string, context: string) => Buffer.from(`${ENCRYPTED_PREFIX}${keyId}:${context}`, 'utf8');

export function encryptValue(plain: string, context: string, ring: KeyRing = keyRing()): string {
  const { id, key } = ring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(id, context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${ENCRYPTED_PREFIX}${id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** Decrypts a stored value; a wrong key, another context or any change to it throws. */
export function decryptValue(stored: string, context: string, ring: KeyRing = keyRing()): string {
  const id = keyIdOf(stored);
  if (!id) throw new FieldCryptoError('The value is not in the encrypted format.');
  const entry = ring.keys.get(id);
  if (!entry) throw new FieldCryptoError(`No key "${id}" in ${FIELD_KEYS_VARIABLE}: an older key was removed too soon.`);
  const packed = Buffer.from(stored.slice(ENCRYPTED_PREFIX.length + id.length + 1), 'base64url');
  if (packed.length < IV_BYTES + TAG_BYTES) throw new FieldCryptoError('The encrypted value is truncated.');
  const decipher = createDecipheriv(ALGORITHM, entry.key, packed.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(id, context));
  decipher.setAuthTag(packed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(packed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new FieldCryptoError('The encrypted value failed its integrity check (wrong key, wrong column or row, or changed).');
  }
}

export const encryptNullable = (value: string | null, context: string, ring?: KeyRing) =>
  value === null ? null : encryptValue(value, context, ring);
export const decryptNullable = (value: string | null, context: string, ring?: KeyRing) =>
  value === null ? null : decryptValue(value, context, ring);

// --- blind index: equality search over encrypted words --------------------------------

/** Lowercase NFC words: letters, marks (Khmer vowel signs) and digits; everything else splits. */
export function searchWords(text: string): string[] {
  return [...new Set(text.normalize('NFC').toLocaleLowerCase('en').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean))];
}

const blindKeys = new WeakMap<FieldKey, Buffer>();

// A key of its own for the index (HKDF, another purpose), never the encryption key itself.
function blindKey(entry: FieldKey): Buffer {
  let key = blindKeys.get(entry);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', entry.key, Buffer.alloc(0), 'cpu-case-records blind index v1', 32));
    blindKeys.set(entry, key);
  }
  return key;
}

/** The tag of one normalised word under one key: `<keyId>:<base64url of 128 bits of HMAC-SHA256>`. */
function wordTag(entry: FieldKey, purpose: string, word: string): string {
  const mac = createHmac('sha256', blindKey(entry)).update(`${purpose}\u0000${word}`, 'utf8').digest();
  return `${entry.id}:${mac.subarray(0, 16).toString('base64url')}`;
}

/** The tags to store for a text: one per distinct word, under the current key. */
export function blindTags(text: string | null, purpose: string, ring: KeyRing = keyRing()): string[] {
  return text ? searchWords(text).map((w) => wordTag(ring.current, purpose, w)) : [];
}

/**
 * For each word of a query, the tags it may be stored under (one per key in the ring, so a
 * search still finds rows not yet re-indexed during a key rotation).
 */
export function blindQueryTags(query: string, purpose: string, ring: KeyRing = keyRing()): string[][] {
  return searchWords(query).map((w) => [...ring.keys.values()].map((k) => wordTag(k, purpose, w)));
}
