import { EXPENDITURE_CATEGORIES, type ExpenditureCategory } from '../../lib/vocabulary';
import { buildYear } from './cases';
import { CaseNumbers } from './court';
import { at } from './dates';
import { lastSeenRows } from './last-seen';
import { writeKhmerScriptCases } from './khmer-script';
import { AGENCIES, DEMO_ACCOUNTS, STAFF, type DemoAccountKey } from './organisation';
import { apportion, Rng, stableUuid } from './random';
import type { DemoDataset, ExpenditureRow, InvestigationRow } from './types';
import { YEAR_PLANS } from './year-plans';

// The pure part of the seed: e2e specs may import this module alone (no database, no
// native modules) to derive what each demo account should see.
export { AGENCY_IDS, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRETS, type DemoAccountKey } from './organisation';
export type { DemoDataset, InvestigationRow } from './types';

const SEED = 20_210_313;


const SPENDING: Record<ExpenditureCategory, { weight: number; note: string }> = {
  investigations: { weight: 37, note: 'Investigators’ salaries, field travel and surveillance' },
  victim_services: { weight: 26, note: 'Social workers, shelter places, medical and legal costs' },
  forensics: { weight: 6, note: 'Forensic examinations and digital forensics' },
  training: { weight: 7, note: 'Training for police, prosecutors and judges' },
  operations: { weight: 20, note: 'Office, vehicles, hotline and IT' },
  other: { weight: 4, note: 'Audit, insurance and sundries' },
};

function expenditures(rng: Rng): ExpenditureRow[] {
  return YEAR_PLANS.flatMap((plan) => {
    const weights = Object.fromEntries(EXPENDITURE_CATEGORIES.map((c) => [c, SPENDING[c].weight * (0.9 + 0.2 * rng.next())])) as Record<ExpenditureCategory, number>;
    const cents = apportion(plan.spentCents, weights);
    return EXPENDITURE_CATEGORIES.map((category): ExpenditureRow => ({
      id: stableUuid(`expenditure:${plan.year}:${category}`),
      year: plan.year,
      category,
      amountUsd: (cents[category] / 100).toFixed(2),
      note: `${SPENDING[category].note}, ${plan.year}`,
      createdAt: at(`${plan.year + 1}-01-20`, 10 * 60),
      updatedAt: at(`${plan.year + 1}-01-20`, 10 * 60),
    }));
  });
}

/**
 * The demo dataset: nine years of synthetic cases (2015-2023) whose yearly figures match
 * the CPU's published ones. Pure and deterministic: same rows, same ids, every run.
 */
export function buildDemoDataset(): DemoDataset {
  const rng = new Rng(SEED);
  const out: DemoDataset = {
    agencies: AGENCIES.map((a) => ({ ...a })),
    staff: STAFF.map((s) => ({ ...s })),
    investigations: [],
    members: [],
    shares: [],
    offenceLocations: [],
    victims: [],
    victimServices: [],
    suspects: [],
    prosecutions: [],
    prosecutionCharges: [],
    hearings: [],
    caseEvents: [],
    lastSeen: [],
    expenditures: [],
  };
  const ctx = { rng, out, caseNumbers: new CaseNumbers() };
  for (const plan of YEAR_PLANS) buildYear(ctx, plan);
  writeKhmerScriptCases(out);
  out.expenditures = expenditures(rng);
  out.lastSeen = lastSeenRows(out.members, out.shares, out.caseEvents);
  return out;
}

type CaseFilter = { includeArchived?: boolean };

const live = (opts: CaseFilter) => (i: InvestigationRow) => opts.includeArchived || !i.archivedAt;

/** Cases the user is a member of (lead, investigator or named liaison). */
export function casesOfMember(dataset: DemoDataset, userId: string, opts: CaseFilter = {}): InvestigationRow[] {
  const ids = new Set(dataset.members.filter((m) => m.userId === userId).map((m) => m.investigationId));
  return dataset.investigations.filter((i) => ids.has(i.id)).filter(live(opts));
}

/** Cases shared with a partner agency (investigation_agencies). */
export function casesSharedWithAgency(dataset: DemoDataset, agencyId: string, opts: CaseFilter = {}): InvestigationRow[] {
  const ids = new Set(dataset.shares.filter((s) => s.agencyId === agencyId).map((s) => s.investigationId));
  return dataset.investigations.filter((i) => ids.has(i.id)).filter(live(opts));
}

/**
 * The cases a demo account may open, by DESIGN.md's scope rules: managers all, admins none,
 * investigators their own, liaison officers those shared with them or their agency.
 */
export function casesVisibleTo(dataset: DemoDataset, account: DemoAccountKey, opts: CaseFilter = {}): InvestigationRow[] {
  const { userId, agencyId } = DEMO_ACCOUNTS[account];
  switch (account) {
    case 'admin': return [];
    case 'manager': return dataset.investigations.filter(live(opts));
    case 'investigator': return casesOfMember(dataset, userId, opts);
    case 'liaison': {
      const ids = new Set([...casesOfMember(dataset, userId, opts), ...casesSharedWithAgency(dataset, agencyId, opts)].map((i) => i.id));
      return dataset.investigations.filter((i) => ids.has(i.id));
    }
  }
}
