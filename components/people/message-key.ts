'use client';

import { useTranslations } from 'next-intl';

/**
 * Turns a schema's message key ("tooShort", "emailTaken") into text: password rules first,
 * then the people form's own errors, else a generic "check this field".
 */
export function useFieldMessage() {
  const rules = useTranslations('passwordRules');
  const people = useTranslations('people.errors');
  return (key: string | undefined): string | undefined => {
    if (!key) return undefined;
    if (rules.has(key as Parameters<typeof rules>[0])) return rules(key as Parameters<typeof rules>[0]);
    if (people.has(key as Parameters<typeof people>[0])) return people(key as Parameters<typeof people>[0]);
    return people('invalid');
  };
}
