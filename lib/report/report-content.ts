import type { YearFigures } from '@/db/queries/metrics';
import type { ReportSections } from '@/db/schema/reporting';
import { figureTables, type FigureTable, type Translate } from '@/lib/metrics-tables';
import { REPORT_SECTIONS, type ReportSectionKey } from '@/lib/validation/annual-report';
import { formatDate } from '@/lib/i18n/format';
import type { Locale } from '@/lib/vocabulary';

/** One version of a year's report, as stored (figures frozen once published). */
export type ReportVersionInput = {
  year: number;
  versionNo: number;
  status: 'draft' | 'published';
  sections: ReportSections;
  publishedAt: Date | null;
  publishedBy: string | null;
};

/**
 * The report's content in one language: the page, the PDF and the workbook all lay out
 * this, so they say the same thing.
 */
export type ReportContent = {
  title: string;
  unit: string;
  statusNote: string;
  sections: { key: ReportSectionKey; heading: string; text: string }[];
  figuresHeading: string;
  tables: FigureTable[];
};

export function reportContent(report: ReportVersionInput, figures: YearFigures, t: { reports: Translate; dashboard: Translate }, locale: Locale): ReportContent {
  const statusNote = report.status === 'published' && report.publishedAt
    ? t.reports('publishedNote', { versionNo: report.versionNo, date: formatDate(report.publishedAt.toISOString().slice(0, 10), locale), name: report.publishedBy ?? '?' })
    : t.reports('draftNote', { versionNo: report.versionNo });
  return {
    title: t.reports('title', { year: report.year }),
    unit: t.reports('unit'),
    statusNote,
    sections: REPORT_SECTIONS.map((key) => ({ key, heading: t.reports(`sections.${key}`), text: report.sections[key] ?? '' })),
    figuresHeading: t.reports('figures'),
    tables: figureTables(figures, t.dashboard, locale),
  };
}
