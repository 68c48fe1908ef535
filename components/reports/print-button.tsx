'use client';

/** Prints the report page: the print stylesheet leaves only the document. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-100">
      {label}
    </button>
  );
}
