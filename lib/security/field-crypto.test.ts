import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  blindQueryTags, blindTags, decryptValue, encryptValue, FIELD_KEYS_VARIABLE, FieldCryptoError, keyIdOf, keyRing,
  newKeyEntry, parseKeyRing, searchWords,
} from './field-crypto';

const k1 = newKeyEntry('k1');
const k2 = newKeyEntry('k2');
const ring1 = parseKeyRing(k1);
const ring21 = parseKeyRing(`${k2},${k1}`);

describe('encryptValue / decryptValue', () => {
  it('round-trips Khmer and Latin text in the versioned format, with a fresh IV every time', () => {
    const name = 'សុខ ដារ៉ា Dara';
    const a = encryptValue(name, 'victims.full_name:row-1', ring1);
    const b = encryptValue(name, 'victims.full_name:row-1', ring1);
    expect(a).toMatch(/^enc:v1:k1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('Dara');
    expect(keyIdOf(a)).toBe('k1');
    expect(decryptValue(a, 'victims.full_name:row-1', ring1)).toBe(name);
    expect(decryptValue(b, 'victims.full_name:row-1', ring1)).toBe(name);
  });

  it('refuses a wrong key, another column or row, a changed byte and a relabelled key id', () => {
    const stored = encryptValue('Canary', 'victims.full_name:row-1', ring1);
    const otherKey = parseKeyRing(`k1:${Buffer.alloc(32, 7).toString('base64')}`);
    expect(() => decryptValue(stored, 'victims.full_name:row-1', otherKey)).toThrow(FieldCryptoError);
    expect(() => decryptValue(stored, 'victims.contact:row-1', ring1)).toThrow(/integrity/);
    expect(() => decryptValue(stored, 'victims.full_name:row-2', ring1)).toThrow(/integrity/);

    const body = Buffer.from(stored.slice('enc:v1:k1:'.length), 'base64url');
    for (const at of [0, 12, 28, body.length - 1]) {
      const changed = Buffer.from(body);
      changed[at]! ^= 1;
      expect(() => decryptValue(`enc:v1:k1:${changed.toString('base64url')}`, 'victims.full_name:row-1', ring1)).toThrow(/integrity/);
    }
    const bothKeys = parseKeyRing(`${k1},k2:${k1.slice(3)}`);
    expect(() => decryptValue(stored.replace('enc:v1:k1:', 'enc:v1:k2:'), 'victims.full_name:row-1', bothKeys)).toThrow(/integrity/);
    expect(() => decryptValue('Canary', 'victims.full_name:row-1', ring1)).toThrow(/not in the encrypted format/);
    expect(() => decryptValue('enc:v1:k1:AAAA', 'victims.full_name:row-1', ring1)).toThrow(/truncated/);
  });

  it('encrypts with the first key of the ring and still decrypts with the older ones', () => {
    const old = encryptValue('Old name', 'suspects.alias:row-9', ring1);
    const fresh = encryptValue('New name', 'suspects.alias:row-9', ring21);
    expect(keyIdOf(fresh)).toBe('k2');
    expect(decryptValue(old, 'suspects.alias:row-9', ring21)).toBe('Old name');
    expect(() => decryptValue(fresh, 'suspects.alias:row-9', ring1)).toThrow(/No key "k2"/);
  });
});

describe('parseKeyRing', () => {
  it('refuses malformed rings without repeating the key material', () => {
    const short = `k1:${Buffer.alloc(16, 1).toString('base64')}`;
    for (const bad of ['', 'nokey', `bad id:${k1.slice(3)}`, short, `${k1},${k1}`]) {
      let message = '';
      try {
        parseKeyRing(bad);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, bad).toContain(FIELD_KEYS_VARIABLE);
      expect(message).not.toContain(k1.slice(3));
      expect(message).not.toContain(short.slice(3));
    }
  });
});

describe('keyRing(): where the key comes from', () => {
  const saved = { keys: process.env[FIELD_KEYS_VARIABLE], url: process.env.DATABASE_URL, dir: process.env.DATA_DIR };
  const restore = (name: string, value: string | undefined) => (value === undefined ? delete process.env[name] : (process.env[name] = value));
  afterEach(() => {
    restore(FIELD_KEYS_VARIABLE, saved.keys);
    restore('DATABASE_URL', saved.url);
    restore('DATA_DIR', saved.dir);
  });

  it('refuses to run on PostgreSQL without FIELD_ENCRYPTION_KEYS, naming the variable', () => {
    delete process.env[FIELD_KEYS_VARIABLE];
    process.env.DATABASE_URL = 'postgres://example.invalid/db';
    expect(() => keyRing()).toThrow(`${FIELD_KEYS_VARIABLE} must be set when DATABASE_URL is set`);
  });

  it('generates the embedded demo\'s key once into its data folder, readable only by its owner', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cpu-field-keys-'));
    try {
      delete process.env[FIELD_KEYS_VARIABLE];
      delete process.env.DATABASE_URL;
      process.env.DATA_DIR = dir;
      const first = keyRing();
      const file = path.join(dir, 'field-keys');
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(keyRing().current.key.equals(first.current.key)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('blind index', () => {
  it('splits names into lowercase NFC words, keeping Khmer script whole', () => {
    expect(searchWords('  Sok-DARA, "Ta Sok" ')).toEqual(['sok', 'dara', 'ta']);
    expect(searchWords('ហ៊ុល ស៊ីថា')).toEqual(['ហ៊ុល', 'ស៊ីថា']);
    expect(searchWords('Cafe\u0301')).toEqual(searchWords('Café'));
    expect(searchWords(' - ')).toEqual([]);
  });

  it('gives equal words equal tags under one key, no plain text, and query tags for every key of the ring', () => {
    const tags = blindTags('Sok Dara', 'suspects.name', ring21);
    expect(tags).toHaveLength(2);
    expect(tags.join(' ')).not.toMatch(/sok|dara/i);
    expect(blindTags('SOK', 'suspects.name', ring21)[0]).toBe(tags[0]);
    expect(blindTags('Sok', 'victims.name', ring21)[0]).not.toBe(tags[0]);
    const query = blindQueryTags('sok', 'suspects.name', ring21);
    expect(query).toHaveLength(1);
    expect(query[0]).toContain(tags[0]);
    expect(query[0]).toContain(blindTags('Sok', 'suspects.name', ring1)[0]);
  });
});
