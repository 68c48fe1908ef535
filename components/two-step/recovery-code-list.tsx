import { useTranslations } from 'next-intl';

/** Recovery codes, shown once: right after they are made. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  const t = useTranslations('twoStep');
  return (
    <section aria-labelledby="recovery-title" className="rounded border border-amber-300 bg-amber-50 p-4">
      <h2 id="recovery-title" className="font-semibold">{t('recoveryTitle')}</h2>
      <p className="mb-2 text-sm">{t('recoveryIntro')}</p>
      <ul className="grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
        {codes.map((code) => <li key={code}>{code}</li>)}
      </ul>
    </section>
  );
}
