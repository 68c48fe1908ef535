import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './locale';

describe('localeFromAcceptLanguage', () => {
  it.each([
    ['km-KH,km;q=0.9,en;q=0.8', 'km'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-FR,km;q=0.5,en;q=0.7', 'en'],
    ['fr-FR,de;q=0.5', null],
    ['km;q=0,en;q=0.1', 'en'],
    [null, null],
  ])('%s -> %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
