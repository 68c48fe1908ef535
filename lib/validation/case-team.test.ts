import { describe, expect, it } from 'vitest';
import { fieldErrorsOf } from './field-errors';
import { agencyShareChange, leadSet, liaisonShareChange, teamMemberChange } from './case-team';

const caseId = '3f1c2a9e-8d4b-4c6a-9e1f-2b3c4d5e6f70';
const person = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

describe('team and sharing forms', () => {
  it('an empty choice gets a message beside the field', () => {
    const errors = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrorsOf(r.error as never));
    expect(errors(teamMemberChange.safeParse({ caseId, userId: '' }))).toEqual({ userId: 'caseTeam.errors.choosePerson' });
    expect(errors(liaisonShareChange.safeParse({ caseId }))).toEqual({ userId: 'caseTeam.errors.choosePerson' });
    expect(errors(agencyShareChange.safeParse({ caseId, agencyId: 'not-an-id' }))).toEqual({ agencyId: 'caseTeam.errors.chooseAgency' });
  });

  it('the lead form carries the case version it was loaded with', () => {
    expect(leadSet.parse({ caseId, version: '4', userId: person })).toEqual({ caseId, version: 4, userId: person });
    expect(leadSet.safeParse({ caseId, userId: person }).success).toBe(false);
    expect(leadSet.safeParse({ caseId, version: '0', userId: person }).success).toBe(false);
  });
});
