import type { ReactNode } from 'react';

export type Column = ReactNode | { label: ReactNode; className: string };

/** The app's one table shell: a scrolling frame, the header row, and the rows given as children. */
export function DataTable({ columns, children, testId }: { columns: Column[]; children: ReactNode; testId?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((c, i) => {
              const { label, className } = c && typeof c === 'object' && 'label' in c ? c : { label: c, className: '' };
              return <th key={i} scope="col" className={`px-3 py-2 ${className}`.trim()}>{label}</th>;
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** What a list says when it has nothing to show. */
export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-slate-600">{children}</p>;
}
