import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { DEMO_EMAILS, demoViewers } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { listUsers, setUserActive, unlockUser } from './users';

const testDb = useTestDatabase();
let admin: Viewer, manager: Viewer, investigator: Viewer;

beforeAll(async () => {
  ({ admin, manager, investigator } = await demoViewers(testDb));
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
