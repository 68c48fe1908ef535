import { formatDateTime } from '@/lib/i18n/format';

/** A moment as the unit reads it: Phnom Penh time, in the reader's language and digits. */
export function formatMoment(at: Date, locale: string): string {
  return formatDateTime(at, locale);
}
