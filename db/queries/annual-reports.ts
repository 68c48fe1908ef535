import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { annualReports, users } from '../schema';
import type { ReportSections } from '../schema/reporting';
import type { Viewer } from '@/lib/policy';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { ReportDraftEdit, ReportPublish, ReportStart } from '@/lib/validation/annual-report';
import { readYearFigures, type YearFigures } from './metrics';

/**
 * Annual reports: per year, at most one draft and any number of published versions. A
 * draft shows the live figures; publishing freezes the figures and the text in the row, so
 * a published version never changes when records are later edited. Corrections start a
 * new draft (the next version number), copied from the latest published text.
 */
const COLUMNS = {
  id: annualReports.id,
  year: annualReports.year,
  versionNo: annualReports.versionNo,
  status: annualReports.status,
  sections: annualReports.sections,
  figures: annualReports.figures,
  publishedAt: annualReports.publishedAt,
  publishedBy: users.name,
  updatedAt: annualReports.updatedAt,
  version: annualReports.version,
};

export type ReportVersion = Omit<Awaited<ReturnType<typeof readVersions>>[number], 'figures'> & { figures: YearFigures | null };

const EMPTY_SECTIONS: ReportSections = { summary: '', achievements: '', challenges: '', partners: '' };

function readVersions(executor: Tx | ReturnType<typeof getDb>, year: number) {
  return executor.select(COLUMNS).from(annualReports)
    .leftJoin(users, eq(users.id, annualReports.publishedBy))
    .where(and(eq(annualReports.year, year), isNull(annualReports.archivedAt)))
    .orderBy(desc(annualReports.versionNo));
}

/** Every year with a report, newest first, with its latest version's status. */
export async function listReports(viewer: Viewer) {
  await authorize(viewer, 'reports:read', { action: 'report.list' });
  const rows = await getDb().execute(sql`select distinct on (year) year, version_no as "versionNo", status,
      bool_or(status = 'published') over (partition by year) as "hasPublished"
    from annual_reports where archived_at is null order by year desc, version_no desc`);
  return rows.rows as { year: number; versionNo: number; status: 'draft' | 'published'; hasPublished: boolean }[];
}

/** A year's report: its draft, if any, and its published versions, newest first. */
export async function getReportYear(viewer: Viewer, year: number) {
  await authorize(viewer, 'reports:read', { action: 'report.view', entityType: 'annual_report', entityId: String(year) });
  const versions = (await readVersions(getDb(), year)) as ReportVersion[];
  return { draft: versions.find((v) => v.status === 'draft') ?? null, published: versions.filter((v) => v.status === 'published') };
}

/** Starts the year's draft: empty, or a correction copied from the latest published text. */
export async function startReport(viewer: Viewer, input: ReportStart, ip: string | null) {
  await authorize(viewer, 'reports:write', { action: 'report.start', entityType: 'annual_report', entityId: String(input.year), ip });
  return getDb().transaction(async (tx) => {
    await lockYear(tx, input.year);
    const versions = await readVersions(tx, input.year);
    if (versions.some((v) => v.status === 'draft')) throw new ConflictError('draft_exists');
    const latest = versions[0];
    // Numbers are never reused, archived versions included.
    const [{ last }] = (await tx.execute(sql`select coalesce(max(version_no), 0)::int as last from annual_reports where year = ${input.year}`)).rows as [{ last: number }];
    const [row] = await tx.insert(annualReports).values({
      year: input.year,
      versionNo: last + 1,
      status: 'draft',
      sections: latest?.sections ?? EMPTY_SECTIONS,
      createdBy: viewer.userId,
    }).returning({ id: annualReports.id, version: annualReports.version, versionNo: annualReports.versionNo });
    await writeAudit(tx, viewer, { action: 'report.start', outcome: 'allowed', entityType: 'annual_report', entityId: row!.id, ip, detail: { year: input.year, versionNo: row!.versionNo } });
    return row!;
  });
}

/** Saves the draft's narrative at the version the form was loaded with. */
export async function saveReportDraft(viewer: Viewer, input: ReportDraftEdit, ip: string | null) {
  const { id, version, year, ...sections } = input;
  await authorize(viewer, 'reports:write', { action: 'report.save', entityType: 'annual_report', entityId: id ?? String(year), ip });
  if (!id || !version) throw new NotFoundError('annual_report');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.update(annualReports)
      .set({ sections, version: sql`${annualReports.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(annualReports.id, id), eq(annualReports.year, year), eq(annualReports.version, version), eq(annualReports.status, 'draft'), isNull(annualReports.archivedAt)))
      .returning({ id: annualReports.id, version: annualReports.version });
    if (!row) throw await refusal(tx, id);
    await writeAudit(tx, viewer, { action: 'report.save', outcome: 'allowed', entityType: 'annual_report', entityId: id, ip, detail: { year } });
    return row;
  });
}

/**
 * Publishes the draft: the year's figures are read and stored in the same snapshot and
 * transaction that marks it published, with who and when.
 */
export async function publishReport(viewer: Viewer, input: ReportPublish, ip: string | null) {
  await authorize(viewer, 'reports:publish', { action: 'report.publish', entityType: 'annual_report', entityId: input.id, ip });
  return getDb().transaction(async (tx) => {
    const [draft] = await tx.select({ year: annualReports.year, version: annualReports.version, status: annualReports.status })
      .from(annualReports).where(and(eq(annualReports.id, input.id), isNull(annualReports.archivedAt))).for('update');
    if (!draft) throw new NotFoundError('annual_report');
    if (draft.status !== 'draft' || draft.version !== input.version) throw await refusal(tx, input.id);
    const figures = await readYearFigures(tx, { year: draft.year });
    const [row] = await tx.update(annualReports)
      .set({ status: 'published', figures, publishedAt: sql`now()`, publishedBy: viewer.userId, version: sql`${annualReports.version} + 1`, updatedAt: sql`now()` })
      .where(eq(annualReports.id, input.id))
      .returning({ id: annualReports.id, version: annualReports.version, versionNo: annualReports.versionNo });
    await writeAudit(tx, viewer, { action: 'report.publish', outcome: 'allowed', entityType: 'annual_report', entityId: input.id, ip, detail: { year: draft.year, versionNo: row!.versionNo } });
    return row!;
  }, { isolationLevel: 'repeatable read' });
}

/** One serialised writer per year: two managers can't both start a draft. */
async function lockYear(tx: Tx, year: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('annual_report'), ${year})`);
}

/** Why a write matched no row: gone (404), or published or changed since (409, with the row as it is). */
async function refusal(tx: Tx, id: string) {
  const [current] = await tx.select({ status: annualReports.status, version: annualReports.version, sections: annualReports.sections })
    .from(annualReports).where(and(eq(annualReports.id, id), isNull(annualReports.archivedAt)));
  if (!current) return new NotFoundError('annual_report');
  const { version, ...values } = current;
  return new ConflictError(current.status === 'published' ? 'already_published' : 'stale_version', { version, current: values });
}
