'use server';

import { headers } from 'next/headers';
import { getViewer } from '@/lib/auth/viewer';
import { signOut } from '@/lib/auth/auth';
import { clientIp } from '@/lib/auth/request-info';
import { signOutViewer } from '@/db/queries/sessions';

/** Ends the session on the server first, so a copied cookie can't be replayed, then clears it. */
export async function signOutAction(): Promise<void> {
  const viewer = await getViewer();
  if (viewer) await signOutViewer(viewer, clientIp(await headers()));
  await signOut({ redirectTo: '/login' });
}
