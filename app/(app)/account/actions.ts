'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { changePasswordInput } from '@/lib/validation/password';
import { sessionIdInput } from '@/lib/validation/people';
import { changeOwnPassword, revokeOwnSession } from '@/db/queries/account';

export const changePasswordAction = validatedAction(changePasswordInput, async (viewer, input) => {
  await changeOwnPassword(viewer, input.current, input.password, clientIp(await headers()));
  revalidatePath('/account');
  return null;
});

export const revokeSessionAction = validatedAction(sessionIdInput, async (viewer, input) => {
  await revokeOwnSession(viewer, input.sessionId, clientIp(await headers()));
  revalidatePath('/account');
  return null;
});
