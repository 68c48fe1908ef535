'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { referenceActive, referenceEdit, referenceMove } from '@/lib/validation/admin-lists';
import { moveReferenceValue, saveReferenceValue, setReferenceActive } from '@/db/queries/reference-admin';

// Thin: the data layer checks the permission (administrators).
const ip = async () => clientIp(await headers());

export const saveReferenceAction = validatedAction(referenceEdit, async (viewer, input) => {
  const saved = await saveReferenceValue(viewer, input, await ip());
  revalidatePath('/admin/reference');
  return saved;
});

export const setReferenceActiveAction = validatedAction(referenceActive, async (viewer, input) => {
  await setReferenceActive(viewer, input, await ip());
  revalidatePath('/admin/reference');
  return null;
});

export const moveReferenceAction = validatedAction(referenceMove, async (viewer, input) => {
  await moveReferenceValue(viewer, input, await ip());
  revalidatePath('/admin/reference');
  return null;
});
