'use client';

import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ActionResult } from '@/lib/actions/validated-action';

/** Up and down arrows for one value: a click moves it at once (nothing to confirm, nothing lost). */
export function MoveButtons({ list, code, label, first, last, action }: {
  list: string; code: string; label: string; first: boolean; last: boolean;
  action: (raw: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations('referenceLists');
  const router = useRouter();
  const [pending, start] = useTransition();
  const [failed, setFailed] = useState(false);
  const move = (direction: 'up' | 'down') => start(async () => {
    const result = await action({ list, code, direction });
    setFailed(!result.ok);
    if (result.ok) router.refresh();
  });
  const button = 'rounded border border-slate-300 bg-white px-2 py-0.5 hover:bg-slate-100 disabled:opacity-40';
  return (
    <span className="inline-flex items-center gap-1">
      <button type="button" className={button} disabled={pending || first} onClick={() => move('up')} aria-label={t('moveUp', { label })}>↑</button>
      <button type="button" className={button} disabled={pending || last} onClick={() => move('down')} aria-label={t('moveDown', { label })}>↓</button>
      <span aria-live="polite" className="text-xs text-red-700">{failed ? t('moveFailed') : null}</span>
    </span>
  );
}
