import { getLocale, getTranslations } from 'next-intl/server';
import { setDigitsAction } from '@/app/actions';
import { getViewer } from '@/lib/auth/viewer';

/** Khmer or Latin digits, for a signed-in reader on Khmer pages. Works without JavaScript. */
export async function DigitsSwitch() {
  const [t, locale, viewer] = await Promise.all([getTranslations('language'), getLocale(), getViewer()]);
  if (!viewer || locale !== 'km') return null;
  const on = viewer.khmerDigits ?? false;
  return (
    <form action={setDigitsAction} className="text-sm">
      <input type="hidden" name="khmerDigits" value={on ? 'off' : 'on'} />
      <button
        type="submit"
        aria-pressed={on}
        title={t('digitsHint')}
        className="rounded px-2 py-1 aria-pressed:bg-brand-700 aria-pressed:text-white hover:bg-brand-50 aria-pressed:hover:bg-brand-700"
      >
        {t('digits')} <span aria-hidden="true">០១២</span>
      </button>
    </form>
  );
}
