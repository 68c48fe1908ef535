import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/viewer';
import { caseScope } from '@/lib/policy';
import { listCaseUpdates, listSharedCases } from '@/db/queries/home';
import { FindCaseForm } from '@/components/home/find-case-form';
import { CaseUpdates } from '@/components/home/case-updates';
import { SharedCases } from '@/components/home/shared-cases';
import { findCaseAction } from './actions';

/** A page number from the URL: anything else is the first page. */
function pageOf(raw: string | string[] | undefined): number {
  const n = typeof raw === 'string' && /^\d{1,5}$/.test(raw) ? Number(raw) : 1;
  return n >= 1 ? n : 1;
}

/**
 * Where investigators, managers and liaison officers land (lib/policy homePath). Liaison
 * officers see the cases shared with them; CPU staff the updates on cases they work on.
 * Everyone gets the find-by-reference box.
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const viewer = await requirePermission('cases:list');
  const t = await getTranslations('home');
  const liaison = caseScope(viewer) === 'shared';
  const { page } = await searchParams;

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <FindCaseForm action={findCaseAction} notFoundKey={liaison ? 'notFoundShared' : 'notFound'} />
      {liaison
        ? <SharedCases {...await listSharedCases(viewer, pageOf(page))} />
        : <CaseUpdates {...await listCaseUpdates(viewer)} />}
    </div>
  );
}
