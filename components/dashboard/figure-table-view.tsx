'use client';

import type { FigureTable } from '@/lib/metrics-tables';
import { formatNumber } from '@/lib/i18n/format';

/** A figure table as an HTML table: the text alternative of its chart. */
export function FigureTableView({ table, locale, caption }: { table: FigureTable; locale: string; caption?: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={`table-${table.key}`}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-1.5 ${c.numeric ? 'text-right' : ''}`}>{c.label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className={`border-t border-slate-100 ${table.marked.includes(r) ? 'bg-amber-50 font-semibold' : ''}`}>
              {row.map((cell, i) => {
                const text = typeof cell === 'number' ? formatNumber(cell, locale) : (cell ?? '—');
                return i === 0
                  ? <th key={i} scope="row" className="px-3 py-1.5 font-normal">{text}</th>
                  : <td key={i} className={`px-3 py-1.5 ${table.columns[i]?.numeric ? 'text-right tabular-nums' : ''}`}>{text}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
