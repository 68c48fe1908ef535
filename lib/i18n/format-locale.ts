import 'server-only';
import { cache } from 'react';
import { getLocale } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { formatLocale } from './format';

/** The locale for numbers and dates on this request: the language plus the reader's digits. */
export const getFormatLocale = cache(async (): Promise<string> => {
  const [locale, viewer] = await Promise.all([getLocale(), getViewer()]);
  return formatLocale(locale, viewer?.khmerDigits ?? false);
});
