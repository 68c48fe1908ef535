export { buildDemoDataset, casesOfMember, casesSharedWithAgency, casesVisibleTo } from './dataset';
export { isSeeded, seedDemo, type SeedOptions } from './insert';
export { AGENCY_IDS, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRETS, provincialPoliceId, type DemoAccountKey } from './organisation';
export { isResolved, RESOLVED_CLOSE_REASONS, RESOLVED_STATUSES } from './outcomes';
export { YEAR_PLANS, type YearPlan } from './year-plans';
export type * from './types';
