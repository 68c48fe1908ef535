import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';

/**
 * The dashboard's figures, kept per filter set with the data version they were computed at
 * (drizzle/0011: every transaction that changes a row a figure reads bumps the version at
 * its commit). A cached entry is used only when its version is the version of the reader's
 * own snapshot, so what it returns is exactly what computing again would return.
 */
export type FiguresKey = { year: number; province?: string | null; offenceType?: string | null };

export const figuresCacheKey = (f: FiguresKey) => JSON.stringify([f.year, f.province ?? null, f.offenceType ?? null]);

/** The version of the data as the transaction's snapshot sees it. */
export async function dataVersionOf(tx: Tx): Promise<number> {
  const { rows } = await tx.execute(sql`select version from data_version where id`);
  return Number((rows[0] as { version: unknown } | undefined)?.version ?? 0);
}

export async function cachedFigures<T>(tx: Tx, key: string, version: number): Promise<T | null> {
  const { rows } = await tx.execute(sql`select figures from figures_cache where key = ${key} and version = ${version}`);
  return (rows[0] as { figures: T } | undefined)?.figures ?? null;
}

/** Keeps the figures of the newest version seen for the key; an older computation never overwrites a newer one. */
export async function storeFigures(db: Db, key: string, version: number, figures: unknown): Promise<void> {
  await db.execute(sql`insert into figures_cache (key, version, figures) values (${key}, ${version}, ${JSON.stringify(figures)}::jsonb)
    on conflict (key) do update set version = excluded.version, figures = excluded.figures, computed_at = now()
    where figures_cache.version < excluded.version`);
}
