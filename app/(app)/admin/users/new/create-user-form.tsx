'use client';

import { useId, useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { createUserInput } from '@/lib/validation/people';
import { LOCALES, ROLES } from '@/lib/vocabulary';
import { LabelledInput, LabelledSelect } from '@/components/people/labelled-field';
import { useFieldMessage } from '@/components/people/message-key';
import { OneTimeLink } from '@/components/people/one-time-link';
import { createUserAction } from '../actions';

type Values = { name: string; email: string; role: string; agencyId: string; locale: string };
const EMPTY: Values = { name: '', email: '', role: '', agencyId: '', locale: 'km' };

export function CreateUserForm({ agencies }: { agencies: { value: string; label: string }[] }) {
  const t = useTranslations('people');
  const tRoles = useTranslations('roles');
  const tLanguage = useTranslations('language');
  const message = useFieldMessage();
  const id = useId();
  const [link, setLink] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState: { errors, isSubmitting } } = useForm<Values>({
    defaultValues: EMPTY,
    resolver: zodResolver(createUserInput as never) as unknown as Resolver<Values>,
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    const result = await createUserAction(values);
    if (result.ok) {
      setLink(result.data.linkPath);
      reset(EMPTY);
      return;
    }
    if (result.error === 'invalid' && result.fieldErrors) {
      for (const [name, key] of Object.entries(result.fieldErrors)) setError(name as keyof Values, { message: key });
      return;
    }
    setFailure(result.error === 'forbidden' ? t('forbidden') : t('failed'));
  });

  if (link) {
    return (
      <div className="space-y-3" role="status">
        <p>{t('created')}</p>
        <OneTimeLink path={link} />
        <button type="button" onClick={() => setLink(null)} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">{t('addAnother')}</button>
      </div>
    );
  }
  const errorOf = (name: keyof Values) => message(errors[name]?.message);
  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div aria-live="polite">
        {failure && <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800">{failure}</p>}
      </div>
      <LabelledInput id={`${id}-name`} label={t('name')} autoComplete="off" error={errorOf('name')} {...register('name')} />
      <LabelledInput id={`${id}-email`} label={t('email')} type="email" autoComplete="off" error={errorOf('email')} {...register('email')} />
      <LabelledSelect id={`${id}-role`} label={t('role')} placeholder={t('choose')} options={ROLES.map((r) => ({ value: r, label: tRoles(r) }))} error={errorOf('role')} {...register('role')} />
      <LabelledSelect id={`${id}-agency`} label={t('agency')} placeholder={t('choose')} options={agencies} error={errorOf('agencyId')} {...register('agencyId')} />
      <LabelledSelect id={`${id}-locale`} label={t('language')} options={LOCALES.map((l) => ({ value: l, label: tLanguage(l) }))} error={errorOf('locale')} {...register('locale')} />
      <button type="submit" disabled={isSubmitting} aria-disabled={isSubmitting}
        className="inline-flex items-center rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
        {isSubmitting ? t('creating') : t('create')}
      </button>
    </form>
  );
}
