import { getTranslations } from 'next-intl/server';
import type { AuditRow } from '@/db/queries/audit-trail';
import { compactDetail } from '@/lib/audit-filters';
import { getFormatLocale } from '@/lib/i18n/format-locale';
import { formatDateTime } from '@/lib/i18n/format';
import { DataTable } from '@/components/ui/data-table';

/** Audit rows as a table: time (Phnom Penh), person and the role they acted in, action, outcome, record, detail. */
export async function AuditTable({ rows, showRecord = true }: { rows: readonly AuditRow[]; showRecord?: boolean }) {
  const [t, tRoles, fmt] = await Promise.all([getTranslations('auditTrail'), getTranslations('roles'), getFormatLocale()]);
  const dateTime = { format: (at: Date) => formatDateTime(at, fmt, true) };
  const outcomeClass = { allowed: 'text-slate-800', denied: 'font-semibold text-red-800', failed: 'font-semibold text-amber-800' } as const;
  return (
    <DataTable testId="audit-rows" columns={[t('time'), t('person'), t('role'), t('action'), t('outcome'), ...(showRecord ? [t('record')] : []), t('detail')]}>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="audit-row" data-id={r.id}>
              <td className="whitespace-nowrap px-3 py-2"><time dateTime={r.at.toISOString()}>{dateTime.format(r.at)}</time></td>
              <td className="px-3 py-2">{r.actorName ?? t('nobody')}</td>
              <td className="px-3 py-2">{r.actorRole ? tRoles(r.actorRole as never) : '—'}</td>
              <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
              <td className={`px-3 py-2 ${outcomeClass[r.outcome]}`}>{t(`outcomes.${r.outcome}`)}</td>
              {showRecord && (
                <td className="px-3 py-2 font-mono text-xs">
                  {r.caseReference ?? (r.entityId ? `${r.entityType ?? ''} ${r.entityId}`.trim() : '—')}
                </td>
              )}
              <td className="max-w-xs break-words px-3 py-2 font-mono text-xs text-slate-600">{compactDetail(r.detail)}</td>
            </tr>
          ))}
    </DataTable>
  );
}
