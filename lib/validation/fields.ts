import { z } from 'zod';

/*
 * Field schemas shared by the case forms. Each accepts what a form input gives (strings,
 * '' for empty) and also its own output (numbers, null), so the server can parse again
 * whatever the browser parsed. Messages are keys of messages/*.json "caseForm.errors".
 */

/** The unit works in Cambodia: "today" and "the future" are in Phnom Penh time. */
export const CASE_TIME_ZONE = 'Asia/Phnom_Penh';

// Made once: building an Intl formatter costs about a millisecond, and an import checks
// every date of 100,000 rows.
const caseDay = new Intl.DateTimeFormat('en-CA', { timeZone: CASE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayIso(now: Date = new Date()): string {
  return caseDay.format(now);
}

/** The database refuses dates before this (check constraints). */
export const EARLIEST_DATE = '1990-01-01';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isCalendarDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

const blankToNull = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

function checkDate(value: string, ctx: z.RefinementCtx): void {
  if (!isCalendarDate(value)) ctx.addIssue({ code: 'custom', message: 'invalidDate' });
  else if (value < EARLIEST_DATE) ctx.addIssue({ code: 'custom', message: 'tooEarly' });
  else if (value > todayIso()) ctx.addIssue({ code: 'custom', message: 'inFuture' });
}

/** A calendar date (YYYY-MM-DD), not in the future. */
export const requiredDate = z
  .string({ error: 'required' })
  .trim()
  .min(1, { error: 'required' })
  .superRefine(checkDate);

export const optionalDate = z
  .string({ error: 'invalidDate' })
  .nullish()
  .transform(blankToNull)
  .superRefine((value, ctx) => {
    if (value !== null) checkDate(value, ctx);
  });

export const requiredText = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'tooLong' });

export const optionalText = (max: number) =>
  z.string({ error: 'invalid' }).trim().max(max, { error: 'tooLong' }).nullish().transform((v) => v || null);

/** A code from a reference list; whether it exists and is active is checked by the server. */
export const referenceCode = z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(64, { error: 'invalid' });

export const optionalUuid = z
  .string({ error: 'invalid' })
  .nullish()
  .transform(blankToNull)
  .pipe(z.uuid({ error: 'invalid' }).nullable());

/** A whole number from a number input (a string there) or from an earlier parse. */
type NumberOpts = { min: number; max: number; rangeError: string };
export function wholeNumber(opts: NumberOpts & { required: true }): z.ZodType<number, string | number | null | undefined>;
export function wholeNumber(opts: NumberOpts & { required: false }): z.ZodType<number | null, string | number | null | undefined>;
export function wholeNumber({ min, max, rangeError, required }: NumberOpts & { required: boolean }): z.ZodType<number | null, string | number | null | undefined> {
  return z
    .union([z.number(), z.string(), z.null(), z.undefined()], { error: 'invalid' })
    .transform((raw, ctx) => {
      const text = typeof raw === 'number' ? String(raw) : (raw ?? '').trim();
      if (text === '') {
        if (required) ctx.addIssue({ code: 'custom', message: 'required' });
        return null;
      }
      if (!/^-?\d+$/.test(text)) {
        ctx.addIssue({ code: 'custom', message: 'wholeNumber' });
        return null;
      }
      const value = Number(text);
      if (value < min || value > max) ctx.addIssue({ code: 'custom', message: rangeError });
      return value;
    });
}

export const uuidList = (max: number) =>
  z.array(z.uuid({ error: 'invalid' }), { error: 'invalid' }).max(max, { error: 'tooMany' });
