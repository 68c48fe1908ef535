import { GEOGRAPHY, PHNOM_PENH, provinceGeo } from './geography';
import { apportion, type Rng } from './random';
import type { YearPlan } from './year-plans';

export type LocationSlot = { provinceCode: string; district: string };

export type YearLocations = {
  /** One primary offence location per (non-archived) case, in random order. */
  slots: LocationSlot[];
  /** The districts used in each province this year: further locations stay inside them. */
  districts: Map<string, string[]>;
};

/**
 * Places a year's cases so that exactly `plan.provinces` provinces (always Phnom Penh) and
 * the planned number of distinct (province, district) pairs appear.
 */
export function planLocations(rng: Rng, plan: YearPlan, cases: number): YearLocations {
  const exact = plan.districts?.exact ?? {};
  const cap = plan.districts?.maxOther ?? 7;

  const chosen = new Set<string>([PHNOM_PENH, ...Object.keys(exact)]);
  const candidates = GEOGRAPHY.filter((p) => !chosen.has(p.code));
  while (chosen.size < plan.provinces) {
    const weights = Object.fromEntries(candidates.filter((p) => !chosen.has(p.code)).map((p) => [p.code, p.weight]));
    chosen.add(rng.weighted(weights));
  }
  const provinces = GEOGRAPHY.filter((p) => chosen.has(p.code));

  // Every chosen province gets at least one case per planned district; the rest follow the weights.
  const minimum = (code: string) => exact[code] ?? 1;
  const spare = cases - provinces.reduce((sum, p) => sum + minimum(p.code), 0);
  if (spare < 0) throw new Error(`Year ${plan.year}: too few cases for its provinces`);
  const shares = apportion(spare, Object.fromEntries(provinces.map((p) => [p.code, p.weight * (0.7 + 0.6 * rng.next())])));

  const slots: LocationSlot[] = [];
  const districts = new Map<string, string[]>();
  for (const p of provinces) {
    const count = minimum(p.code) + (shares[p.code] ?? 0);
    const wanted = exact[p.code] ?? Math.max(1, Math.round((count / 2.5) * (0.6 + 0.8 * rng.next())));
    const k = Math.min(wanted, count, p.districts.length, exact[p.code] ?? cap);
    const set = rng.sample(provinceGeo(p.code).districts, k);
    districts.set(p.code, set);
    for (let i = 0; i < count; i++) slots.push({ provinceCode: p.code, district: i < k ? set[i]! : rng.pick(set) });
  }
  return { slots: rng.shuffle(slots), districts };
}
