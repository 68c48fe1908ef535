import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/actions';
import { LOCALES } from '@/lib/vocabulary';

/** Works without JavaScript: each language is a submit button of one small form. */
export async function LanguageSwitch() {
  const [t, current] = await Promise.all([getTranslations('language'), getLocale()]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-1 text-sm">
      <span id="language-label" className="sr-only">{t('label')}</span>
      <div role="group" aria-labelledby="language-label" className="flex gap-1">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={locale === current}
            className="rounded px-2 py-1 aria-pressed:bg-brand-700 aria-pressed:text-white hover:bg-brand-50 aria-pressed:hover:bg-brand-700"
          >
            {t(locale)}
          </button>
        ))}
      </div>
    </form>
  );
}
