'use client';

import {
  Bar, BarChart, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis,
} from 'recharts';
import type { FigureTable } from '@/lib/metrics-tables';
import { formatNumber } from '@/lib/i18n/format';
import { chartHeight, type ChartVariant } from './chart-variants';

/** Series colours, from the theme's CSS variables where the brand has them. */
const SERIES = ['var(--color-brand-600)', '#c2410c', '#64748b', '#a16207'];
const MARKED = '#b91c1c';

/**
 * One chart of the dashboard, drawn from the same table its text alternative shows: the
 * first column labels the categories, every numeric column is a series. Decorative for
 * screen readers: the table beside it carries the figures.
 */
export function FigureChart({ table, variant, locale }: { table: FigureTable; variant: ChartVariant; locale: string }) {
  // Axis and tooltip figures in the reader's digits, like the table beside the chart.
  const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v, locale) : String(v));
  const [labelColumn, ...rest] = table.columns;
  const series = rest.filter((c) => c.numeric);
  const data = table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.key, row[i]])));

  return (
    <div aria-hidden="true" className="w-full" style={{ height: chartHeight(table, variant) }}>
      <ResponsiveContainer width="100%" height="100%">
        {variant === 'years' ? (
          <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey={labelColumn!.key} />
            <YAxis yAxisId="count" allowDecimals={false} tickFormatter={num} />
            <YAxis yAxisId="pct" orientation="right" unit="%" tickFormatter={num} />
            <Tooltip formatter={num} />
            <Legend />
            <Bar yAxisId="count" dataKey={series[0]!.key} name={series[0]!.label} fill={SERIES[0]} />
            <Bar yAxisId="count" dataKey={series[1]!.key} name={series[1]!.label} fill={SERIES[2]} />
            <Line yAxisId="pct" dataKey={series[2]!.key} name={series[2]!.label} stroke={SERIES[1]} strokeWidth={2} />
          </ComposedChart>
        ) : (
          <BarChart data={data} layout={variant === 'bars' ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 16, bottom: 8, left: variant === 'bars' ? 8 : 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            {variant === 'bars' ? (
              <>
                <XAxis type="number" allowDecimals={false} tickFormatter={num} />
                <YAxis type="category" dataKey={labelColumn!.key} width={170} interval={0} tick={{ fontSize: 12 }} />
              </>
            ) : (
              <>
                <XAxis dataKey={labelColumn!.key} interval={0} tick={{ fontSize: 11 }} />
                <YAxis allowDecimals={false} tickFormatter={num} />
              </>
            )}
            <Tooltip formatter={num} />
            {series.length > 1 && <Legend />}
            {series.map((c, i) => (
              <Bar key={c.key} dataKey={c.key} name={c.label} fill={SERIES[i % SERIES.length]}>
                {series.length === 1 && data.map((_, row) => (
                  <Cell key={row} fill={table.marked.includes(row) ? MARKED : SERIES[0]} />
                ))}
              </Bar>
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
