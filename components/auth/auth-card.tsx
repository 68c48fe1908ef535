import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/language-switch';

/** The signed-out pages' frame: the unit's name, the page title, the language switch, one card. */
export async function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const tApp = await getTranslations('app');
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <div className="mb-6 flex items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-brand-700">{tApp('unit')}</p>
          <h1 className="text-2xl font-semibold">{title}</h1>
        </div>
        <LanguageSwitch />
      </div>
      <div className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">{children}</div>
    </main>
  );
}
