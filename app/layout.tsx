import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { CLIENT_MESSAGE_PATHS, pickMessages } from '@/lib/i18n/client-messages';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  // Case contents never go in titles: browser history and tab titles are not need-to-know.
  return { title: t('name'), robots: { index: false, follow: false }, referrer: 'same-origin' };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <NextIntlClientProvider messages={pickMessages(messages, CLIENT_MESSAGE_PATHS)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
