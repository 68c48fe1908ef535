import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getViewer } from '@/lib/auth/viewer';
import { CHALLENGE_COOKIE } from '@/lib/auth/challenge-cookie';
import { qrSvg } from '@/lib/auth/totp-qr';
import { homePath } from '@/lib/policy';
import { enrolmentSecret, readChallenge } from '@/db/queries/sign-in-second-step';
import { AuthCard } from '@/components/auth/auth-card';
import { CodeForm, EnrolmentForm, FinishEnrolment } from '@/components/two-step/sign-in-forms';
import { EnrolmentDetails } from '@/components/two-step/enrolment-details';

/** The second step of signing in; only reachable with a live challenge cookie from the password step. */
export default async function TwoStepPage() {
  const viewer = await getViewer();
  if (viewer) redirect(homePath(viewer.role));
  const token = (await cookies()).get(CHALLENGE_COOKIE)?.value;
  const challenge = await readChallenge(token);
  if (!challenge) redirect('/login');
  const t = await getTranslations('twoStep');
  const enrolment = challenge.enrol && !challenge.verified ? await enrolmentSecret(token) : null;

  return (
    <AuthCard title={challenge.enrol ? t('enrolTitle') : t('loginTitle')}>
      {enrolment ? (
        <>
          <p className="text-sm text-slate-600">{t('enrolIntro')}</p>
          <EnrolmentDetails svg={await qrSvg(enrolment.uri)} secret={enrolment.secret} />
          <EnrolmentForm />
        </>
      ) : challenge.verified ? (
        <FinishEnrolment />
      ) : (
        <>
          <p className="text-sm text-slate-600">{t('codeIntro')}</p>
          <CodeForm />
        </>
      )}
    </AuthCard>
  );
}
