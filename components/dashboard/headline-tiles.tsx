import { getTranslations } from 'next-intl/server';
import type { YearFigures } from '@/db/queries/metrics';
import { HEADLINES, HEADLINE_FORMAT, PROVINCE_TOTAL, type Headline } from '@/lib/metrics';
import { formatNumber, formatPercent, formatUsd } from '@/lib/i18n/format';
import { getFormatLocale } from '@/lib/i18n/format-locale';

/** The headline figures of the year, each with its change on the year before and its definition. */
export async function HeadlineTiles({ figures }: { figures: YearFigures }) {
  const [t, fmt] = await Promise.all([getTranslations('dashboard'), getFormatLocale()]);
  const value = (key: Headline, v: number | null) => {
    if (v === null) return '—';
    switch (HEADLINE_FORMAT[key]) {
      case 'ratio': return formatPercent(v, fmt);
      case 'usd': return formatUsd(v, fmt);
      default: return key === 'provincesWithOffences' ? t('ofProvinces', { count: formatNumber(v, fmt), total: PROVINCE_TOTAL }) : formatNumber(v, fmt);
    }
  };
  const changeText = (key: Headline) => {
    const { delta } = figures.changes[key];
    if (delta === null) return t('noComparison', { year: figures.filters.year - 1 });
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
    const size = Math.abs(delta);
    const amount = HEADLINE_FORMAT[key] === 'ratio' ? t('points', { n: formatNumber(size * 100, fmt) })
      : HEADLINE_FORMAT[key] === 'usd' ? formatUsd(size, fmt) : formatNumber(size, fmt);
    return t('changeOn', { change: `${sign}${amount}`, year: figures.filters.year - 1 });
  };
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {HEADLINES.map((key) => (
        <li key={key} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`headline-${key}`}>
          <p className="text-sm font-medium text-slate-700">{t(`headlines.${key}`)}</p>
          <p className="mt-1 text-2xl font-semibold tabular-nums" data-testid="headline-value">{value(key, figures.headlines[key])}</p>
          <p className="text-sm text-slate-600">{changeText(key)}</p>
          <p className="mt-2 text-xs text-slate-600">{t(`definitions.${key}`)}</p>
        </li>
      ))}
    </ul>
  );
}
