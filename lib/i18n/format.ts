import type { Locale } from '@/lib/vocabulary';

const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', km: 'km-KH' };
const KHMER_DIGITS = 'km-KH-u-nu-khmr';

/**
 * The locale that formats numbers and dates for a reader: their language, with Khmer digits
 * (០១២…) when they chose them. Only Khmer readers get Khmer digits: English pages keep 0-9.
 */
export function formatLocale(locale: string, khmerDigits: boolean): string {
  return locale === 'km' && khmerDigits ? KHMER_DIGITS : locale;
}

/** Accepts a message locale ('en', 'km') or what formatLocale returned. */
const intlLocale = (locale: string) => (locale === KHMER_DIGITS ? KHMER_DIGITS : INTL_LOCALE[locale as Locale] ?? 'en-GB');

/**
 * Formatters are built once per locale and options and reused: constructing an Intl formatter
 * costs far more than formatting with one, and the dashboard formats hundreds of figures a page
 * (a tenth of its render time went to `new Intl.NumberFormat`).
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${intlLocale(locale)}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(intlLocale(locale), options)));
  return f;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${intlLocale(locale)}|${JSON.stringify(options)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(intlLocale(locale), options)));
  return f;
}

/** A calendar date (YYYY-MM-DD, no time zone) in the reader's language. */
export function formatDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment as the unit reads it: Phnom Penh time. `seconds` for the audit trail. */
export function formatDateTime(at: Date, locale: string, seconds = false): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short', timeZone: 'Asia/Phnom_Penh' }).format(at);
}

/** A month's short name (1-12), for chart axes. */
export function formatMonth(month: number, locale: string): string {
  return dateFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(2001, month - 1, 1)));
}

/** A count or measure, grouped for the reader ("1,234"). */
export function formatNumber(value: number, locale: string, digits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A year as a reader writes it: no grouping ("2021", or "២០២១" in Khmer digits). */
export function formatYear(year: number, locale: string): string {
  return numberFormat(locale, { useGrouping: false }).format(year);
}

/** A share of 1 as a percentage with one decimal ("85.6 %" in English). */
export function formatPercent(share: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
}

/** US dollars, whole dollars by default ("$1,123,641"); `cents` for accounts ("$1,250.50"). */
export function formatUsd(amount: number, locale: string, cents = false): string {
  const digits = cents ? 2 : 0;
  return numberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(amount);
}

/** Fines and compensation, whole riel: "KHR 400,000" in English, "400,000៛" in Khmer. */
export function formatRiel(amount: number, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency: 'KHR', maximumFractionDigits: 0 }).format(amount);
}
