'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { qrSvg } from '@/lib/auth/totp-qr';
import { passwordAndCodeInput, startTwoStepInput, twoStepCodeInput } from '@/lib/validation/two-step';
import {
  confirmTwoStepEnrolment, disableTwoStep, regenerateRecoveryCodes, startTwoStepEnrolment,
} from '@/db/queries/two-step-account';

const ipOfRequest = async () => clientIp(await headers());

/** A new secret and its QR code for the authenticator app; nothing is on until a code confirms it. */
export const startTwoStepAction = validatedAction(startTwoStepInput, async (viewer) => {
  const { secret, uri } = await startTwoStepEnrolment(viewer, await ipOfRequest());
  return { secret, svg: await qrSvg(uri) };
});

/** Confirms the authenticator with the password and its first code; the recovery codes come back once. */
export const confirmTwoStepAction = validatedAction(passwordAndCodeInput, async (viewer, input) => {
  const recoveryCodes = await confirmTwoStepEnrolment(viewer, input.password, input.code, await ipOfRequest());
  revalidatePath('/account');
  return { recoveryCodes };
});

export const regenerateRecoveryCodesAction = validatedAction(twoStepCodeInput, async (viewer, input) => {
  const recoveryCodes = await regenerateRecoveryCodes(viewer, input.code, await ipOfRequest());
  revalidatePath('/account');
  return { recoveryCodes };
});

export const disableTwoStepAction = validatedAction(passwordAndCodeInput, async (viewer, input) => {
  await disableTwoStep(viewer, input.password, input.code, await ipOfRequest());
  revalidatePath('/account');
  return null;
});
