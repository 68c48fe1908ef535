'use client';

import { useEffect, useId, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { inputClass, labelClass } from '@/components/ui/field';

/** The one-time link, shown once: selected for copying, never put in the address bar or storage. */
export function OneTimeLink({ path }: { path: string }) {
  const t = useTranslations('people');
  const id = useId();
  const ref = useRef<HTMLInputElement>(null);
  // Only ever rendered after an action returned, in the browser.
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  useEffect(() => ref.current?.select(), []);
  return (
    <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3" data-testid="one-time-link">
      <label htmlFor={id} className={labelClass}>{t('linkLabel')}</label>
      <input ref={ref} id={id} readOnly value={`${origin}${path}`} aria-describedby={`${id}-hint`} className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
      <p id={`${id}-hint`} className="text-xs text-amber-900">{t('linkHint')}</p>
    </div>
  );
}
