import type { Locale } from '@/lib/vocabulary';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', km: 'km-KH' };

/** A calendar date (YYYY-MM-DD, no time zone) in the reader's language. */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale as Locale] ?? 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
