'use client';

import { useTranslations } from 'next-intl';

/** Turns a message key from a zod schema ("caseEdit.errors.future") into text in the reader's language. */
export function useErrorText() {
  const t = useTranslations();
  return (key: string): string => {
    const k = key as Parameters<typeof t>[0];
    return (key.startsWith('caseEdit.errors.') || key.startsWith('caseTeam.errors.')) && t.has(k) ? t(k) : t('caseEdit.errors.invalid');
  };
}

const FAILURES = ['notFound', 'forbidden', 'unavailable', 'unauthenticated', 'invalid', 'conflict'] as const;

/** A save that did not go through, for reasons other than a field or a conflict. */
export function FailureMessage({ error, reference }: { error: string; reference?: string }) {
  const t = useTranslations('caseEdit.failed');
  const key = (FAILURES as readonly string[]).includes(error) ? (error as (typeof FAILURES)[number]) : 'unavailable';
  return (
    <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="form-failure">
      {key === 'unavailable' ? t('unavailable', { reference: reference ?? '-' }) : t(key)}
    </p>
  );
}
