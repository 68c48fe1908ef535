'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { agencyActive, agencyEdit } from '@/lib/validation/admin-lists';
import { saveAgency, setAgencyActive } from '@/db/queries/agencies';

// Thin: the data layer checks the permission (administrators) and the version.
const ip = async () => clientIp(await headers());

export const saveAgencyAction = validatedAction(agencyEdit, async (viewer, input) => {
  const saved = await saveAgency(viewer, input, await ip());
  revalidatePath('/admin/agencies');
  return saved;
});

export const setAgencyActiveAction = validatedAction(agencyActive, async (viewer, input) => {
  const saved = await setAgencyActive(viewer, input, await ip());
  revalidatePath('/admin/agencies');
  return saved;
});
