import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, localeFromAcceptLanguage } from './locale';
import { isDatabaseUnavailable } from '@/lib/db-errors';

/**
 * The language of a request: the signed-in person's saved choice, else the cookie set by
 * the language switch, else the browser's preference.
 */
async function requestLocale() {
  // With the database away the page says so (app/(app)/layout.tsx), in the cookie's or browser's language.
  const viewer = await getViewer().catch((err: unknown) => {
    if (isDatabaseUnavailable(err)) return null;
    throw err;
  });
  if (viewer) return viewer.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage((await headers()).get('accept-language')) ?? DEFAULT_LOCALE;
}

// `locale` is set when code asks for one explicitly (getTranslations({ locale })), e.g. a
// report downloaded in the other language.
export default getRequestConfig(async ({ locale: asked }) => {
  const locale = isLocale(asked) ? asked : await requestLocale();
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: 'Asia/Phnom_Penh' };
});
