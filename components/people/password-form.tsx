'use client';

import { useId, useState } from 'react';
import { useForm, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import type { z } from 'zod';
import { LabelledInput } from './labelled-field';
import { useFieldMessage } from './message-key';

export type PasswordFormResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string>; reference?: string };

/**
 * A new password and its confirmation (and, to change one's own, the current password),
 * checked in the browser with the schema the server parses again. Typed values stay
 * whatever the outcome: nothing is sent back to refill them.
 */
export function PasswordForm<S extends z.ZodType<FieldValues>>({ schema, defaults, withCurrent, submitLabel, pendingLabel, onSubmit, onDone }: {
  schema: S;
  defaults: Record<string, string>;
  withCurrent?: boolean;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (values: Record<string, string>) => Promise<PasswordFormResult>;
  /** The outcome that isn't a field error: success, an unusable link, the server unavailable. */
  onDone: (result: PasswordFormResult) => void;
}) {
  const t = useTranslations('passwordRules');
  const message = useFieldMessage();
  const id = useId();
  const [failed, setFailed] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<Record<string, string>>({
    defaultValues: { current: '', password: '', confirm: '', ...defaults },
    resolver: zodResolver(schema as never) as unknown as Resolver<Record<string, string>>,
  });

  const submit = handleSubmit(async (values) => {
    setFailed(null);
    const result = await onSubmit(values);
    if (!result.ok && result.error === 'invalid' && result.fieldErrors) {
      for (const [name, key] of Object.entries(result.fieldErrors)) setError(name as Path<Record<string, string>>, { message: key });
      return;
    }
    if (result.ok) reset();
    else if (result.error === 'unavailable') setFailed(result.reference ?? '-');
    onDone(result);
  });

  const errorOf = (name: string) => message(errors[name]?.message);
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div aria-live="polite">
        {failed && <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{t('unavailable', { reference: failed })}</p>}
      </div>
      {withCurrent && (
        <LabelledInput id={`${id}-current`} label={t('current')} type="password" autoComplete="current-password" error={errorOf('current')} {...register('current')} />
      )}
      <LabelledInput id={`${id}-password`} label={t('new')} type="password" autoComplete="new-password" hint={t('hint')} error={errorOf('password')} {...register('password')} />
      <LabelledInput id={`${id}-confirm`} label={t('confirm')} type="password" autoComplete="new-password" error={errorOf('confirm')} {...register('confirm')} />
      <button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}
        className="inline-flex items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
        {isSubmitting ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
