import 'server-only';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Tx } from '../client';
import { recordCaseChange } from '../events';
import { agencies, investigationAgencies, investigationMembers, investigations, users } from '../schema';
import type { Viewer } from '@/lib/policy';
import type { MemberRole } from '@/lib/vocabulary';
import { ConflictError, FieldValidationError, NotFoundError } from '@/lib/errors';
import type { AgencyShareChange, LeadSet, LiaisonShareChange, TeamMemberChange } from '@/lib/validation/case-team';
import { caseEditableBy, caseWrite, touchCase } from './case-write';
import { lockCaseAt } from './case-update';

/*
 * Who works on a case and who it is shared with (managers).
 *
 * Decisions:
 * - One lead per case. Setting a new lead moves the previous one onto the team as an
 *   investigator: they keep the access they had, and a manager removes them explicitly if
 *   they should lose it. So a lead is only ever replaced, never removed: removing the lead
 *   is refused until another lead is set.
 * - Setting the lead changes the case itself and is checked against the case's version (two
 *   managers choosing different leads don't silently overwrite each other). Adding, removing,
 *   sharing and withdrawing name their target and are checked against that target's state
 *   instead ("already shared", "no longer shared"), so a withdrawal is never refused just
 *   because someone edited a suspect meanwhile. Every change still bumps the case version.
 * - Each write locks the case row first, so team changes on one case run one at a time and
 *   the one-lead rule holds without a database constraint.
 * - Eligibility of the target is checked in the database, inside the write's transaction;
 *   withdrawals and removals are not, so an inactive person or agency can always be taken off.
 */

const E = (key: string) => `caseTeam.errors.${key}`;
const STAFF_ROLES = ['investigator', 'manager'] as const;

/** Locks the case if the viewer may change it (in scope, not archived); else 404. */
async function lockCase(tx: Tx, viewer: Viewer, caseId: string): Promise<void> {
  const [row] = await tx
    .select({ id: investigations.id })
    .from(investigations)
    .where(and(eq(investigations.id, caseId), caseEditableBy(viewer)))
    .for('update');
  if (!row) throw new NotFoundError('investigation');
}

/** An active investigator or manager of the CPU itself. */
async function isEligibleStaff(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, STAFF_ROLES), eq(agencies.kind, 'cpu'), eq(agencies.active, true)));
  return Boolean(row);
}

/** An active liaison officer; returns their agency for the timeline. */
async function eligibleLiaison(tx: Tx, userId: string): Promise<{ agencyId: string | null } | null> {
  const [row] = await tx
    .select({ agencyId: users.agencyId })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), eq(users.role, 'liaison')));
  return row ?? null;
}

async function isEligibleAgency(tx: Tx, agencyId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.active, true), ne(agencies.kind, 'cpu')));
  return Boolean(row);
}

async function memberRole(tx: Tx, caseId: string, userId: string): Promise<MemberRole | null> {
  const [row] = await tx
    .select({ role: investigationMembers.role })
    .from(investigationMembers)
    .where(and(eq(investigationMembers.investigationId, caseId), eq(investigationMembers.userId, userId)));
  return row?.role ?? null;
}

/** Makes `userId` the lead; the previous lead stays on the team as an investigator. */
export async function setLead(viewer: Viewer, input: LeadSet, ip: string | null) {
  const { caseId, version, userId } = input;
  return caseWrite(viewer, 'cases:assign', { caseId, kind: 'lead_changed', ip }, async (tx) => {
    const { archivedAt } = await lockCaseAt(tx, viewer, caseId, version, {});
    if (archivedAt) throw new NotFoundError('investigation');
    if (!(await isEligibleStaff(tx, userId))) throw new FieldValidationError({ userId: E('notEligibleStaff') });
    const current = await memberRole(tx, caseId, userId);
    if (current === 'lead') throw new FieldValidationError({ userId: E('alreadyLead') });
    const [previous] = await tx
      .update(investigationMembers)
      .set({ role: 'investigator' })
      .where(and(eq(investigationMembers.investigationId, caseId), eq(investigationMembers.role, 'lead')))
      .returning({ userId: investigationMembers.userId });
    await tx
      .insert(investigationMembers)
      .values({ investigationId: caseId, userId, role: 'lead', addedBy: viewer.userId })
      .onConflictDoUpdate({ target: [investigationMembers.investigationId, investigationMembers.userId], set: { role: 'lead' } });
    const [row] = await tx
      .update(investigations)
      .set({ version: sql`${investigations.version} + 1`, updatedAt: sql`now()`, updatedBy: viewer.userId })
      .where(and(eq(investigations.id, caseId), eq(investigations.version, version), caseEditableBy(viewer)))
      .returning({ version: investigations.version });
    if (!row) throw new NotFoundError('investigation');
    await recordCaseChange(tx, viewer, {
      investigationId: caseId, kind: 'lead_changed', ip,
      data: { userId, role: 'lead', previousUserId: previous?.userId ?? null },
    });
    return { version: row.version };
  });
}

