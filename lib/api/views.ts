import type { CaseDetail } from '@/db/queries/case-read';

/**
 * What the API returns of a case read through getCase(): the same fields the case page
 * shows this viewer, nothing more. getCase() never selects a victim's identity, the summary
 * or victim rows for roles that may not see them, so they cannot leak from here either.
 */
export function investigationView(c: CaseDetail) {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    summary: c.summary,
    status: c.status,
    closeReason: c.closeReason,
    closedAt: c.closedAt,
    priority: c.priority,
    offenceType: c.offenceType,
    reportChannel: c.reportChannel,
    openedOn: c.openedOn,
    reportedOn: c.reportedOn,
    offenceFrom: c.offenceFrom,
    offenceTo: c.offenceTo,
    version: c.version,
    updatedAt: c.updatedAt,
    archived: c.archivedAt !== null,
    counts: { suspects: c.suspectCount, arrested: c.arrestedCount, victims: c.victimCount },
    lead: c.lead ? { userId: c.lead.userId, name: c.lead.name } : null,
    sharedAgencies: c.sharedAgencies.map((a) => ({ id: a.id, name: a.name })),
    locations: c.locations.map((l) => ({
      id: l.id, version: l.version, provinceCode: l.provinceCode, district: l.district, commune: l.commune, placeType: l.placeType, occurredOn: l.occurredOn,
    })),
    suspects: suspectsView(c),
    ...victimsView(c),
    prosecutions: prosecutionsView(c),
  };
}

export function suspectsView(c: CaseDetail) {
  return c.suspects.map((s) => ({
    id: s.id, version: s.version, fullName: s.fullName, alias: s.alias, sex: s.sex, age: s.age, nationality: s.nationality,
    relationship: s.relationship, status: s.status, arrestedOn: s.arrestedOn, arrestingAgencyId: s.arrestingAgencyId, arrestPlace: s.arrestPlace,
  }));
}

export function arrestsView(c: CaseDetail) {
  return c.suspects.filter((s) => s.arrestedOn !== null).map((s) => ({
    suspectId: s.id, version: s.version, arrestedOn: s.arrestedOn, arrestingAgencyId: s.arrestingAgencyId, arrestingAgency: s.arrestingAgency, arrestPlace: s.arrestPlace,
  }));
}

/** Victims with identity for those allowed it; for everyone else no rows at all, only counts. */
export function victimsView(c: CaseDetail) {
  if (!c.identityShown) return { identityShown: false as const, victims: [], victimCounts: c.victimCounts };
  return {
    identityShown: true as const,
    victims: c.victims.map((v) => ({
      id: v.id, version: v.version, code: v.code, sex: v.sex, ageAtOffence: v.ageAtOffence, nationality: v.nationality,
      fullName: v.identity?.fullName ?? null, dateOfBirth: v.identity?.dateOfBirth ?? null, contact: v.identity?.contact ?? null, notes: v.identity?.notes ?? null,
      services: v.services.map((s) => ({ id: s.id, version: s.version, serviceType: s.serviceType, provider: s.provider, startedOn: s.startedOn, endedOn: s.endedOn })),
    })),
    victimCounts: null,
  };
}

export function prosecutionsView(c: CaseDetail) {
  return c.prosecutions.map((p) => ({
    id: p.id, version: p.version, suspectId: p.suspectId, courtProvinceCode: p.courtProvinceCode, courtCaseNumber: p.courtCaseNumber,
    chargeCodes: p.charges.map((ch) => ch.code), chargesOther: p.chargesOther, status: p.status, filedOn: p.filedOn, verdictOn: p.verdictOn,
    sentenceYears: p.sentenceYears, sentenceMonths: p.sentenceMonths, fineRiel: p.fineRiel, compensationRiel: p.compensationRiel,
    hearings: p.hearings.map((h) => ({ id: h.id, version: h.version, heldOn: h.heldOn, kind: h.kind, outcomeNote: h.outcomeNote })),
  }));
}
