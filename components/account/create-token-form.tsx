'use client';

import { useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { inputClass, labelClass, FieldError } from '@/components/ui/field';
import { TOKEN_EXPIRY_CHOICES, createTokenInput } from '@/lib/validation/api-token';
import { fieldErrorsOf, type FieldErrors } from '@/lib/validation/field-errors';
import { createTokenAction } from '@/app/(app)/account/token-actions';

/** Name and lifetime of a new token; the token is then shown here once, with a copy button. */
export function CreateTokenForm() {
  const t = useTranslations('apiTokens');
  const router = useRouter();
  const [name, setName] = useState('');
  const [days, setDays] = useState<string>('90');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const tokenRef = useRef<HTMLInputElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setFailure(null);
    setCopied(false);
    const values = { name, expiresInDays: days };
    const parsed = createTokenInput.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const result = await createTokenAction(values);
      if (result.ok) {
        setCreated(result.data.token);
        setName('');
        router.refresh();
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) setFailure(result.reference ? t('failedRef', { reference: result.reference }) : t('failed'));
      }
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (!created) return;
    tokenRef.current?.select();
    try {
      await navigator.clipboard.writeText(created);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions): the token stays selected for Ctrl+C.
      setCopied(false);
    }
  }

  const message = (key: string | undefined) => (key ? t(`errors.${key}` as never) : undefined);
  return (
    <div className="space-y-3">
      {created && (
        <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3" data-testid="new-api-token">
          <label htmlFor="new-api-token" className={labelClass}>{t('newToken')}</label>
          <div className="flex gap-2">
            <input ref={tokenRef} id="new-api-token" readOnly value={created} aria-describedby="new-api-token-hint"
              className={`${inputClass} font-mono text-sm`} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" onClick={copy} className="rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100">{t('copy')}</button>
          </div>
          <p id="new-api-token-hint" className="text-xs text-amber-900">{t('shownOnce')}</p>
          <p aria-live="polite" className="text-xs text-green-800">{copied ? t('copied') : ''}</p>
        </div>
      )}
      <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
        <div className="min-w-56 flex-1">
          <label htmlFor="token-name" className={labelClass}>{t('name')}</label>
          <input id="token-name" name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200}
            aria-invalid={errors.name ? true : undefined} aria-describedby={errors.name ? 'token-name-error' : undefined} className={inputClass} />
          <FieldError id="token-name-error" message={message(errors.name)} />
        </div>
        <div>
          <label htmlFor="token-expiry" className={labelClass}>{t('expiresIn')}</label>
          <select id="token-expiry" name="expiresInDays" value={days} onChange={(e) => setDays(e.target.value)}
            aria-invalid={errors.expiresInDays ? true : undefined} aria-describedby={errors.expiresInDays ? 'token-expiry-error' : undefined} className={inputClass}>
            {TOKEN_EXPIRY_CHOICES.map((d) => <option key={d} value={d}>{t('days', { days: d })}</option>)}
          </select>
          <FieldError id="token-expiry-error" message={message(errors.expiresInDays)} />
        </div>
        <button type="submit" disabled={pending} className="mt-6 rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60">
          {pending ? t('creating') : t('create')}
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-red-700">{failure}</p>
    </div>
  );
}
