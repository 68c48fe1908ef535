'use server';

import { headers } from 'next/headers';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { expenditureEdit, expenditureRemove } from '@/lib/validation/expenditure';
import { removeExpenditure, saveExpenditure } from '@/db/queries/expenditures';

// Thin: the data layer checks the permission (managers) and the version.
const ip = async () => clientIp(await headers());

export const saveExpenditureAction = validatedAction(expenditureEdit, async (viewer, input) => saveExpenditure(viewer, input, await ip()));
export const removeExpenditureAction = validatedAction(expenditureRemove, async (viewer, input) => removeExpenditure(viewer, input, await ip()));
