'use client';

import { useId, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ROLES, type Role } from '@/lib/vocabulary';
import { changeRoleAction } from './actions';

/** The role select of one person's row, applied with its own button. */
export function RoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const t = useTranslations('people');
  const tRoles = useTranslations('roles');
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState<Role>(role);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    try {
      const result = await changeRoleAction({ userId, role: value });
      if (result.ok) {
        setMessage({ error: false, text: t('roleChanged') });
        router.refresh();
        return;
      }
      setValue(role);
      const text = result.error === 'conflict' ? t('lastAdminRole') : result.error === 'forbidden' ? t('forbidden') : result.error === 'notFound' ? t('notFound') : t('failed');
      setMessage({ error: true, text });
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-1">
      <div className="flex items-center gap-1">
        <label htmlFor={id} className="sr-only">{t('roleFor', { name })}</label>
        <select id={id} value={value} onChange={(e) => setValue(e.target.value as Role)} className="rounded border border-slate-300 bg-white px-2 py-1">
          {ROLES.map((r) => <option key={r} value={r}>{tRoles(r)}</option>)}
        </select>
        <button type="submit" disabled={pending || value === role} aria-label={t('changeRoleLabel', { name })}
          className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-60">
          {t('changeRole')}
        </button>
      </div>
      <p aria-live="polite" className={`text-xs ${message?.error ? 'text-red-700' : 'text-green-800'}`}>{message?.text}</p>
    </form>
  );
}
