import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { caseListSearch, type CaseFilters } from '@/lib/case-filters';

type Props = { filters: CaseFilters; prevCursor: string | null; nextCursor: string | null };
const linkClass = 'rounded border border-slate-300 bg-white px-3 py-1';

/** First / previous / next links that keep the filters and the sort. */
export async function CaseListPagination({ filters, prevCursor, nextCursor }: Props) {
  const t = await getTranslations('caseList');
  // By opening date the pages are "newer" and "older"; other orders have plain page names.
  const names = filters.sort === 'opened_desc' || filters.sort === 'opened_asc' ? filters.sort : 'other';
  const href = (position: { after?: string; before?: string } = {}) => `/cases${caseListSearch(filters, position)}`;
  if (!prevCursor && !nextCursor) return null;
  return (
    <nav aria-label={t('pagination')} className="flex flex-wrap gap-3">
      {prevCursor && (
        <>
          <Link href={href()} className={linkClass}>{t(`pages.${names}.first`)}</Link>
          <Link href={href({ before: prevCursor })} className={linkClass} rel="prev">{t(`pages.${names}.prev`)}</Link>
        </>
      )}
      {nextCursor && <Link href={href({ after: nextCursor })} className={linkClass} rel="next">{t(`pages.${names}.next`)}</Link>}
    </nav>
  );
}
