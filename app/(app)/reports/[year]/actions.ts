'use server';

import { headers } from 'next/headers';
import { validatedAction } from '@/lib/actions/validated-action';
import { clientIp } from '@/lib/auth/request-info';
import { reportDraftEdit, reportPublish, reportStart } from '@/lib/validation/annual-report';
import { publishReport, saveReportDraft, startReport } from '@/db/queries/annual-reports';

// Thin: the data layer checks reports:write / reports:publish and the version.
const ip = async () => clientIp(await headers());

export const startReportAction = validatedAction(reportStart, async (viewer, input) => startReport(viewer, input, await ip()));
export const saveReportDraftAction = validatedAction(reportDraftEdit, async (viewer, input) => saveReportDraft(viewer, input, await ip()));
export const publishReportAction = validatedAction(reportPublish, async (viewer, input) => publishReport(viewer, input, await ip()));
