'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { validatedAction, type ActionResult } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { newCaseInput } from '@/lib/validation/case-input';
import { createInvestigation } from '@/db/queries/case-create';

const create = validatedAction(newCaseInput, async (viewer, { submissionKey, ...input }) => {
  const { id } = await createInvestigation(viewer, input, { submissionKey, ip: clientIp(await headers()) });
  return { id } as const;
});

/** Opens the case and goes to it; on any failure the form gets a result and keeps its values. */
export async function createCaseAction(raw: unknown): Promise<ActionResult<never>> {
  const result = await create(raw);
  if (!result.ok) return result;
  revalidatePath('/cases');
  redirect(`/cases/${result.data.id}`);
}
