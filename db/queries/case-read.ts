import 'server-only';
import { z } from 'zod';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Tx } from '../client';
import { writeAudit } from '../audit';
import { archivedVisibleTo, authorize, caseIdRef, caseVisibleTo } from '../scope';
import { openIdentity } from '../identity-fields';
import {
  agencies, caseEvents, caseLastSeen, investigationAgencies, investigationMembers, investigations, offenceLocations, offenceTypes,
  placeTypes, provinces, relationships, serviceTypes, suspects, users, victims, victimServices,
} from '../schema';
import { can, caseScope, type Viewer } from '@/lib/policy';
import { NotFoundError } from '@/lib/errors';
import { SUSPECT_FORM_COLUMNS } from './case-suspects';
import { readProsecutions } from './case-prosecutions-read';
import { readVictimCounts } from './victim-counts';

/** Timeline entries shown on a case page, newest first. */
export const TIMELINE_LIMIT = 200;

export type CaseDetail = Awaited<ReturnType<typeof getCase>>;

/**
 * One case with its sections and timeline, if the viewer may see it. Out of scope and
 * nonexistent look the same (404). The view is audited in the same transaction as the
 * read, and so is each victim whose identity was read. A victim's identity (name, date of
 * birth, contact, notes) is selected only for viewers allowed it, so for anyone else it is
 * never in memory, let alone in a response; those others (liaison officers) get counts by
 * sex and age band instead of victim rows. Opening the case records when this viewer last
 * saw it (the "updated since" marker of the home page).
 */
export async function getCase(viewer: Viewer, id: string, ip: string | null) {
  await authorize(viewer, 'cases:read', { action: 'case.view', entityType: 'investigation', entityId: id, ip });
  const found = !z.uuid().safeParse(id).success ? null : await getDb().transaction(async (tx) => {
    const overview = await readOverview(tx, viewer, id);
    if (!overview) return null;
    const withIdentity = can(viewer, 'victims:read-identity');
    const [people, locations, suspectRows, victimRows, victimCounts, timeline] = [
      teamVisibleTo(viewer, await readPeople(tx, id)),
      await readLocations(tx, id),
      await readSuspects(tx, id),
      withIdentity ? await readVictims(tx, id) : [],
      withIdentity ? null : await readVictimCounts(tx, id),
      timelineVisibleTo(viewer, await readTimeline(tx, id, withIdentity)),
    ];
    const prosecutionRows = await readProsecutions(tx, id);
    await markSeen(tx, viewer, id);
    await writeAudit(tx, viewer, { action: 'case.view', outcome: 'allowed', entityType: 'investigation', entityId: id, investigationId: id, ip });
    if (withIdentity) {
      for (const v of victimRows) {
        await writeAudit(tx, viewer, { action: 'victim.view_identity', outcome: 'allowed', entityType: 'victim', entityId: v.id, investigationId: id, ip });
      }
    }
    return { ...overview, ...people, locations, suspects: suspectRows, victims: victimRows, victimCounts, prosecutions: prosecutionRows, timeline, identityShown: withIdentity };
  });
  if (!found) {
    // After the read's transaction: the embedded database has one connection, and a denial
    // must be recorded whatever happens to the read.
    await writeAudit(getDb(), viewer, { action: 'case.view', outcome: 'denied', entityType: 'investigation', entityId: id, ip, detail: { reason: 'not_found_or_out_of_scope' } });
    throw new NotFoundError('investigation');
  }
  return found;
}

async function readOverview(tx: Tx, viewer: Viewer, id: string) {
  const [row] = await tx
    .select({
      id: investigations.id,
      reference: investigations.reference,
      title: investigations.title,
      // Free text that may describe the child: not even selected for those who may not read it.
      summary: can(viewer, 'cases:read-summary') ? investigations.summary : sql<string | null>`null`,
      status: investigations.status,
      closeReason: investigations.closeReason,
      closedAt: investigations.closedAt,
      priority: investigations.priority,
      offenceType: investigations.offenceType,
      offenceEn: offenceTypes.labelEn,
      offenceKm: offenceTypes.labelKm,
      reportChannel: investigations.reportChannel,
      openedOn: investigations.openedOn,
      reportedOn: investigations.reportedOn,
      offenceFrom: investigations.offenceFrom,
      offenceTo: investigations.offenceTo,
      version: investigations.version,
      updatedAt: investigations.updatedAt,
      archivedAt: investigations.archivedAt,
      archiveReason: investigations.archiveReason,
      suspectCount: sql<number>`(select count(*)::int from ${suspects} s where s.investigation_id = ${caseIdRef} and s.archived_at is null)`,
      arrestedCount: sql<number>`(select count(*)::int from ${suspects} s where s.investigation_id = ${caseIdRef} and s.archived_at is null and s.arrested_on is not null)`,
      victimCount: sql<number>`(select count(*)::int from ${victims} v where v.investigation_id = ${caseIdRef} and v.archived_at is null)`,
    })
    .from(investigations)
    .innerJoin(offenceTypes, eq(offenceTypes.code, investigations.offenceType))
    .where(and(eq(investigations.id, id), caseVisibleTo(viewer), archivedVisibleTo(viewer)));
  return row ?? null;
}

