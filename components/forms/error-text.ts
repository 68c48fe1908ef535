'use client';

import { useTranslations } from 'next-intl';

/**
 * Turns a schema's message key (lib/validation: "required", "victimAgeRange" ...) into text
 * in the reader's language. Keys live in messages/*.json "caseForm.errors".
 */
export function useErrorText(): (key: string | undefined) => string | undefined {
  const t = useTranslations('caseForm.errors');
  type Key = Parameters<typeof t>[0];
  return (key) => {
    if (!key) return undefined;
    return t.has(key as Key) ? t(key as Key) : t('invalid');
  };
}
