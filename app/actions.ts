'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { getViewer } from '@/lib/auth/viewer';
import { LOCALE_COOKIE, isLocale } from '@/lib/i18n/locale';
import { setOwnKhmerDigits, setOwnLocale } from '@/db/queries/users';

/** The language switch: saved on the account when signed in, in a cookie before sign-in. */
export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production' && process.env.AUTH_URL?.startsWith('https:'),
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
  });
  const viewer = await getViewer();
  if (viewer) await setOwnLocale(viewer, locale);
}

/** The digits switch: only for a signed-in reader, since the choice lives on the account. */
export async function setDigitsAction(formData: FormData): Promise<void> {
  const viewer = await getViewer();
  if (!viewer) return;
  await setOwnKhmerDigits(viewer, formData.get('khmerDigits') === 'on');
  // Nothing else changes on the request (the language switch sets a cookie): ask for a fresh render.
  revalidatePath('/', 'layout');
}
