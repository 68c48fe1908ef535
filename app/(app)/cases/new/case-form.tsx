'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { FormProvider, useForm, type FieldPath } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { ErrorSummary } from '@/components/forms/error-summary';
import { newSubmissionKey } from '@/components/forms/submission-key';
import { useLeaveGuard } from '@/components/forms/use-leave-guard';
import { newCaseInput, type NewCaseFormValues, type NewCaseInput } from '@/lib/validation/case-input';
import type { ActionError } from '@/lib/actions/validated-action';
import { createCaseAction } from './actions';
import { BasicsSection } from './basics-section';
import { LocationsSection } from './locations-section';
import { SuspectsSection } from './suspects-section';
import { VictimsSection } from './victims-section';
import { emptyCase } from './empty-values';
import type { CaseFormChoices } from './choices';

type FormError = { error: ActionError; reference?: string } | null;

const ITEM_KEYS = { locations: 'location', suspects: 'suspect', victims: 'victim', services: 'service' } as const;

export function NewCaseForm({ choices, today }: { choices: CaseFormChoices; today: string }) {
  const t = useTranslations('caseForm');
  // Made once when the form mounts and kept for every retry: a replay returns the same case.
  const [submissionKey] = useState(newSubmissionKey);
  const methods = useForm<NewCaseFormValues, unknown, NewCaseInput>({
    resolver: zodResolver(newCaseInput),
    defaultValues: emptyCase(submissionKey, today),
    shouldFocusError: false,
  });
  const [formError, setFormError] = useState<FormError>(null);
  const [sending, setSending] = useState(false);
  const inFlight = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  useLeaveGuard(methods.formState.isDirty && !sending, t('leaveConfirm'));

  const showSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const send = async () => {
    // Two clicks in one frame both get here before the button re-renders disabled.
    if (inFlight.current) return;
    inFlight.current = true;
    setSending(true);
    setFormError(null);
    try {
      // The raw values, parsed again on the server with the same schema.
      const result = await createCaseAction(methods.getValues());
      if (!result || result.ok) return; // on success the action redirects to the case
      for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
        methods.setError(path as FieldPath<NewCaseFormValues>, { type: 'server', message });
      }
      setFormError({ error: result.error, reference: result.reference });
    } catch {
      setFormError({ error: 'unavailable' });
    }
    // Still here: nothing was created, so the user may correct and send again.
    inFlight.current = false;
    setSending(false);
    showSummary();
  };

  const describe = (path: string) => {
    const parts = path.split('.');
    const names: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const index = Number(parts[i + 1]);
      if (part in ITEM_KEYS && Number.isInteger(index)) {
        names.push(t(`items.${ITEM_KEYS[part as keyof typeof ITEM_KEYS]}`, { n: index + 1 }));
        i++;
      } else if (part in ITEM_KEYS) {
        names.push(t(`sections.${part as 'locations'}`));
      } else {
        const key = `fields.${part}` as 'fields.title';
        names.push(t.has(key) ? t(key) : part);
      }
    }
    return names.join(' › ');
  };

  const formErrorText = formError
    ? t(`formErrors.${formError.error}`, { reference: formError.reference ?? '—' })
    : null;

  return (
    <FormProvider {...methods}>
      <form noValidate onSubmit={(event) => methods.handleSubmit(send, showSummary)(event)} className="space-y-6" aria-busy={sending}>
        <ErrorSummary ref={summaryRef} title={t('summaryTitle')} formError={formErrorText} errors={methods.formState.errors} describe={describe} />
        <BasicsSection choices={choices} today={today} />
        <LocationsSection choices={choices} today={today} />
        <SuspectsSection choices={choices} today={today} />
        <VictimsSection choices={choices} today={today} />
        <div className="flex items-center gap-4">
          <button
            type="submit"
            disabled={sending}
            aria-disabled={sending}
            className="inline-flex items-center justify-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60"
          >
            {sending ? t('submitting') : t('submit')}
          </button>
          <Link href="/cases" className="text-brand-700 underline">{t('cancel')}</Link>
        </div>
      </form>
    </FormProvider>
  );
}
