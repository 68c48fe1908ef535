import { describe, expect, it } from 'vitest';
import { formatDate, formatLocale, formatNumber, formatRiel, formatUsd, formatYear } from './format';

describe('format', () => {
  it('writes Khmer digits only for a Khmer reader who chose them', () => {
    expect(formatLocale('km', true)).not.toBe('km');
    expect(formatLocale('en', true)).toBe('en');
    expect(formatLocale('km', false)).toBe('km');
    expect(formatNumber(2021, formatLocale('km', true))).toMatch(/^[០-៩.,]+$/u);
    expect(formatDate('2021-03-05', formatLocale('km', true))).toContain('២០២១');
    expect(formatDate('2021-03-05', 'km')).toContain('2021');
    expect(formatDate('2021-03-05', 'km')).toMatch(/[\u1780-\u17FF]/u);
    expect(formatYear(2021, formatLocale('km', true))).toBe('២០២១');
    expect(formatYear(2021, 'en')).toBe('2021');
  });

  it('writes riel as ៛ in Khmer and KHR in English, whole amounts', () => {
    expect(formatRiel(400000, 'km')).toContain('៛');
    expect(formatRiel(400000, 'en')).toMatch(/KHR\s?400,000$/u);
    expect(formatUsd(1250.5, 'en', true)).toContain('1,250.50');
  });

  it('falls back to English formats for an unknown locale', () => {
    expect(formatNumber(1234, 'xx')).toBe('1,234');
  });
});