export async function addTeamMember(viewer: Viewer, input: TeamMemberChange, ip: string | null) {
  const { caseId, userId } = input;
  return caseWrite(viewer, 'cases:assign', { caseId, kind: 'member_added', ip }, async (tx) => {
    await lockCase(tx, viewer, caseId);
    if (!(await isEligibleStaff(tx, userId))) throw new FieldValidationError({ userId: E('notEligibleStaff') });
    const current = await memberRole(tx, caseId, userId);
    if (current) throw new FieldValidationError({ userId: current === 'lead' ? E('alreadyLead') : E('alreadyMember') });
    await tx.insert(investigationMembers).values({ investigationId: caseId, userId, role: 'investigator', addedBy: viewer.userId });
    const version = await touchCase(tx, viewer, caseId);
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'member_added', ip, data: { userId, role: 'investigator' } });
    return { version };
  });
}

/** Takes an investigator off the team. The lead can't be removed, only replaced. */
export async function removeTeamMember(viewer: Viewer, input: TeamMemberChange, ip: string | null) {
  const { caseId, userId } = input;
  return caseWrite(viewer, 'cases:assign', { caseId, kind: 'member_removed', ip }, async (tx) => {
    await lockCase(tx, viewer, caseId);
    const current = await memberRole(tx, caseId, userId);
    if (current === 'lead') throw new FieldValidationError({ userId: E('leadNeedsReplacement') });
    if (current !== 'investigator') throw new ConflictError('not_a_member');
    await tx.delete(investigationMembers).where(and(
      eq(investigationMembers.investigationId, caseId), eq(investigationMembers.userId, userId), eq(investigationMembers.role, 'investigator'),
    ));
    const version = await touchCase(tx, viewer, caseId);
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'member_removed', ip, data: { userId, role: 'investigator' } });
    return { version };
  });
}

export async function shareWithAgency(viewer: Viewer, input: AgencyShareChange, ip: string | null) {
  const { caseId, agencyId } = input;
  return caseWrite(viewer, 'cases:share', { caseId, kind: 'shared_with_agency', ip }, async (tx) => {
    await lockCase(tx, viewer, caseId);
    if (!(await isEligibleAgency(tx, agencyId))) throw new FieldValidationError({ agencyId: E('notEligibleAgency') });
    const inserted = await tx
      .insert(investigationAgencies)
      .values({ investigationId: caseId, agencyId, sharedBy: viewer.userId })
      .onConflictDoNothing()
      .returning({ agencyId: investigationAgencies.agencyId });
    if (inserted.length === 0) throw new FieldValidationError({ agencyId: E('alreadyShared') });
    const version = await touchCase(tx, viewer, caseId);
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'shared_with_agency', ip, data: { agencyId } });
    return { version };
  });
}

/**
 * Ends an agency's share. Its liaison officers lose the case on their next request, except
 * those also named on the case, who keep it through their own share.
 */
export async function withdrawAgencyShare(viewer: Viewer, input: AgencyShareChange, ip: string | null) {
  const { caseId, agencyId } = input;
  return caseWrite(viewer, 'cases:share', { caseId, kind: 'agency_share_withdrawn', ip }, async (tx) => {
    await lockCase(tx, viewer, caseId);
    const deleted = await tx
      .delete(investigationAgencies)
      .where(and(eq(investigationAgencies.investigationId, caseId), eq(investigationAgencies.agencyId, agencyId)))
      .returning({ agencyId: investigationAgencies.agencyId });
    if (deleted.length === 0) throw new ConflictError('not_shared');
    const version = await touchCase(tx, viewer, caseId);
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'agency_share_withdrawn', ip, data: { agencyId } });
    return { version };
  });
}

export async function shareWithLiaison(viewer: Viewer, input: LiaisonShareChange, ip: string | null) {
  const { caseId, userId } = input;
  return caseWrite(viewer, 'cases:share', { caseId, kind: 'shared_with_liaison', ip }, async (tx) => {
    await lockCase(tx, viewer, caseId);
    const liaison = await eligibleLiaison(tx, userId);
    if (!liaison) throw new FieldValidationError({ userId: E('notEligibleLiaison') });
    const inserted = await tx
      .insert(investigationMembers)
      .values({ investigationId: caseId, userId, role: 'liaison', addedBy: viewer.userId })
      .onConflictDoNothing()
      .returning({ userId: investigationMembers.userId });
    if (inserted.length === 0) throw new FieldValidationError({ userId: E('alreadyShared') });
    const version = await touchCase(tx, viewer, caseId);
    await recordCaseChange(tx, viewer, {
      investigationId: caseId, kind: 'shared_with_liaison', ip, data: { userId, agencyId: liaison.agencyId, role: 'liaison' },
    });
    return { version };
  });
}

/** Ends a named liaison officer's share; a share with their agency, if any, still applies. */
export async function withdrawLiaisonShare(viewer: Viewer, input: LiaisonShareChange, ip: string | null) {
  const { caseId, userId } = input;
  return caseWrite(viewer, 'cases:share', { caseId, kind: 'liaison_share_withdrawn', ip }, async (tx) => {
    await lockCase(tx, viewer, caseId);
    const deleted = await tx
      .delete(investigationMembers)
      .where(and(eq(investigationMembers.investigationId, caseId), eq(investigationMembers.userId, userId), eq(investigationMembers.role, 'liaison')))
      .returning({ userId: investigationMembers.userId });
    if (deleted.length === 0) throw new ConflictError('not_shared');
    const version = await touchCase(tx, viewer, caseId);
    await recordCaseChange(tx, viewer, { investigationId: caseId, kind: 'liaison_share_withdrawn', ip, data: { userId, role: 'liaison' } });
    return { version };
  });
}
