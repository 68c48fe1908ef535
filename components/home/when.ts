/** A moment as the unit reads it: Phnom Penh time, in the reader's language. */
export function formatMoment(at: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'km' ? 'km-KH' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Phnom_Penh' }).format(at);
}
