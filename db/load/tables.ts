import { CopyBuffer } from './copy';

const audited = ['created_by', 'created_at', 'updated_at'] as const;

/** The tables the generator fills, each with the columns it writes, in insertion order (parents first). */
export function loadBuffers() {
  return {
    investigations: new CopyBuffer('investigations', [
      'id', 'reference', 'ref_year', 'ref_seq', 'title', 'summary', 'offence_type', 'report_channel', 'priority', 'status',
      'close_reason', 'reported_on', 'opened_on', 'offence_from', 'offence_to', 'closed_at', 'updated_by', ...audited,
      'archived_at', 'archived_by', 'archive_reason',
    ]),
    investigationMembers: new CopyBuffer('investigation_members', ['investigation_id', 'user_id', 'role', 'added_at', 'added_by']),
    investigationAgencies: new CopyBuffer('investigation_agencies', ['investigation_id', 'agency_id', 'shared_at', 'shared_by']),
    offenceLocations: new CopyBuffer('offence_locations', [
      'id', 'investigation_id', 'province_code', 'district', 'commune', 'place_type', 'occurred_on', ...audited,
    ]),
    victims: new CopyBuffer('victims', [
      'id', 'investigation_id', 'code', 'full_name', 'date_of_birth', 'contact', 'notes', 'sex', 'age_at_offence', 'nationality', ...audited,
    ]),
    victimServices: new CopyBuffer('victim_services', [
      'id', 'victim_id', 'investigation_id', 'service_type', 'provider', 'started_on', 'ended_on', ...audited,
    ]),
    suspects: new CopyBuffer('suspects', [
      'id', 'investigation_id', 'full_name', 'alias', 'name_tags', 'sex', 'age', 'nationality', 'relationship', 'status', 'arrested_on',
      'arresting_agency_id', 'arrest_place', ...audited,
    ]),
    prosecutions: new CopyBuffer('prosecutions', [
      'id', 'investigation_id', 'suspect_id', 'court_province_code', 'court_case_number', 'status', 'filed_on', 'verdict_on',
      'sentence_years', 'sentence_months', ...audited,
    ]),
    prosecutionCharges: new CopyBuffer('prosecution_charges', ['prosecution_id', 'charge_code']),
    hearings: new CopyBuffer('hearings', ['id', 'prosecution_id', 'held_on', 'kind', ...audited]),
    caseEvents: new CopyBuffer('case_events', ['investigation_id', 'at', 'actor_id', 'kind', 'data']),
  };
}
export type LoadBuffers = ReturnType<typeof loadBuffers>;
