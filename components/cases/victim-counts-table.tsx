import { getTranslations } from 'next-intl/server';
import type { VictimCount } from '@/db/queries/victim-counts';
import { AGE_BANDS, SEXES } from '@/lib/vocabulary';

/** The children of a case as counts by sex and age band: all a liaison officer reads of them. */
export async function VictimCountsTable({ counts }: { counts: VictimCount[] }) {
  const [t, tCase] = await Promise.all([getTranslations('victimCounts'), getTranslations('case')]);
  const cell = (sex: string, band?: string) =>
    counts.filter((c) => c.sex === sex && (!band || c.band === band)).reduce((sum, c) => sum + c.count, 0);
  return (
    <div className="overflow-x-auto">
      <table className="text-left text-sm" data-testid="victim-counts">
        <caption className="mb-2 text-left font-medium text-slate-800">{t('caption')}</caption>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-1.5">{t('sex')}</th>
            {AGE_BANDS.map((b) => <th key={b.key} scope="col" className="px-3 py-1.5 text-right">{t('ageBand', { band: b.key })}</th>)}
            <th scope="col" className="px-3 py-1.5 text-right">{t('total')}</th>
          </tr>
        </thead>
        <tbody>
          {SEXES.filter((sex) => cell(sex) > 0).map((sex) => (
            <tr key={sex} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1.5 font-medium">{tCase(`sex.${sex}`)}</th>
              {AGE_BANDS.map((b) => <td key={b.key} className="px-3 py-1.5 text-right tabular-nums">{cell(sex, b.key)}</td>)}
              <td className="px-3 py-1.5 text-right font-medium tabular-nums">{cell(sex)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-sm text-slate-600">{t('note')}</p>
    </div>
  );
}
