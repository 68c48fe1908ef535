import type { Locale } from '@/lib/vocabulary';

/**
 * Orders choices by their label in the reader's alphabet. Done in the app, not in SQL:
 * Khmer dictionary order needs ICU's Khmer rules, which PGlite lacks, and the database's
 * "C" collation orders by code point (every capital before every small letter).
 */
export function byLabel(locale: Locale): (a: { label: string }, b: { label: string }) => number {
  const collator = new Intl.Collator(locale === 'km' ? 'km' : 'en');
  return (a, b) => collator.compare(a.label, b.label);
}
