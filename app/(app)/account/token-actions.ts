'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { createTokenInput, tokenIdInput } from '@/lib/validation/api-token';
import { createOwnToken, revokeOwnToken } from '@/db/queries/api-tokens';

/** Returns the token itself, once: the page shows it and it is never stored or shown again. */
export const createTokenAction = validatedAction(createTokenInput, async (viewer, input) => {
  const created = await createOwnToken(viewer, input, clientIp(await headers()));
  revalidatePath('/account');
  return { token: created.token, prefix: created.prefix };
});

export const revokeTokenAction = validatedAction(tokenIdInput, async (viewer, input) => {
  await revokeOwnToken(viewer, input.tokenId, clientIp(await headers()));
  revalidatePath('/account');
  return null;
});
