import { describe, expect, it } from 'vitest';
import { caseInput, newCaseInput, type NewCaseFormValues } from './case-input';
import { fieldErrorsOf } from './field-errors';
import { todayIso } from './fields';

const AGENCY = '6f1c1f0e-1c2b-4f5e-9a0b-0c1d2e3f4a5b';

/** A valid form as the browser sends it: strings everywhere, '' for empty. */
function form(): NewCaseFormValues {
  return {
    submissionKey: '0b9d3c52-8f47-4c1a-9d39-5f4f5a6b7c8d',
    title: 'Abuse reported by a school',
    summary: '',
    offenceType: 'rape',
    reportedOn: '2026-03-10',
    reportChannel: 'school',
    priority: 'high',
    agencyIds: [AGENCY],
    offenceFrom: '2026-02-01',
    offenceTo: '2026-03-01',
    locations: [{ provinceCode: '12', district: 'Chamkar Mon', commune: '', placeType: 'home', occurredOn: '2026-02-14' }],
    suspects: [{
      fullName: '', alias: 'Ta', sex: 'male', age: '45', nationality: '', relationship: 'neighbour',
      status: 'arrested', arrestedOn: '2026-03-12', arrestingAgencyId: AGENCY,
    }],
    victims: [{
      fullName: 'Canary Child', sex: 'female', ageAtOffence: '12', dateOfBirth: '', nationality: 'Cambodian',
      services: [{ serviceType: 'medical', provider: 'Clinic', startedOn: '2026-03-11', endedOn: '2026-03-20' }],
    }],
  };
}

function errorsOf(values: NewCaseFormValues) {
  const result = newCaseInput.safeParse(values);
  return result.success ? {} : fieldErrorsOf(result.error);
}

function mutate(change: (v: NewCaseFormValues) => void) {
  const values = structuredClone(form());
  change(values);
  return errorsOf(values);
}

