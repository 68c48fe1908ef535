import { describe, expect, it } from 'vitest';
import en from './en.json';
import km from './km.json';
import { SAME_IN_BOTH, hasWords } from './same-in-both';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const enLeaves = leaves(en as Tree);
const kmLeaves = leaves(km as Tree);

describe('messages', () => {
  it('has the same keys in English and Khmer', () => {
    expect([...kmLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('has no empty message', () => {
    for (const [key, value] of [...enLeaves, ...kmLeaves]) expect(value.trim(), key).not.toBe('');
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    for (const [key, value] of enLeaves) expect(placeholders(kmLeaves.get(key) ?? ''), key).toEqual(placeholders(value));
  });
});

describe('translations', () => {
  it('has no message left the same in English and Khmer, except names, codes and formats', () => {
    const same = [...enLeaves].filter(([key, value]) => kmLeaves.get(key) === value && hasWords(value) && !SAME_IN_BOTH.has(value));
    expect(same.map(([key, value]) => `${key}: ${value}`)).toEqual([]);
  });

  it('catches an untranslated message and lets codes through', () => {
    expect(hasWords('Save')).toBe(true);
    expect(hasWords('{count}')).toBe(false);
    expect(hasWords('—')).toBe(false);
    expect(SAME_IN_BOTH.has('CSV')).toBe(true);
  });
});
