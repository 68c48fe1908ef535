import { describe, expect, it } from 'vitest';
import { hearingEdit, prosecutionEdit } from './prosecution';
import { fieldErrorsOf } from './field-errors';
import { todayInCambodia } from './case-edit';

const CASE = '6f1c1f0e-1c2b-4f5e-9a0b-0c1d2e3f4a5b';
const SUSPECT = '0b9d3c52-8f47-4c1a-9d39-5f4f5a6b7c8d';

/** A new prosecution as the browser sends it: strings, '' for empty, ticked charges as an array. */
const form = (change: Record<string, unknown> = {}) => ({
  caseId: CASE, id: '', version: '', suspectId: SUSPECT, courtProvinceCode: '12', courtCaseNumber: '0107/2024',
  chargeCodes: ['rape'], chargesOther: '', status: 'charged', filedOn: '2024-05-01', verdictOn: '',
  sentenceYears: '', sentenceMonths: '', fineRiel: '', compensationRiel: '', ...change,
});
const errorsOf = (raw: unknown, schema: typeof prosecutionEdit | typeof hearingEdit = prosecutionEdit) => {
  const r = schema.safeParse(raw);
  return r.success ? {} : fieldErrorsOf(r.error);
};
const E = (key: string) => `caseEdit.errors.${key}`;

