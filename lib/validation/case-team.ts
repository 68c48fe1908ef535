import { z } from 'zod';

// The small forms of a case's "Team and sharing" section (managers). Each one names a
// person or an agency by id; whether that id is an eligible, active target is checked in
// the database by the write itself. Messages are keys under caseTeam.errors.

const E = (key: string) => ({ error: `caseTeam.errors.${key}` });

const caseId = z.uuid(E('invalid'));
const person = z.uuid(E('choosePerson'));
const agency = z.uuid(E('chooseAgency'));
/** The version of the case the form was loaded with. */
const version = z.coerce.number(E('invalid')).int(E('invalid')).min(1, E('invalid'));

/** Replaces the lead: a change to the case itself, so it is checked against the case's version. */
export const leadSet = z.object({ caseId, version, userId: person });
export type LeadSet = z.infer<typeof leadSet>;

/** Adds or removes a team investigator; the same shape for both. */
export const teamMemberChange = z.object({ caseId, userId: person });
export type TeamMemberChange = z.infer<typeof teamMemberChange>;

/** Shares with, or withdraws from, a partner agency. */
export const agencyShareChange = z.object({ caseId, agencyId: agency });
export type AgencyShareChange = z.infer<typeof agencyShareChange>;

/** Shares with, or withdraws from, a named liaison officer. */
export const liaisonShareChange = z.object({ caseId, userId: person });
export type LiaisonShareChange = z.infer<typeof liaisonShareChange>;
