import type { TestDatabase } from './test-db';

/**
 * Row count and an order-free sum of row hashes per table: any insert, update or delete
 * changes a table's value. For "a refusal leaves the rows as they were".
 */
export async function tableSnapshot(db: TestDatabase, tables: readonly string[]): Promise<Record<string, string>> {
  const cols = tables.map((t) => `(select count(*) || ':' || coalesce(sum(('x' || substr(md5(x::text), 1, 15))::bit(60)::bigint), 0) from "${t}" x) as "${t}"`);
  return (await db.query<Record<string, string>>(`select ${cols.join(', ')}`))[0]!;
}

/** The tables whose snapshot value differs. */
export const changedTables = (a: Record<string, string>, b: Record<string, string>) => Object.keys(a).filter((t) => a[t] !== b[t]);

/** What a case must hold for the checks that take it. */
export type CaseHolds = 'suspect' | 'namedVictim' | 'location' | 'service';
const HOLDS: Record<CaseHolds, string> = {
  suspect: 'exists (select 1 from suspects s where s.investigation_id = i.id and s.archived_at is null)',
  namedVictim: 'exists (select 1 from victims v where v.investigation_id = i.id and v.archived_at is null and v.full_name is not null)',
  location: 'exists (select 1 from offence_locations l where l.investigation_id = i.id and l.archived_at is null)',
  service: 'exists (select 1 from victim_services vs where vs.investigation_id = i.id and vs.archived_at is null)',
};

/**
 * Hands out open demo cases the investigator works on and the liaison's agency shares, each
 * once per test file, so every check writes to a case no other check has touched.
 */
export function casesInScope(db: TestDatabase, scope: () => { investigatorId: string; agencyId: string | null }, holds: CaseHolds[]) {
  const used = new Set<string>();
  return async function takeCaseIn(): Promise<string> {
    const { investigatorId, agencyId } = scope();
    const rows = await db.query<{ id: string }>(
      `select i.id from investigations i
        where i.archived_at is null and i.status <> 'closed'
          and exists (select 1 from investigation_members m where m.investigation_id = i.id and m.user_id = $1)
          and exists (select 1 from investigation_agencies a where a.investigation_id = i.id and a.agency_id = $2)
          ${holds.map((h) => `and ${HOLDS[h]}`).join('\n          ')}
        order by i.reference`,
      [investigatorId, agencyId],
    );
    const id = rows.map((r) => r.id).find((x) => !used.has(x));
    if (!id) throw new Error('no unused case in the investigator\'s and liaison\'s scope');
    used.add(id);
    return id;
  };
}
