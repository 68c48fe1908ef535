'use client';

import dynamic from 'next/dynamic';
import type { FigureTable } from '@/lib/metrics-tables';
import { chartHeight, type ChartVariant } from './chart-variants';

/**
 * recharts is most of the dashboard's JavaScript, and the charts are decorative (aria-hidden:
 * the table beside each carries the figures), so the dashboard draws them in the browser after
 * the page is up instead of shipping recharts with the page. The printed report keeps the
 * server-rendered FigureChart. The placeholder holds the chart's height so nothing jumps.
 */
const FigureChart = dynamic(() => import('./figure-chart').then((m) => m.FigureChart), { ssr: false });

export function LazyFigureChart({ table, variant, locale }: { table: FigureTable; variant: ChartVariant; locale: string }) {
  return (
    <div className="w-full" style={{ minHeight: chartHeight(table, variant) }}>
      <FigureChart table={table} variant={variant} locale={locale} />
    </div>
  );
}
