import { getTranslations } from 'next-intl/server';
import type { CaseStatus } from '@/lib/vocabulary';

const TONE: Record<CaseStatus, string> = {
  reported: 'bg-slate-100 text-slate-800',
  under_investigation: 'bg-amber-100 text-amber-900',
  suspect_identified: 'bg-orange-100 text-orange-900',
  suspect_arrested: 'bg-sky-100 text-sky-900',
  referred_to_court: 'bg-indigo-100 text-indigo-900',
  closed: 'bg-emerald-100 text-emerald-900',
};

export async function StatusBadge({ status }: { status: CaseStatus }) {
  const t = await getTranslations('caseStatus');
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[status]}`}>{t(status)}</span>;
}
