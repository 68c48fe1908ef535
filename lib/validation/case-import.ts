import { z } from 'zod';
import { CASE_STATUSES, CLOSE_REASONS } from '@/lib/vocabulary';
import { optionalDate, requiredDate } from './fields';

/*
 * The fields a case from an old spreadsheet has beyond the "Open a case" form (which
 * lib/validation/case-input.ts checks): its reference in the spreadsheet, the day it was
 * opened, and where it got to. Message keys: "caseImport.errors" first, then "caseForm.errors".
 */

export const EXTERNAL_REFERENCE_MAX = 100;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const importedCaseFields = z
  .object({
    externalReference: z
      .string({ error: 'required' })
      .trim()
      .min(1, { error: 'required' })
      .max(EXTERNAL_REFERENCE_MAX, { error: 'tooLong' })
      .regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'invalid' }),
    openedOn: requiredDate,
    status: z.preprocess(blankToUndefined, z.enum(CASE_STATUSES, { error: 'invalid' }).default('reported')),
    closeReason: z.preprocess(blankToUndefined, z.enum(CLOSE_REASONS, { error: 'invalid' }).optional()),
    closedOn: optionalDate,
  })
  .superRefine((value, ctx) => {
    const closed = value.status === 'closed';
    if (closed && !value.closeReason) ctx.addIssue({ code: 'custom', path: ['closeReason'], message: 'closeReasonRequired' });
    if (!closed && value.closeReason) ctx.addIssue({ code: 'custom', path: ['closeReason'], message: 'closeReasonNeedsClosed' });
    if (!closed && value.closedOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'closeReasonNeedsClosed' });
    if (value.closedOn && value.closedOn < value.openedOn) ctx.addIssue({ code: 'custom', path: ['closedOn'], message: 'endBeforeStart' });
  });

export type ImportedCaseFields = z.output<typeof importedCaseFields>;
