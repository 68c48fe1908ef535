import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { DEMO_EMAILS, demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { changeUserRole, listUsers, setUserActive, unlockUser } from './users';
import { viewerForSession } from './sessions';

const testDb = useTestDatabase();
let admin: Viewer, manager: Viewer, investigator: Viewer, liaison: Viewer;

beforeAll(async () => {
  ({ admin, manager, investigator, liaison } = await demoViewers(testDb));
});

const userRow = async (id: string) =>
  (await testDb.query<{ active: boolean; version: number; updated_at: Date }>('select active, version, updated_at from users where id = $1', [id]))[0]!;

describe('people administration', () => {
  it('[admin] lists people; [manager] and [investigator] are refused', async () => {
    expect((await listUsers(admin)).map((u) => u.email)).toContain(DEMO_EMAILS.investigator);
    await expect(listUsers(manager)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(investigator)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('[manager] cannot deactivate anyone: refused, audited, the row unchanged', async () => {
    const before = await userRow(investigator.userId);
    await expect(setUserActive(manager, investigator.userId, false, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await userRow(investigator.userId)).toEqual(before);
    const denied = await testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'user.deactivate' and outcome = 'denied'`, [manager.userId]);
    expect(denied.length).toBe(1);
  });

  it('[admin] deactivating a person revokes all their sessions; reactivating lets them back', async () => {
    await testDb.query(`insert into sessions (user_id, expires_at) values ($1, now() + interval '1 hour'), ($1, now() + interval '1 hour')`, [investigator.userId]);
    await setUserActive(admin, investigator.userId, false, null);
    expect((await userRow(investigator.userId)).active).toBe(false);
    const open = await testDb.query(`select 1 from sessions where user_id = $1 and revoked_at is null`, [investigator.userId]);
    expect(open.length).toBe(0);
    await setUserActive(admin, investigator.userId, true, null);
    expect((await userRow(investigator.userId)).active).toBe(true);
    const audited = await testDb.query(`select action from audit_events where actor_id = $1 and entity_id = $2 and outcome = 'allowed' order by id`, [admin.userId, investigator.userId]);
    expect(audited.map((r) => (r as { action: string }).action)).toEqual(['user.deactivate', 'user.reactivate']);
  });

  it('[admin] cannot deactivate the last active administrator', async () => {
    const admins = await testDb.query<{ n: number }>(`select count(*)::int as n from users where role = 'admin' and active`);
    expect(admins[0]!.n).toBe(1);
    const before = await userRow(admin.userId);
    await expect(setUserActive(admin, admin.userId, false, null)).rejects.toBeInstanceOf(ConflictError);
    expect(await userRow(admin.userId)).toEqual(before);
  });

  it('[admin] unlocks a locked account; [manager] is refused and the lock stays', async () => {
    await testDb.query(`update users set locked_at = now() where id = $1`, [investigator.userId]);
    const before = await userRow(investigator.userId);
    await expect(unlockUser(manager, investigator.userId, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await userRow(investigator.userId)).toEqual(before);
    await unlockUser(admin, investigator.userId, null);
    const [row] = await testDb.query<{ locked_at: Date | null }>('select locked_at from users where id = $1', [investigator.userId]);
    expect(row!.locked_at).toBeNull();
    const audited = await testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'user.unlock' and entity_id = $2 and outcome = 'allowed'`, [admin.userId, investigator.userId]);
    expect(audited.length).toBe(1);
  });
});

describe('role changes and the last administrator', () => {
  const sessionOf = async (userId: string) =>
    (await testDb.query<{ id: string }>(`insert into sessions (user_id, expires_at) values ($1, now() + interval '1 hour') returning id`, [userId]))[0]!.id;

  it('[admin] changing a role acts on the person\'s very next request, in the session they have; audited', async () => {
    const session = await sessionOf(investigator.userId);
    expect((await viewerForSession(session, investigator.userId))?.role).toBe('investigator');
    await changeUserRole(admin, investigator.userId, 'liaison', null);
    expect((await viewerForSession(session, investigator.userId))?.role).toBe('liaison');
    const [audit] = await testDb.query<{ detail: unknown }>(`select detail from audit_events where action = 'user.role_change' and entity_id = $1 and outcome = 'allowed'`, [investigator.userId]);
    expect(audit!.detail).toEqual({ from: 'investigator', to: 'liaison' });
    await changeUserRole(admin, investigator.userId, 'investigator', null);
  });

  it('[admin] the last active administrator can\'t demote themselves; with a second admin they can', async () => {
    const before = await testDb.query('select role, version from users where id = $1', [admin.userId]);
    await expect(changeUserRole(admin, admin.userId, 'manager', null)).rejects.toBeInstanceOf(ConflictError);
    expect(await testDb.query('select role, version from users where id = $1', [admin.userId])).toEqual(before);
    // An inactive admin does not count.
    await testDb.query(`update users set role = 'admin', active = false where id = $1`, [manager.userId]);
    await expect(changeUserRole(admin, admin.userId, 'manager', null)).rejects.toBeInstanceOf(ConflictError);
    await expect(setUserActive(admin, admin.userId, false, null)).rejects.toBeInstanceOf(ConflictError);
    await testDb.query(`update users set role = 'manager', active = true where id = $1`, [manager.userId]);
  });

  it('two admins demoting each other at once: one is refused, an admin remains', async () => {
    const [second] = await testDb.query<{ id: string }>(`insert into users (email, name, role) values ('second.admin@cpu.local', 'Second Admin', 'admin') returning id`);
    const adminB = { ...admin, userId: second!.id, sessionId: admin.sessionId };
    const results = await Promise.allSettled([
      changeUserRole(admin, second!.id, 'manager', null),
      changeUserRole(adminB, admin.userId, 'manager', null),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const admins = await testDb.query<{ n: number }>(`select count(*)::int as n from users where role = 'admin' and active`);
    expect(admins[0]!.n).toBe(1);
    // Put things back: the demo admin stays the only admin.
    await testDb.query(`update users set role = 'admin' where id = $1`, [admin.userId]);
    await testDb.query(`update users set role = 'manager', active = false where id = $1`, [second!.id]);
  });

  it('[investigator] [liaison] [manager] cannot change a role: refused, audited, the row unchanged', async () => {
    for (const who of [investigator, liaison, manager]) {
      const before = await testDb.query('select role, version from users where id = $1', [who.userId]);
      await expect(changeUserRole(who, who.userId, 'admin', null)).rejects.toBeInstanceOf(ForbiddenError);
      expect(await testDb.query('select role, version from users where id = $1', [who.userId])).toEqual(before);
      const denied = await testDb.query(`select 1 from audit_events where actor_id = $1 and action = 'user.role_change' and outcome = 'denied'`, [who.userId]);
      expect(denied.length).toBe(1);
    }
  });

  it('[admin] search and filters: by name or email, role, agency, status; LIKE wildcards are literal', async () => {
    expect((await listUsers(admin, { q: 'INVESTIGATOR@cpu' })).map((u) => u.email)).toEqual([DEMO_EMAILS.investigator]);
    expect((await listUsers(admin, { q: '%' })).length).toBe(0);
    expect((await listUsers(admin, { role: 'liaison' })).every((u) => u.role === 'liaison')).toBe(true);
    expect((await listUsers(admin, { agencyId: liaison.agencyId! })).map((u) => u.email)).toContain(DEMO_EMAILS.liaison);
    expect((await listUsers(admin, { agencyId: liaison.agencyId! })).map((u) => u.email)).not.toContain(DEMO_EMAILS.admin);
    await testDb.query('update users set locked_at = now() where id = $1', [liaison.userId]);
    expect((await listUsers(admin, { status: 'locked' })).map((u) => u.email)).toEqual([DEMO_EMAILS.liaison]);
    await testDb.query('update users set locked_at = null where id = $1', [liaison.userId]);
    expect((await listUsers(admin, { status: 'inactive' })).every((u) => !u.active)).toBe(true);
  });
});
