import { pgEnum } from 'drizzle-orm/pg-core';
import {
  AGENCY_KINDS,
  AUDIT_OUTCOMES,
  CASE_STATUSES,
  CLOSE_REASONS,
  EXPENDITURE_CATEGORIES,
  LOCALES,
  MEMBER_ROLES,
  PRIORITIES,
  PROSECUTION_STATUSES,
  RELATIONSHIP_GROUPS,
  REPORT_CHANNELS,
  REPORT_STATUSES,
  ROLES,
  SEXES,
  SUSPECT_STATUSES,
} from '../../lib/vocabulary';

export const roleEnum = pgEnum('role', ROLES);
export const localeEnum = pgEnum('locale', LOCALES);
export const agencyKindEnum = pgEnum('agency_kind', AGENCY_KINDS);
export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);
export const closeReasonEnum = pgEnum('close_reason', CLOSE_REASONS);
export const priorityEnum = pgEnum('priority', PRIORITIES);
export const reportChannelEnum = pgEnum('report_channel', REPORT_CHANNELS);
export const memberRoleEnum = pgEnum('member_role', MEMBER_ROLES);
export const sexEnum = pgEnum('sex', SEXES);
export const suspectStatusEnum = pgEnum('suspect_status', SUSPECT_STATUSES);
export const prosecutionStatusEnum = pgEnum('prosecution_status', PROSECUTION_STATUSES);
export const relationshipGroupEnum = pgEnum('relationship_group', RELATIONSHIP_GROUPS);
export const expenditureCategoryEnum = pgEnum('expenditure_category', EXPENDITURE_CATEGORIES);
export const reportStatusEnum = pgEnum('report_status', REPORT_STATUSES);
export const auditOutcomeEnum = pgEnum('audit_outcome', AUDIT_OUTCOMES);
