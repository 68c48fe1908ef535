import type { Locale } from '@/lib/vocabulary';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', km: 'km-KH' };

/** A calendar date (YYYY-MM-DD, no time zone) in the reader's language. */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return new Intl.DateTimeFormat(INTL_LOCALE[locale as Locale] ?? 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

const intlLocale = (locale: string) => INTL_LOCALE[locale as Locale] ?? 'en-GB';

/** A count or measure, grouped for the reader ("1,234"). */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: digits }).format(value);
}

/** A share of 1 as a percentage with one decimal ("85.6 %" in English). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** US dollars, whole dollars by default ("$1,123,641"); `cents` for accounts ("$1,250.50"). */
export function formatUsd(amount: number, locale: string, cents = false): string {
  const digits = cents ? 2 : 0;
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}
