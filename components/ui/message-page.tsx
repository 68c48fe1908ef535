import Link from 'next/link';

/** The page shown for 403, 404 and errors: a title, a sentence, a way home. No case contents. */
export function MessagePage({ title, body, homeLabel, children }: { title: string; body: string; homeLabel: string; children?: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-2 text-slate-700">{body}</p>
      {children}
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">{homeLabel}</Link>
    </main>
  );
}
