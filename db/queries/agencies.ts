import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { authorize } from '../scope';
import { pgError, UNIQUE_VIOLATION } from '../pg-error';
import { agencies } from '../schema';
import type { Viewer } from '@/lib/policy';
import { ConflictError, FieldValidationError, NotFoundError } from '@/lib/errors';
import type { AgencyActive, AgencyEdit } from '@/lib/validation/admin-lists';

const COLUMNS = { id: agencies.id, version: agencies.version, name: agencies.name, nameKm: agencies.nameKm, kind: agencies.kind, active: agencies.active };

/** Every agency, active or not (administrators). */
export async function listAgencies(viewer: Viewer | null) {
  await authorize(viewer, 'agencies:manage', { action: 'agency.list' });
  // Active first: what people choose from, then the retired ones.
  return getDb().select(COLUMNS).from(agencies).orderBy(desc(agencies.active), asc(agencies.name));
}

/** Creates an agency (no id) or renames one at the version the form was loaded with. Audited. */
export async function saveAgency(viewer: Viewer | null, input: AgencyEdit, ip: string | null) {
  const { id, version, ...fields } = input;
  const action = id ? 'agency.update' : 'agency.create';
  const actor = await authorize(viewer, 'agencies:manage', { action, entityType: 'agency', entityId: id ?? undefined, ip });
  try {
    return await getDb().transaction(async (tx) => {
      if (!id || !version) {
        const [row] = await tx.insert(agencies).values({ ...fields, createdBy: actor.userId }).returning({ id: agencies.id, version: agencies.version });
        await writeAudit(tx, actor, { action, outcome: 'allowed', entityType: 'agency', entityId: row!.id, ip, detail: { kind: fields.kind } });
        return row!;
      }
      const [row] = await tx.update(agencies)
        .set({ ...fields, version: sql`${agencies.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(agencies.id, id), eq(agencies.version, version)))
        .returning({ id: agencies.id, version: agencies.version });
      if (!row) throw await refusal(tx, id);
      await writeAudit(tx, actor, { action, outcome: 'allowed', entityType: 'agency', entityId: id, ip, detail: { kind: fields.kind } });
      return row;
    });
  } catch (err) {
    if (pgError(err).code === UNIQUE_VIOLATION) throw new FieldValidationError({ name: 'caseEdit.errors.nameTaken' });
    throw err;
  }
}

/**
 * Deactivates or reactivates an agency. A deactivated one stays on the records that name
 * it (arrests, shares) and leaves the choices of the forms.
 */
export async function setAgencyActive(viewer: Viewer | null, input: AgencyActive, ip: string | null) {
  const action = input.active ? 'agency.reactivate' : 'agency.deactivate';
  const actor = await authorize(viewer, 'agencies:manage', { action, entityType: 'agency', entityId: input.id, ip });
  return getDb().transaction(async (tx) => {
    const [row] = await tx.update(agencies)
      .set({ active: input.active, version: sql`${agencies.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(agencies.id, input.id), eq(agencies.version, input.version)))
      .returning({ id: agencies.id, version: agencies.version });
    if (!row) throw await refusal(tx, input.id);
    await writeAudit(tx, actor, { action, outcome: 'allowed', entityType: 'agency', entityId: input.id, ip });
    return row;
  });
}

/** Why an update matched no row: gone (404) or changed by someone else since (409, with the agency as it is). */
async function refusal(tx: Tx, id: string) {
  const [current] = await tx.select(COLUMNS).from(agencies).where(eq(agencies.id, id));
  if (!current) return new NotFoundError('agency');
  const { version, ...values } = current;
  return new ConflictError('stale_version', { version, current: values });
}
