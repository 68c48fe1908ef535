import { getTranslations } from 'next-intl/server';
import { AUDIT_OUTCOMES } from '@/lib/vocabulary';
import { FieldError, inputClass, labelClass } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/validation/field-errors';

type Person = { id: string; name: string; role: string };

/**
 * The trail's filters as a plain GET form: the URL holds ids and codes only (a person by
 * id, a record by id or case reference), never a name.
 */
export async function AuditFiltersForm({ raw, errors, people }: { raw: Record<string, string>; errors: FieldErrors; people: Person[] }) {
  const [t, tErrors, tRoles] = await Promise.all([getTranslations('auditTrail'), getTranslations(), getTranslations('roles')]);
  const message = (name: string) => {
    const key = errors[name];
    if (!key) return undefined;
    return tErrors.has(key as never) ? tErrors(key as never) : tErrors('caseEdit.errors.invalid');
  };
  const aria = (name: string, hint?: boolean) => ({
    id: `audit-${name}`,
    name,
    defaultValue: raw[name] ?? '',
    'aria-invalid': Boolean(errors[name]),
    'aria-describedby': [errors[name] ? `audit-${name}-error` : null, hint ? `audit-${name}-hint` : null].filter(Boolean).join(' ') || undefined,
    className: inputClass,
  });
  return (
    <form method="get" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-3" aria-label={t('filters')}>
      <div>
        <label htmlFor="audit-actor" className={labelClass}>{t('person')}</label>
        <select {...aria('actor')}>
          <option value="">{t('anyone')}</option>
          {people.map((p) => <option key={p.id} value={p.id}>{p.name} ({tRoles(p.role as never)})</option>)}
        </select>
        <FieldError id="audit-actor-error" message={message('actor')} />
      </div>
      <div>
        <label htmlFor="audit-action" className={labelClass}>{t('action')}</label>
        <input type="text" autoComplete="off" {...aria('action', true)} />
        <p id="audit-action-hint" className="mt-1 text-xs text-slate-600">{t('actionHint')}</p>
        <FieldError id="audit-action-error" message={message('action')} />
      </div>
      <div>
        <label htmlFor="audit-record" className={labelClass}>{t('record')}</label>
        <input type="text" autoComplete="off" {...aria('record', true)} />
        <p id="audit-record-hint" className="mt-1 text-xs text-slate-600">{t('recordHint')}</p>
        <FieldError id="audit-record-error" message={message('record')} />
      </div>
      <div>
        <label htmlFor="audit-outcome" className={labelClass}>{t('outcome')}</label>
        <select {...aria('outcome')}>
          <option value="">{t('anyOutcome')}</option>
          {AUDIT_OUTCOMES.map((o) => <option key={o} value={o}>{t(`outcomes.${o}`)}</option>)}
        </select>
        <FieldError id="audit-outcome-error" message={message('outcome')} />
      </div>
      <div>
        <label htmlFor="audit-from" className={labelClass}>{t('from')}</label>
        <input type="date" {...aria('from')} />
        <FieldError id="audit-from-error" message={message('from')} />
      </div>
      <div>
        <label htmlFor="audit-to" className={labelClass}>{t('to')}</label>
        <input type="date" {...aria('to')} />
        <FieldError id="audit-to-error" message={message('to')} />
      </div>
      <div className="flex items-end gap-3 sm:col-span-3">
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900">{t('apply')}</button>
        <a href="/admin/audit" className="text-sm text-brand-700 underline">{t('clear')}</a>
      </div>
    </form>
  );
}
