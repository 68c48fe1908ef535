// The fixed vocabularies of the domain. Lists that admins may extend (offence types,
// relationships, place types, services, charges) are reference tables instead.

export const ROLES = ['investigator', 'liaison', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['en', 'km'] as const;
export type Locale = (typeof LOCALES)[number];

export const AGENCY_KINDS = ['cpu', 'police', 'ministry', 'court', 'international', 'ngo'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** The case lifecycle, in order (DESIGN.md). */
export const CASE_STATUSES = [
  'reported',
  'under_investigation',
  'suspect_identified',
  'suspect_arrested',
  'referred_to_court',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSE_REASONS = [
  'convicted',
  'acquitted',
  'dismissed',
  'referred_elsewhere',
  'suspect_deceased',
  'no_further_action',
  'unfounded',
  'victim_withdrew',
  'unresolved',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const REPORT_CHANNELS = [
  'hotline',
  'police',
  'ngo_referral',
  'walk_in',
  'school',
  'health_facility',
  'online_report',
  'other',
] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const MEMBER_ROLES = ['lead', 'investigator', 'liaison'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const SEXES = ['female', 'male', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const SUSPECT_STATUSES = ['unidentified', 'identified', 'wanted', 'arrested', 'deceased'] as const;
export type SuspectStatus = (typeof SUSPECT_STATUSES)[number];

export const PROSECUTION_STATUSES = [
  'charged',
  'pre_trial_detention',
  'on_trial',
  'convicted',
  'acquitted',
  'dismissed',
  'appealed',
] as const;
export type ProsecutionStatus = (typeof PROSECUTION_STATUSES)[number];

/** What a court hearing was for (the demo seed uses the same kinds). */
export const HEARING_KINDS = ['questioning', 'detention_review', 'trial', 'verdict', 'closing_order', 'appeal_filed', 'other'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export const RELATIONSHIP_GROUPS = ['family', 'acquaintance', 'stranger', 'unknown'] as const;
export type RelationshipGroup = (typeof RELATIONSHIP_GROUPS)[number];

export const EXPENDITURE_CATEGORIES = [
  'investigations',
  'victim_services',
  'forensics',
  'training',
  'operations',
  'other',
] as const;
export type ExpenditureCategory = (typeof EXPENDITURE_CATEGORIES)[number];

export const REPORT_STATUSES = ['draft', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Victim age bands used in every report. */
export const AGE_BANDS = [
  { key: '0-5', min: 0, max: 5 },
  { key: '6-11', min: 6, max: 11 },
  { key: '12-14', min: 12, max: 14 },
  { key: '15-17', min: 15, max: 17 },
] as const;