async function readPeople(tx: Tx, id: string) {
  const members = await tx
    .select({
      userId: investigationMembers.userId, role: investigationMembers.role, name: users.name, active: users.active,
      agencyId: users.agencyId, agencyName: agencies.name, agencyNameKm: agencies.nameKm,
    })
    .from(investigationMembers)
    .innerJoin(users, eq(users.id, investigationMembers.userId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(investigationMembers.investigationId, id))
    .orderBy(asc(investigationMembers.role), asc(users.name));
  const shared = await tx
    .select({ id: agencies.id, name: agencies.name, nameKm: agencies.nameKm })
    .from(investigationAgencies)
    .innerJoin(agencies, eq(agencies.id, investigationAgencies.agencyId))
    .where(eq(investigationAgencies.investigationId, id))
    .orderBy(asc(agencies.name));
  return {
    lead: members.find((m) => m.role === 'lead') ?? null,
    team: members.filter((m) => m.role === 'investigator'),
    liaisons: members.filter((m) => m.role === 'liaison'),
    sharedAgencies: shared,
  };
}

/**
 * Liaison officers see who leads the case and which agencies it is shared with, which is
 * what they need to coordinate, and whether they are named on it themselves; not the rest
 * of the team nor the other officers named on it.
 */
function teamVisibleTo(viewer: Viewer, people: Awaited<ReturnType<typeof readPeople>>) {
  if (caseScope(viewer) !== 'shared') return people;
  return { ...people, team: [], liaisons: people.liaisons.filter((l) => l.userId === viewer.userId) };
}

/** The same rule on the timeline: a liaison officer reads the lead's name and their own only. */
function timelineVisibleTo(viewer: Viewer, timeline: Awaited<ReturnType<typeof readTimeline>>) {
  if (caseScope(viewer) !== 'shared') return timeline;
  return timeline.map((e) => (e.kind === 'lead_changed' || e.data?.userId === viewer.userId ? e : { ...e, userName: null }));
}

function readLocations(tx: Tx, id: string) {
  return tx
    .select({
      id: offenceLocations.id,
      version: offenceLocations.version,
      provinceCode: offenceLocations.provinceCode,
      provinceEn: provinces.nameEn,
      provinceKm: provinces.nameKm,
      district: offenceLocations.district,
      commune: offenceLocations.commune,
      placeType: offenceLocations.placeType,
      placeEn: placeTypes.labelEn,
      placeKm: placeTypes.labelKm,
      occurredOn: offenceLocations.occurredOn,
    })
    .from(offenceLocations)
    .innerJoin(provinces, eq(provinces.code, offenceLocations.provinceCode))
    .innerJoin(placeTypes, eq(placeTypes.code, offenceLocations.placeType))
    .where(and(eq(offenceLocations.investigationId, id), isNull(offenceLocations.archivedAt)))
    .orderBy(asc(offenceLocations.occurredOn), asc(offenceLocations.createdAt));
}

async function readSuspects(tx: Tx, id: string) {
  const arresting = alias(agencies, 'arresting');
  const rows = await tx
    .select({
      id: suspects.id,
      version: suspects.version,
      ...SUSPECT_FORM_COLUMNS,
      relationshipEn: relationships.labelEn,
      relationshipKm: relationships.labelKm,
      arrestingAgency: arresting.name,
      arrestingAgencyKm: arresting.nameKm,
    })
    .from(suspects)
    .innerJoin(relationships, eq(relationships.code, suspects.relationship))
    .leftJoin(arresting, eq(arresting.id, suspects.arrestingAgencyId))
    .where(and(eq(suspects.investigationId, id), isNull(suspects.archivedAt)))
    .orderBy(asc(suspects.createdAt), asc(suspects.id));
  return rows.map((row) => openIdentity('suspects', row.id, row));
}

/**
 * Records that this viewer has seen the case up to its latest event. That event's time
 * rather than now(): a change whose transaction began before this read but commits after
 * it carries an earlier time, and must still count as new.
 */
async function markSeen(tx: Tx, viewer: Viewer, id: string) {
  const latest = sql`coalesce((select max(e.at) from ${caseEvents} e where e.investigation_id = ${id}), now())`;
  await tx
    .insert(caseLastSeen)
    .values({ userId: viewer.userId, investigationId: id, seenAt: latest })
    .onConflictDoUpdate({
      target: [caseLastSeen.userId, caseLastSeen.investigationId],
      set: { seenAt: sql`greatest(${caseLastSeen.seenAt}, excluded.seen_at)` },
    });
}

/** Victim rows with their identity and services: only for viewers allowed the identity. */
async function readVictims(tx: Tx, id: string) {
  const base = {
    id: victims.id,
    version: victims.version,
    code: victims.code,
    sex: victims.sex,
    ageAtOffence: victims.ageAtOffence,
    nationality: victims.nationality,
  };
  const where = and(eq(victims.investigationId, id), isNull(victims.archivedAt));
  const rows: (VictimBase & { identity?: VictimIdentity })[] = (await tx
    .select({ ...base, fullName: victims.fullName, dateOfBirth: victims.dateOfBirth, contact: victims.contact, notes: victims.notes })
    .from(victims).where(where).orderBy(asc(victims.code)))
    .map((row) => {
      const { fullName, dateOfBirth, contact, notes, ...rest } = openIdentity('victims', row.id, row);
      return { ...rest, identity: { fullName, dateOfBirth, contact, notes } };
    });

  const services = rows.length === 0 ? [] : await tx
    .select({
      id: victimServices.id,
      version: victimServices.version,
      victimId: victimServices.victimId,
      serviceType: victimServices.serviceType,
      serviceEn: serviceTypes.labelEn,
      serviceKm: serviceTypes.labelKm,
      provider: victimServices.provider,
      startedOn: victimServices.startedOn,
      endedOn: victimServices.endedOn,
    })
    .from(victimServices)
    .innerJoin(serviceTypes, eq(serviceTypes.code, victimServices.serviceType))
    .where(and(eq(victimServices.investigationId, id), isNull(victimServices.archivedAt), inArray(victimServices.victimId, rows.map((v) => v.id))))
    .orderBy(asc(victimServices.startedOn), asc(victimServices.createdAt));

  return rows.map((v) => ({ ...v, services: services.filter((s) => s.victimId === v.id) }));
}

type VictimBase = { id: string; version: number; code: string; sex: 'female' | 'male' | 'unknown'; ageAtOffence: number; nationality: string | null };
export type VictimIdentity = { fullName: string | null; dateOfBirth: string | null; contact: string | null; notes: string | null };

async function readTimeline(tx: Tx, id: string, withIdentity: boolean) {
  // Names for the ids in event data, resolved here so the page renders codes and names of
  // agencies only: the timeline never carries a victim's identity.
  const agencyName = sql<string | null>`(select a.name from ${agencies} a where a.id::text = ${caseEvents.data}->>'agencyId')`;
  const agencyNameKm = sql<string | null>`(select a.name_km from ${agencies} a where a.id::text = ${caseEvents.data}->>'agencyId')`;
  // Those who see only counts of the children don't get their ids, codes or services from
  // the timeline either: the data of those events stays in the database.
  const data = withIdentity
    ? caseEvents.data
    : sql<Record<string, unknown>>`case when starts_with(${caseEvents.kind}, 'victim_') or starts_with(${caseEvents.kind}, 'service_') then '{}'::jsonb
        else ${caseEvents.data} - array['victimId', 'victimIds', 'serviceId', 'code']::text[] end`;
  const userName = sql<string | null>`(select u.name from ${users} u where u.id::text = ${caseEvents.data}->>'userId')`;
  return tx
    .select({ id: caseEvents.id, at: caseEvents.at, kind: caseEvents.kind, data, actorName: users.name, agencyName, agencyNameKm, userName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.investigationId, id))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id))
    .limit(TIMELINE_LIMIT);
}
