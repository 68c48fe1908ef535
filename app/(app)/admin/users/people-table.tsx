'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { Role } from '@/lib/vocabulary';
import { inputClass, labelClass } from '@/components/ui/field';
import { UserActions } from './user-actions';
import { RoleForm } from './role-form';
import { ResetPassword } from './reset-password';
import { ResetTwoStep } from './reset-two-step';
import { DataTable } from '@/components/ui/data-table';

export type PersonRow = {
  id: string; name: string; email: string; role: Role; active: boolean; locked: boolean;
  /** Two-step sign-in is on (the admin may reset it for a lost phone). */
  twoStep: boolean;
  agencyName: string | null;
  /** Formatted on the server, in the reader's language and the unit's time zone. */
  lastLogin: string | null;
};

/**
 * The people table with its name-or-email search. The search runs here in the browser, so
 * a person's name never ends up in an address (history, proxy logs); the other filters are
 * codes and ids in the query string.
 */
export function PeopleTable({ people, viewerId }: { people: PersonRow[]; viewerId: string }) {
  const t = useTranslations('people');
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const shown = needle ? people.filter((p) => p.name.toLowerCase().includes(needle) || p.email.toLowerCase().includes(needle)) : people;
  return (
    <div className="space-y-3">
      <div className="max-w-sm">
        <label htmlFor="people-q" className={labelClass}>{t('search')}</label>
        <input id="people-q" type="search" value={q} onChange={(e) => setQ(e.target.value)} maxLength={200} autoComplete="off" className={inputClass} />
      </div>
      <p aria-live="polite" className="text-sm text-slate-600">{t('count', { count: shown.length })}</p>
      {shown.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4">{t('noMatch')}</p>
      ) : (
        <DataTable columns={[t('name'), t('email'), t('role'), t('agency'), t('status'), t('lastLogin'), t('actions')]}>
              {shown.map((person) => (
                <tr key={person.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">{person.name}</td>
                  <td className="px-3 py-2">{person.email}</td>
                  <td className="px-3 py-2"><RoleForm userId={person.id} name={person.name} role={person.role} /></td>
                  <td className="px-3 py-2">{person.agencyName ?? '—'}</td>
                  <td className="px-3 py-2">
                    {person.active ? t('active') : t('inactive')}
                    {person.locked && <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t('locked')}</span>}
                  </td>
                  <td className="px-3 py-2">{person.lastLogin ?? t('never')}</td>
                  <td className="space-y-2 px-3 py-2">
                    <UserActions userId={person.id} name={person.name} active={person.active} locked={person.locked} />
                    {person.id !== viewerId && <ResetPassword userId={person.id} name={person.name} />}
                    {person.id !== viewerId && person.twoStep && <ResetTwoStep userId={person.id} name={person.name} />}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
    </div>
  );
}
