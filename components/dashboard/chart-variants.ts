import type { TableKey } from '@/lib/metrics-tables';
import type { ChartVariant } from './figure-chart';

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
