import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './same-origin';

const h = (init: Record<string, string>) => new Headers(init);

describe('isSameOrigin', () => {
  it('accepts a POST from a page of this host', () => {
    expect(isSameOrigin(h({ origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isSameOrigin(h({ origin: 'https://cpu.example', host: 'app:3000', 'x-forwarded-host': 'cpu.example' }))).toBe(true);
  });
  it('refuses another site, a missing or malformed Origin, and a cross-site fetch', () => {
    expect(isSameOrigin(h({ origin: 'https://evil.example', host: 'cpu.example' }))).toBe(false);
    expect(isSameOrigin(h({ host: 'cpu.example' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'null', host: 'cpu.example' }))).toBe(false);
    expect(isSameOrigin(h({ origin: 'https://cpu.example', host: 'cpu.example', 'sec-fetch-site': 'cross-site' }))).toBe(false);
  });
});
