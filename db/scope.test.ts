import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';
import { getCase } from './queries/case-read';

const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

describe('a liaison officer\'s scope', () => {
  it('[liaison] an agency share stops opening cases once the agency is deactivated; a share by name still does', async () => {
    const [viaAgency] = await testDb.query<{ id: string }>(
      `select i.id from investigations i join investigation_agencies a on a.investigation_id = i.id and a.agency_id = $1
        where i.archived_at is null and not exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $2)
        order by i.id limit 1`, [v.liaison.agencyId, v.liaison.userId]);
    const [byName] = await testDb.query<{ id: string }>(
      `select investigation_id as id from investigation_members m join investigations i on i.id = m.investigation_id
        where m.user_id = $1 and m.role = 'liaison' and i.archived_at is null order by 1 limit 1`, [v.liaison.userId]);
    await expect(getCase(v.liaison, viaAgency!.id, null)).resolves.toMatchObject({ id: viaAgency!.id });

    await testDb.query(`update agencies set active = false where id = $1`, [v.liaison.agencyId]);
    try {
      await expect(getCase(v.liaison, viaAgency!.id, null)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getCase(v.liaison, byName!.id, null)).resolves.toMatchObject({ id: byName!.id });
    } finally {
      await testDb.query(`update agencies set active = true where id = $1`, [v.liaison.agencyId]);
    }
  });
});
