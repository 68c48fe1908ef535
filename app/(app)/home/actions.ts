'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/viewer';
import { clientIp } from '@/lib/auth/request-info';
import { ForbiddenError } from '@/lib/errors';
import { findCaseByReference } from '@/db/queries/case-find-reference';
import type { FindCaseState } from '@/components/home/find-case-state';

/** Longer than any reference; what is kept to show back in the field. */
const MAX_TYPED = 100;

/**
 * Finds a case by its reference and opens it; otherwise answers "not found" with what was
 * typed, the same whether the case is out of scope or does not exist. The reference travels
 * in the POST body, and only the case id ends up in the URL.
 */
export async function findCaseAction(_prev: FindCaseState, formData: FormData): Promise<FindCaseState> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  const raw = formData.get('reference');
  const reference = typeof raw === 'string' ? raw.slice(0, MAX_TYPED) : '';
  let id: string | null;
  try {
    id = await findCaseByReference(viewer, reference, clientIp(await headers()));
  } catch (err) {
    if (err instanceof ForbiddenError) return { reference, notFound: true };
    console.error(`[home] find by reference failed: ${err instanceof Error ? err.name : 'error'}`);
    return { reference, unavailable: true };
  }
  if (!id) return { reference, notFound: true };
  redirect(`/cases/${id}`);
}