const tomorrow = () => {
  const d = new Date(`${todayIso()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

describe('newCaseInput', () => {
  it('accepts a valid form and turns it into typed values', () => {
    const parsed = newCaseInput.parse(form());
    expect(parsed.summary).toBeNull();
    expect(parsed.suspects[0]!.age).toBe(45);
    expect(parsed.victims[0]!.ageAtOffence).toBe(12);
    expect(parsed.locations[0]!.commune).toBeNull();
    expect(parsed.victims[0]!.dateOfBirth).toBeNull();
  });

  it('parses its own output again unchanged (the server parses what the browser parsed)', () => {
    const once = newCaseInput.parse(form());
    expect(newCaseInput.parse(once)).toEqual(once);
    const caseOnly = { ...once, submissionKey: undefined };
    expect(caseInput.parse(caseOnly)).toEqual(caseOnly);
  });

  describe('title', () => {
    it('is required', () => expect(mutate((v) => { v.title = '   '; })).toEqual({ title: 'required' }));
    it('takes 300 characters', () => expect(mutate((v) => { v.title = 'x'.repeat(300); })).toEqual({}));
    it('refuses 20,000 characters as a field error', () => expect(mutate((v) => { v.title = 'x'.repeat(20_000); })).toEqual({ title: 'tooLong' }));
  });

  describe('victims', () => {
    it.each([['0', {}], ['17', {}], ['18', { 'victims.0.ageAtOffence': 'victimAgeRange' }], ['19', { 'victims.0.ageAtOffence': 'victimAgeRange' }],
      ['-1', { 'victims.0.ageAtOffence': 'victimAgeRange' }], ['', { 'victims.0.ageAtOffence': 'required' }],
      ['12.5', { 'victims.0.ageAtOffence': 'wholeNumber' }]])('age %s', (age, expected) => {
      expect(mutate((v) => { v.victims[0]!.ageAtOffence = age; })).toEqual(expected);
    });
    it('needs at least one victim', () => expect(mutate((v) => { v.victims = []; })).toEqual({ victims: 'atLeastOneVictim' }));
  });

  describe('locations', () => {
    it('needs at least one', () => expect(mutate((v) => { v.locations = []; })).toEqual({ locations: 'atLeastOneLocation' }));
    it('needs a province', () => expect(mutate((v) => { v.locations[0]!.provinceCode = ''; })).toEqual({ 'locations.0.provinceCode': 'required' }));
    it('may not be dated before the offence period', () =>
      expect(mutate((v) => { v.locations[0]!.occurredOn = '2026-01-31'; })).toEqual({ 'locations.0.occurredOn': 'beforeOffencePeriod' }));
    it('may be dated on the first day of the period', () => expect(mutate((v) => { v.locations[0]!.occurredOn = '2026-02-01'; })).toEqual({}));
    it('may not be dated after the offence period', () =>
      expect(mutate((v) => { v.locations[0]!.occurredOn = '2026-03-02'; })).toEqual({ 'locations.0.occurredOn': 'afterOffencePeriod' }));
    it('any date goes without an offence period', () =>
      expect(mutate((v) => { v.offenceFrom = ''; v.offenceTo = ''; v.locations[0]!.occurredOn = '2001-01-01'; })).toEqual({}));
  });

  describe('suspects', () => {
    it('may be none', () => expect(mutate((v) => { v.suspects = []; })).toEqual({}));
    it('arrested needs an arrest date', () =>
      expect(mutate((v) => { v.suspects[0]!.arrestedOn = ''; })).toEqual({ 'suspects.0.arrestedOn': 'arrestDateRequired' }));
    it('an arrest date needs status arrested', () =>
      expect(mutate((v) => { v.suspects[0]!.status = 'wanted'; v.suspects[0]!.arrestingAgencyId = ''; }))
        .toEqual({ 'suspects.0.arrestedOn': 'arrestDateNeedsArrested' }));
    it('not arrested, no arrest date: fine', () =>
      expect(mutate((v) => { v.suspects[0]!.status = 'wanted'; v.suspects[0]!.arrestedOn = ''; v.suspects[0]!.arrestingAgencyId = ''; })).toEqual({}));
    it('an arresting agency needs status arrested', () =>
      expect(mutate((v) => { v.suspects[0]!.status = 'identified'; v.suspects[0]!.arrestedOn = ''; }))
        .toEqual({ 'suspects.0.arrestingAgencyId': 'agencyNeedsArrested' }));
    it('arrest date not before the offence period', () =>
      expect(mutate((v) => { v.suspects[0]!.arrestedOn = '2026-01-15'; })).toEqual({ 'suspects.0.arrestedOn': 'beforeOffencePeriod' }));
    it('arrest date after the period end is fine', () => expect(mutate((v) => { v.suspects[0]!.arrestedOn = '2026-03-02'; })).toEqual({}));
    it('arrest date in the future is refused', () =>
      expect(mutate((v) => { v.suspects[0]!.arrestedOn = tomorrow(); })).toEqual({ 'suspects.0.arrestedOn': 'inFuture' }));
    it('age 7 to 120 when given', () => {
      expect(mutate((v) => { v.suspects[0]!.age = ''; })).toEqual({});
      expect(mutate((v) => { v.suspects[0]!.age = '6'; })).toEqual({ 'suspects.0.age': 'suspectAgeRange' });
      expect(mutate((v) => { v.suspects[0]!.age = '121'; })).toEqual({ 'suspects.0.age': 'suspectAgeRange' });
    });
  });

  describe('dates', () => {
    it('today is allowed, tomorrow is not', () => {
      expect(mutate((v) => { v.reportedOn = todayIso(); })).toEqual({});
      expect(mutate((v) => { v.reportedOn = tomorrow(); })).toEqual({ reportedOn: 'inFuture' });
    });
    it('no impossible or malformed dates', () => {
      expect(mutate((v) => { v.reportedOn = '2026-02-30'; })).toEqual({ reportedOn: 'invalidDate' });
      expect(mutate((v) => { v.reportedOn = '10/03/2026'; })).toEqual({ reportedOn: 'invalidDate' });
      expect(mutate((v) => { v.reportedOn = '1989-12-31'; })).toEqual({ reportedOn: 'tooEarly' });
    });
    it('the offence period ends on or after it starts', () => {
      expect(mutate((v) => { v.offenceTo = '2026-01-31'; v.locations[0]!.occurredOn = ''; })).toEqual({ offenceTo: 'endBeforeStart' });
      expect(mutate((v) => { v.offenceTo = '2026-02-01'; v.locations[0]!.occurredOn = ''; })).toEqual({});
    });
    it('a service ends on or after it starts', () => {
      expect(mutate((v) => { v.victims[0]!.services[0]!.endedOn = '2026-03-10'; })).toEqual({ 'victims.0.services.0.endedOn': 'endBeforeStart' });
      expect(mutate((v) => { v.victims[0]!.services[0]!.endedOn = '2026-03-11'; })).toEqual({});
    });
    it('a date of birth in the future is refused', () =>
      expect(mutate((v) => { v.victims[0]!.dateOfBirth = tomorrow(); })).toEqual({ 'victims.0.dateOfBirth': 'inFuture' }));
  });

  it('reports every bad field of the e2e case at once', () => {
    const errors = mutate((v) => {
      v.title = 'x'.repeat(20_000);
      v.victims[0]!.ageAtOffence = '19';
      v.suspects[0]!.arrestedOn = tomorrow();
      v.locations[0]!.provinceCode = '';
    });
    expect(errors).toEqual({
      title: 'tooLong',
      'victims.0.ageAtOffence': 'victimAgeRange',
      'suspects.0.arrestedOn': 'inFuture',
      'locations.0.provinceCode': 'required',
    });
  });

  it('shows cross-field problems in the same round as field problems', () => {
    expect(mutate((v) => { v.suspects[0]!.arrestedOn = ''; v.victims[0]!.ageAtOffence = '19'; v.title = ''; })).toEqual({
      title: 'required', 'victims.0.ageAtOffence': 'victimAgeRange', 'suspects.0.arrestedOn': 'arrestDateRequired',
    });
  });

  it('survives input of the wrong shape with field errors, not a crash', () => {
    for (const junk of [null, 'x', [], { locations: 'x', suspects: [1], victims: [{ services: 'y' }] }]) {
      expect(newCaseInput.safeParse(junk).success).toBe(false);
    }
  });

  it('refuses unknown choices and a missing submission key', () => {
    expect(mutate((v) => { v.reportChannel = 'pigeon' as never; })).toEqual({ reportChannel: 'required' });
    expect(mutate((v) => { v.agencyIds = ['not-a-uuid']; })).toEqual({ 'agencyIds.0': 'invalid' });
    expect(mutate((v) => { v.submissionKey = ''; })).toEqual({ submissionKey: 'invalid' });
  });
});
