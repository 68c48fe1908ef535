import { useTranslations } from 'next-intl';

/** The QR code to scan and, for typing by hand, the same secret as text. */
export function EnrolmentDetails({ svg, secret }: { svg: string; secret: string }) {
  const t = useTranslations('twoStep');
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <div className="space-y-3">
      {/* SVG drawn on the server by the qrcode library from our own otpauth:// address. */}
      <div role="img" aria-label={t('qrLabel')} className="w-48" dangerouslySetInnerHTML={{ __html: svg }} />
      <div>
        <p className="text-sm font-medium text-slate-800">{t('secretLabel')}</p>
        <code className="block break-all rounded bg-slate-100 px-3 py-2 font-mono text-base" data-testid="totp-secret">{grouped}</code>
      </div>
    </div>
  );
}
