import { z } from 'zod';
import { E, empty, optionalUuid, version } from './case-edit';

/** The narrative a manager writes; the figures come from the metrics module. */
export const REPORT_SECTIONS = ['summary', 'achievements', 'challenges', 'partners'] as const;
export type ReportSectionKey = (typeof REPORT_SECTIONS)[number];

const narrative = z.preprocess((v) => (empty(v) ? '' : typeof v === 'string' ? v.trim() : v), z.string(E('invalid')).max(20_000, E('tooLong')));
const year = z.coerce.number(E('year')).int(E('year')).min(1990, E('year')).max(2200, E('year'));

export const reportDraftEdit = z.object({
  year,
  id: optionalUuid.optional(),
  version: z.preprocess((v) => (empty(v) ? null : v), version.nullable()).optional(),
  summary: narrative,
  achievements: narrative,
  challenges: narrative,
  partners: narrative,
}).refine((v) => Boolean(v.id) === Boolean(v.version), { ...E('invalid'), path: ['_form'] });
export type ReportDraftEdit = z.infer<typeof reportDraftEdit>;

export const reportPublish = z.object({ id: z.uuid(E('invalid')), version });
export type ReportPublish = z.infer<typeof reportPublish>;

export const reportStart = z.object({ year });
export type ReportStart = z.infer<typeof reportStart>;
