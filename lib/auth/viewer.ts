import 'server-only';
import { cache } from 'react';
import { forbidden, redirect } from 'next/navigation';
import { auth } from './auth';
import { can, type Permission, type Viewer } from '@/lib/policy';
import { viewerForSession } from '@/db/queries/sessions';

/** The signed-in person for this request, or null. One session lookup per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const sessionId = session?.sessionId;
  const userId = session?.user?.id;
  if (!sessionId || !userId) return null;
  return viewerForSession(sessionId, userId);
});

/** For pages: signed-out (or revoked) visitors go to /login. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect('/login');
  return viewer;
}

/** For pages: a real 403 when the role may not do this at all. */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer, permission)) forbidden();
  return viewer;
}
