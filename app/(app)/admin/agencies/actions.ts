'use server';

import { headers } from 'next/headers';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { agencyActive, agencyEdit } from '@/lib/validation/admin-lists';
import { saveAgency, setAgencyActive } from '@/db/queries/agencies';

// Thin: the data layer checks the permission (administrators) and the version; the form refreshes the page.
const ip = async () => clientIp(await headers());

export const saveAgencyAction = validatedAction(agencyEdit, async (viewer, input) => saveAgency(viewer, input, await ip()));
export const setAgencyActiveAction = validatedAction(agencyActive, async (viewer, input) => setAgencyActive(viewer, input, await ip()));
