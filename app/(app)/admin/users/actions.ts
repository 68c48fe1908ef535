'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { setUserActive } from '@/db/queries/users';
import { ConflictError, ForbiddenError, NotFoundError } from '@/lib/errors';

const setActiveInput = z.object({ userId: z.uuid(), active: z.enum(['true', 'false']) });

export type SetActiveState = { error?: 'forbidden' | 'lastAdmin' | 'notFound' | 'invalid' };

export async function setUserActiveAction(_prev: SetActiveState, formData: FormData): Promise<SetActiveState> {
  const viewer = await getViewer();
  const parsed = setActiveInput.safeParse({ userId: formData.get('userId'), active: formData.get('active') });
  if (!parsed.success) return { error: 'invalid' };
  try {
    await setUserActive(viewer, parsed.data.userId, parsed.data.active === 'true', clientIp(await headers()));
  } catch (err) {
    if (err instanceof ForbiddenError) return { error: 'forbidden' };
    if (err instanceof ConflictError) return { error: 'lastAdmin' };
    if (err instanceof NotFoundError) return { error: 'notFound' };
    throw err;
  }
  revalidatePath('/admin/users');
  return {};
}
