'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { changeUserRole, setUserActive, unlockUser } from '@/db/queries/users';
import { createUser, forcePasswordReset } from '@/db/queries/user-invites';
import { resetTwoStepOf } from '@/db/queries/two-step-account';
import { validatedAction } from '@/lib/actions/validated-action';
import { changeRoleInput, createUserInput, userIdInput } from '@/lib/validation/people';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';

const userActionInput = z.object({ userId: z.uuid(), change: z.enum(['activate', 'deactivate', 'unlock']) });

export type UserActionState = { error?: 'forbidden' | 'lastAdmin' | 'notFound' | 'invalid' };

export async function userAction(_prev: UserActionState, formData: FormData): Promise<UserActionState> {
  const viewer = await getViewer();
  const parsed = userActionInput.safeParse({ userId: formData.get('userId'), change: formData.get('change') });
  if (!parsed.success) return { error: 'invalid' };
  const { userId, change } = parsed.data;
  const ip = clientIp(await headers());
  try {
    if (change === 'unlock') await unlockUser(viewer, userId, ip);
    else await setUserActive(viewer, userId, change === 'activate', ip);
  } catch (err) {
    if (err instanceof ForbiddenError) return { error: 'forbidden' };
    if (err instanceof ConflictError) return { error: 'lastAdmin' };
    if (err instanceof NotFoundError) return { error: 'notFound' };
    throw err;
  }
  revalidatePath('/admin/users');
  return {};
}

const ipOfRequest = async () => clientIp(await headers());

/** Adds a person; the result carries the path of their one-time link, shown once. */
export const createUserAction = validatedAction(createUserInput, async (viewer, input) => {
  const { userId, token } = await createUser(viewer, input, await ipOfRequest());
  revalidatePath('/admin/users');
  return { userId, linkPath: `/set-password/${token}` };
});

export const changeRoleAction = validatedAction(changeRoleInput, async (viewer, input) => {
  await changeUserRole(viewer, input.userId, input.role, await ipOfRequest());
  revalidatePath('/admin/users');
  return null;
});

export const forceResetAction = validatedAction(userIdInput, async (viewer, input) => {
  const { token } = await forcePasswordReset(viewer, input.userId, await ipOfRequest());
  revalidatePath('/admin/users');
  return { linkPath: `/set-password/${token}` };
});

/** For someone who lost their phone: their authenticator and recovery codes are forgotten, their sessions end. */
export const resetTwoStepAction = validatedAction(userIdInput, async (viewer, input) => {
  await resetTwoStepOf(viewer, input.userId, await ipOfRequest());
  revalidatePath('/admin/users');
  return null;
});
