import type { FigureTable, TableKey } from '@/lib/metrics-tables';

export type ChartVariant = 'columns' | 'bars' | 'years';

/** How each figure table is drawn, on the dashboard and in the report; the headlines are tiles. */
export const CHART_VARIANTS: [Exclude<TableKey, 'headlines'>, ChartVariant][] = [
  ['byMonth', 'columns'],
  ['offenceTypes', 'bars'],
  ['relationships', 'bars'],
  ['relationshipGroups', 'columns'],
  ['provinces', 'bars'],
  ['victims', 'columns'],
  ['services', 'bars'],
  ['prosecutionFunnel', 'columns'],
  ['prosecutionStatus', 'bars'],
  ['sentences', 'columns'],
  ['years', 'years'],
];

/** A chart's height in pixels: horizontal bars grow with their rows. */
export function chartHeight(table: FigureTable, variant: ChartVariant): number {
  return variant === 'bars' ? Math.max(220, table.rows.length * 26 + 40) : 280;
}
