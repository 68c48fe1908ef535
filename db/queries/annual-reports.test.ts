import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/db/testing/test-db';
import { demoViewers, type DemoRole } from '@/db/testing/viewers';
import type { Viewer } from '@/lib/policy';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { reportDraftEdit } from '@/lib/validation/annual-report';
import { getReportYear, listReports, publishReport, saveReportDraft, startReport } from './annual-reports';
import { computeYearFigures } from './metrics';

const testDb = useTestDatabase();
let v: Record<DemoRole, Viewer>;
beforeAll(async () => {
  v = await demoViewers(testDb);
});

const TEXT = { summary: 'The unit investigated 313 cases.', achievements: 'Arrests rose.', challenges: 'Court delays.', partners: 'AHTJPD and the courts.' };
const snapshot = async () => (await testDb.query(`select json_agg(r order by r.id)::text as rows from annual_reports r`))[0];

describe('the annual report', () => {
  it('[manager] drafts, publishes, and a published version keeps its figures when records change; a correction is a new version', async () => {
    const draft = await startReport(v.manager, { year: 2021 }, null);
    expect(draft.versionNo).toBe(1);
    await expect(startReport(v.manager, { year: 2021 }, null)).rejects.toBeInstanceOf(ConflictError);
    const saved = await saveReportDraft(v.manager, reportDraftEdit.parse({ year: 2021, id: draft.id, version: draft.version, ...TEXT }), null);
    await expect(saveReportDraft(v.manager, reportDraftEdit.parse({ year: 2021, id: draft.id, version: draft.version, ...TEXT }), null))
      .rejects.toBeInstanceOf(ConflictError);

    await publishReport(v.manager, { id: draft.id, version: saved.version }, null);
    const first = (await getReportYear(v.manager, 2021)).published[0]!;
    expect(first).toMatchObject({ versionNo: 1, status: 'published', publishedBy: 'Mao Chenda', sections: TEXT });
    expect(first.figures!.headlines).toMatchObject({ investigations: 313, suspectsArrested: 268 });
    await expect(saveReportDraft(v.manager, reportDraftEdit.parse({ year: 2021, id: draft.id, version: saved.version + 1, ...TEXT }), null))
      .rejects.toMatchObject({ message: 'already_published' });

    // Records change after publishing: the live figures move, the published ones don't.
    await testDb.query(`update investigations set archived_at = now(), archive_reason = 'duplicate'
      where id = (select id from investigations where archived_at is null and opened_on between '2021-01-01' and '2021-12-31' order by id limit 1)`);
    expect((await computeYearFigures(testDb.db(), { year: 2021 })).headlines.investigations).toBe(312);
    expect((await getReportYear(v.manager, 2021)).published[0]!.figures!.headlines.investigations).toBe(313);

    // A correction: the next version, starting from the published text, published beside the first.
    const correction = await startReport(v.manager, { year: 2021 }, null);
    expect(correction.versionNo).toBe(2);
    const year = await getReportYear(v.manager, 2021);
    expect(year.draft).toMatchObject({ versionNo: 2, sections: TEXT });
    await publishReport(v.manager, { id: correction.id, version: correction.version }, null);
    const after = await getReportYear(v.manager, 2021);
    expect(after.draft).toBeNull();
    expect(after.published.map((p) => [p.versionNo, p.figures!.headlines.investigations])).toEqual([[2, 312], [1, 313]]);
    expect(await listReports(v.manager)).toContainEqual({ year: 2021, versionNo: 2, status: 'published', hasPublished: true });

    const audit = await testDb.query<{ action: string }>(`select action from audit_events where action like 'report.%' and outcome = 'allowed' and action <> 'report.view' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['report.start', 'report.save', 'report.publish', 'report.start', 'report.publish']);
  });

  it.each(['investigator', 'liaison', 'admin'] as const)('[%s] may not read, start, save or publish: refused, audited, nothing written', async (role) => {
    const draft = await startReport(v.manager, { year: 2019 }, null);
    const before = await snapshot();
    await expect(listReports(v[role])).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getReportYear(v[role], 2019)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(startReport(v[role], { year: 2018 }, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveReportDraft(v[role], reportDraftEdit.parse({ year: 2019, id: draft.id, version: draft.version, ...TEXT }), null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(publishReport(v[role], { id: draft.id, version: draft.version }, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
    const [denied] = await testDb.query<{ n: number }>(`select count(*)::int as n from audit_events where actor_id = $1 and action like 'report.%' and outcome = 'denied'`, [v[role].userId]);
    expect(denied!.n).toBe(5);
    // Leave the year as found for the next role.
    await testDb.query(`update annual_reports set archived_at = now() where id = $1`, [draft.id]);
  });
});
