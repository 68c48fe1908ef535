import { describe, expect, it } from 'vitest';
import { safeCallbackPath } from './login';

describe('safeCallbackPath', () => {
  it.each([
    ['http://localhost:3000/cases?after=abc', '/cases?after=abc'],
    ['/cases/123', '/cases/123'],
    ['https://evil.example/steal', '/steal'],
    ['//evil.example/x', '/x'],
    ['/\\evil.example', '/'],
  ])('keeps only the same-site path of %s', (raw, expected) => {
    expect(safeCallbackPath(raw)).toBe(expected);
  });

  it.each([['/login'], ['/api/auth/signout'], [''], [42], [null], ['/' + 'x'.repeat(3000)]])('refuses %s', (raw) => {
    expect(safeCallbackPath(raw)).toBeNull();
  });
});