describe('prosecutionEdit', () => {
  it('accepts a new charge and gives numbers and nulls', () => {
    const r = prosecutionEdit.parse(form());
    expect(r).toMatchObject({ courtCaseNumber: '0107/2024', chargeCodes: ['rape'], chargesOther: null, verdictOn: null, sentenceYears: null, fineRiel: null });
    expect(r.id).toBeNull();
  });

  it('accepts a conviction with verdict date, a 15-year sentence, fine and compensation', () => {
    const r = prosecutionEdit.parse(form({ status: 'convicted', verdictOn: '2025-01-10', sentenceYears: '15', sentenceMonths: '0', fineRiel: '2000000', compensationRiel: '10000000' }));
    expect(r).toMatchObject({ status: 'convicted', sentenceYears: 15, sentenceMonths: 0, fineRiel: 2_000_000, compensationRiel: 10_000_000 });
  });

  it('parses its own output again (the server parses what the browser parsed)', () => {
    const once = prosecutionEdit.parse(form({ status: 'convicted', verdictOn: '2025-01-10', sentenceYears: '15' }));
    expect(prosecutionEdit.parse(once)).toEqual(once);
  });

  it('takes one ticked charge as a string, and none as false', () => {
    expect(prosecutionEdit.parse(form({ chargeCodes: 'indecent_assault' })).chargeCodes).toEqual(['indecent_assault']);
    expect(errorsOf(form({ chargeCodes: false }))).toEqual({ chargeCodes: E('chargeNeeded') });
    expect(prosecutionEdit.parse(form({ chargeCodes: false, chargesOther: 'Trafficking' })).chargeCodes).toEqual([]);
  });

  it('refuses a verdict before the filing date, on verdictOn', () => {
    expect(errorsOf(form({ status: 'convicted', verdictOn: '2024-04-30' }))).toEqual({ verdictOn: E('verdictBeforeFiling') });
  });

  it('refuses a decided status without a verdict date', () => {
    for (const status of ['convicted', 'acquitted', 'dismissed']) {
      expect(errorsOf(form({ status })), status).toEqual({ verdictOn: E('verdictDateNeeded') });
    }
    expect(errorsOf(form({ status: 'appealed' }))).toEqual({});
  });

  it('refuses a verdict date while the prosecution is still open', () => {
    expect(errorsOf(form({ status: 'on_trial', verdictOn: '2024-06-01' }))).toEqual({ verdictOn: E('verdictOnlyWhenDecided') });
  });

  it('refuses sentences out of range', () => {
    const convicted = { status: 'convicted', verdictOn: '2025-01-10' };
    expect(errorsOf(form({ ...convicted, sentenceYears: '-1' }))).toEqual({ sentenceYears: E('sentenceYears') });
    expect(errorsOf(form({ ...convicted, sentenceYears: '100' }))).toEqual({ sentenceYears: E('sentenceYears') });
    expect(errorsOf(form({ ...convicted, sentenceYears: '2.5' }))).toEqual({ sentenceYears: E('sentenceYears') });
    expect(errorsOf(form({ ...convicted, sentenceMonths: '12' }))).toEqual({ sentenceMonths: E('sentenceMonths') });
    expect(errorsOf(form({ ...convicted, sentenceYears: 'ten' }))).toEqual({ sentenceYears: E('sentenceYears') });
  });

  it('refuses a sentence without a conviction', () => {
    expect(errorsOf(form({ status: 'acquitted', verdictOn: '2025-01-10', sentenceYears: '3', sentenceMonths: '2' })))
      .toEqual({ sentenceYears: E('sentenceOnlyWhenConvicted'), sentenceMonths: E('sentenceOnlyWhenConvicted') });
    expect(errorsOf(form({ status: 'appealed', verdictOn: '2025-01-10', sentenceYears: '3' }))).toEqual({});
  });

  it('refuses negative or fractional amounts of riel', () => {
    expect(errorsOf(form({ fineRiel: '-5', compensationRiel: '10.5' }))).toEqual({ fineRiel: E('riel'), compensationRiel: E('riel') });
  });

  it('refuses dates in the future or before 1990', () => {
    expect(errorsOf(form({ filedOn: '1989-12-31' }))).toEqual({ filedOn: E('tooEarly') });
    expect(errorsOf(form({ filedOn: '2999-01-01' }))).toEqual({ filedOn: E('future') });
    expect(errorsOf(form({ status: 'convicted', verdictOn: '2999-01-01' }))).toEqual({ verdictOn: E('future') });
    expect(errorsOf(form({ filedOn: '' }))).toEqual({ filedOn: E('required') });
    expect(errorsOf(form({ filedOn: '2024-02-30' }))).toEqual({ filedOn: E('dateFormat') });
  });

  it('reports all three problems of one bad form at once, each on its field', () => {
    expect(errorsOf(form({ status: 'convicted', verdictOn: '2024-01-01', sentenceYears: '-1', chargeCodes: [] }))).toEqual({
      verdictOn: E('verdictBeforeFiling'), sentenceYears: E('sentenceYears'), chargeCodes: E('chargeNeeded'),
    });
  });

  it('refuses an unknown status, a bad court and an id without a version', () => {
    expect(errorsOf(form({ status: 'executed' }))).toEqual({ status: E('required') });
    expect(errorsOf(form({ courtProvinceCode: 'PP' }))).toEqual({ courtProvinceCode: E('required') });
    expect(errorsOf(form({ id: SUSPECT }))).toEqual({ _form: E('invalid') });
  });
});

describe('hearingEdit', () => {
  const hearing = (change: Record<string, unknown> = {}) => ({ caseId: CASE, prosecutionId: SUSPECT, heldOn: '2024-06-01', kind: 'trial', outcomeNote: '', ...change });

  it('accepts a hearing held, or one scheduled ahead', () => {
    expect(hearingEdit.parse(hearing())).toMatchObject({ heldOn: '2024-06-01', kind: 'trial', outcomeNote: null });
    const ahead = `${Number(todayInCambodia().slice(0, 4)) + 1}-01-15`;
    expect(errorsOf(hearing({ heldOn: ahead }), hearingEdit)).toEqual({});
  });

  it('refuses an unknown kind, no date, a date far ahead or before 1990', () => {
    expect(errorsOf(hearing({ kind: 'party' }), hearingEdit)).toEqual({ kind: E('required') });
    expect(errorsOf(hearing({ heldOn: '' }), hearingEdit)).toEqual({ heldOn: E('required') });
    expect(errorsOf(hearing({ heldOn: '2999-01-01' }), hearingEdit)).toEqual({ heldOn: E('tooFarAhead') });
    expect(errorsOf(hearing({ heldOn: '1980-01-01' }), hearingEdit)).toEqual({ heldOn: E('tooEarly') });
  });
});
