import { randomUUID } from 'node:crypto';
import type { Viewer } from '@/lib/policy';
import type { TestDatabase } from './test-db';

/** A Viewer for a seeded account, as getViewer() would build it for that person. */
export async function viewerFor(testDb: TestDatabase, email: string): Promise<Viewer> {
  const [row] = await testDb.query<Omit<Viewer, 'sessionId'>>(
    `select id as "userId", role, agency_id as "agencyId", name, email, locale from users where lower(email) = lower($1)`,
    [email],
  );
  if (!row) throw new Error(`no seeded user ${email}`);
  return { ...row, sessionId: randomUUID() };
}

export const DEMO_EMAILS = {
  admin: 'admin@cpu.local',
  manager: 'manager@cpu.local',
  investigator: 'investigator@cpu.local',
  liaison: 'liaison@police.local',
} as const;

export type DemoRole = keyof typeof DEMO_EMAILS;

/** One Viewer per demo account. */
export async function demoViewers(testDb: TestDatabase): Promise<Record<DemoRole, Viewer>> {
  const entries = await Promise.all(
    (Object.keys(DEMO_EMAILS) as DemoRole[]).map(async (role) => [role, await viewerFor(testDb, DEMO_EMAILS[role])] as const),
  );
  return Object.fromEntries(entries) as Record<DemoRole, Viewer>;
}
