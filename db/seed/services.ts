import { addDays, minDay, type Day } from './dates';
import { stableUuid, type Rng } from './random';
import type { OffenceTypeCode, ServiceTypeCode } from '../reference/lists';
import type { VictimServiceRow } from './types';
import { DATA_HORIZON } from './year-plans';

const SEXUAL: readonly OffenceTypeCode[] = ['rape', 'attempted_rape', 'indecent_assault', 'commercial_exploitation', 'trafficking', 'abduction'];

/** How long each service usually runs, in days (null end: still running at the horizon). */
const DURATION: Record<ServiceTypeCode, [number, number]> = {
  forensic_exam: [0, 0], medical: [0, 30], counselling: [30, 365], shelter: [60, 720], legal_aid: [90, 720],
  family_support: [30, 365], education: [90, 365], reintegration: [60, 400],
};

function provider(service: ServiceTypeCode, province: string): string {
  switch (service) {
    case 'forensic_exam': return `Forensic unit, ${province} referral hospital`;
    case 'medical': return `${province} referral hospital`;
    case 'counselling': return 'CPU social worker';
    case 'shelter': return 'Safe Haven Children’s Shelter';
    case 'legal_aid': return 'Legal aid lawyer (partner NGO)';
    case 'family_support': return `Department of Social Affairs, ${province}`;
    case 'education': return 'School re-enrolment programme';
    case 'reintegration': return 'Safe Haven Children’s Shelter';
  }
}

export type ServicesInput = {
  victimId: string;
  investigationId: string;
  key: string;
  offence: OffenceTypeCode;
  prosecuted: boolean;
  reportedOn: Day;
  province: string;
  createdBy: string;
};

export function buildServices(rng: Rng, s: ServicesInput): VictimServiceRow[] {
  const weights: Partial<Record<ServiceTypeCode, number>> = {
    counselling: 30,
    medical: 22,
    forensic_exam: SEXUAL.includes(s.offence) ? 25 : 3,
    shelter: 12,
    legal_aid: s.prosecuted ? 15 : 4,
    family_support: 14,
    education: 8,
    reintegration: 6,
  };
  const count = Number(rng.weighted({ 1: 25, 2: 35, 3: 25, 4: 15 }));
  const chosen: ServiceTypeCode[] = [];
  while (chosen.length < count) {
    const service = rng.weighted(weights);
    delete weights[service];
    chosen.push(service);
  }
  return chosen.map((service, i): VictimServiceRow => {
    const startedOn = minDay(addDays(s.reportedOn, service === 'forensic_exam' ? rng.int(0, 3) : rng.int(0, 21)), DATA_HORIZON);
    const [lo, hi] = DURATION[service];
    const end = addDays(startedOn, rng.int(lo, hi));
    return {
      id: stableUuid(`service:${s.key}:${i}`),
      victimId: s.victimId,
      investigationId: s.investigationId,
      serviceType: service,
      provider: provider(service, s.province),
      startedOn,
      endedOn: end > DATA_HORIZON ? null : end,
      createdBy: s.createdBy,
      createdAt: new Date(`${startedOn}T11:00:00+07:00`),
      updatedAt: new Date(`${minDay(end, DATA_HORIZON)}T11:00:00+07:00`),
    };
  });
}
