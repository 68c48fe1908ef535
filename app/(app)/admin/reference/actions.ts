'use server';

import { headers } from 'next/headers';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { referenceActive, referenceEdit, referenceMove } from '@/lib/validation/admin-lists';
import { moveReferenceValue, saveReferenceValue, setReferenceActive } from '@/db/queries/reference-admin';

// Thin: the data layer checks the permission (administrators); the form refreshes the page.
const ip = async () => clientIp(await headers());

export const saveReferenceAction = validatedAction(referenceEdit, async (viewer, input) => saveReferenceValue(viewer, input, await ip()));
export const setReferenceActiveAction = validatedAction(referenceActive, async (viewer, input) => setReferenceActive(viewer, input, await ip()));
export const moveReferenceAction = validatedAction(referenceMove, async (viewer, input) => moveReferenceValue(viewer, input, await ip()));
