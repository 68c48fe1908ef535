import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { victims } from '../schema';
import { AGE_BANDS, type Sex } from '@/lib/vocabulary';

export type AgeBand = (typeof AGE_BANDS)[number]['key'];
export type VictimCount = { sex: Sex; band: AgeBand; count: number };

const band = sql.raw(`case ${AGE_BANDS.map((b) => `when age_at_offence between ${b.min} and ${b.max} then '${b.key}'`).join(' ')} end`);

/**
 * The live children of a case counted by sex and age band, computed in the database so
 * that nothing about any one child (id, code, nationality, services) is even selected:
 * what a liaison officer reads instead of the victim records. Only non-empty cells.
 */
export async function readVictimCounts(tx: Tx, caseId: string): Promise<VictimCount[]> {
  const rows = await tx
    .select({ sex: victims.sex, band: sql<AgeBand>`${band}`, count: sql<number>`count(*)::int` })
    .from(victims)
    .where(and(eq(victims.investigationId, caseId), isNull(victims.archivedAt)))
    .groupBy(victims.sex, sql`2`)
    .orderBy(victims.sex, sql`2`);
  return rows;
}
