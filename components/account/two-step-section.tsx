import { getTranslations } from 'next-intl/server';
import type { Viewer } from '@/lib/policy';
import { twoStepStatus } from '@/db/queries/two-step-account';
import { TwoStepSettings } from './two-step-settings';

/** My account: two-step sign-in on or off, recovery codes. */
export async function TwoStepSection({ viewer }: { viewer: Viewer }) {
  const [t, status] = await Promise.all([getTranslations('twoStep'), twoStepStatus(viewer)]);
  return (
    <section aria-labelledby="two-step-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="two-step-title" className="text-lg font-semibold">{t('accountTitle')}</h2>
      <p className="mb-3 text-sm text-slate-600" data-testid="two-step-status">
        {status.enabled ? t('accountOn', { count: status.recoveryCodesLeft }) : t('accountOff')}
        {status.required && ` ${t('accountRequired')}`}
      </p>
      <TwoStepSettings enabled={status.enabled} required={status.required} />
    </section>
  );
}
