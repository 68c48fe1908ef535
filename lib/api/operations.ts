import { z } from 'zod';
import { caseFilters, casePagePosition } from '@/lib/case-filters';
import { caseInput } from '@/lib/validation/case-input';
import { arrestRecord, caseBasicsEdit, suspectEdit, victimEdit } from '@/lib/validation/case-edit';
import { prosecutionEdit } from '@/lib/validation/prosecution';
import { dashboardFilterFields } from '@/lib/dashboard-filters';
import type { ProblemStatus } from './problem';

/**
 * The route registry of /api/v1: every operation with the zod schemas it parses. The
 * route handlers take their schemas from here and the OpenAPI document is built from
 * here, so the two cannot drift (app/api/v1/openapi.test.ts also compares them with the
 * route files on disk). Request bodies are the very schemas the UI's forms use.
 */
export type Operation = {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** OpenAPI path under /api/v1, e.g. "/investigations/{id}". */
  path: string;
  tag: 'Investigations' | 'Suspects and arrests' | 'Victims' | 'Prosecutions' | 'Figures' | 'Reference';
  summary: string;
  description?: string;
  /** Who may call it (the role part; case scope comes on top). */
  roles: string;
  pathParams?: Record<string, z.ZodType>;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Body fields the API fills from the path or If-Match instead (left out of the documented body). */
  bodyFromRequest?: string[];
  /** Every field of the body optional (a partial update). */
  partialBody?: boolean;
  /** Needs the record's version in If-Match. */
  ifMatch?: boolean;
  /** No token needed (the API description itself). */
  public?: boolean;
  success: { status: 200 | 201; description: string };
  errors: ProblemStatus[];
};

const caseId = { id: z.uuid() };
const AUTH: ProblemStatus[] = [401, 429];
const READ_CASE: ProblemStatus[] = [...AUTH, 403, 404];
const WRITE_CASE: ProblemStatus[] = [...AUTH, 400, 403, 404, 413, 415, 422];
const VERSIONED: ProblemStatus[] = [...WRITE_CASE, 409, 412, 428];
const CASE_ROLES = 'investigator (cases they are on), liaison (cases shared with them or their agency), manager (every case)';
const EDITORS = 'investigator (cases they are on), manager (every case)';

export const OPERATIONS = [
  {
    operationId: 'listInvestigations', method: 'GET', path: '/investigations', tag: 'Investigations', roles: CASE_ROLES,
    summary: 'List investigations',
    description: 'The case list with the same filters as the app, 25 at a time. Follow `nextCursor` with `after=` (and `prevCursor` with `before=`); a cursor belongs to its sort order. A malformed filter value is ignored, as in the app.',
    query: caseFilters.extend(casePagePosition.shape),
    success: { status: 200, description: 'A page of investigations, the number of matches and the cursors.' },
    errors: [...AUTH, 403],
  },
  {
    operationId: 'createInvestigation', method: 'POST', path: '/investigations', tag: 'Investigations', roles: EDITORS,
    summary: 'Open an investigation',
    description: 'The whole "Open a case" form: basics, at least one offence location and one victim, suspects and services. The caller becomes its lead. Send an `Idempotency-Key` header (a UUID) to make a retried request harmless: the same key returns the case it made.',
    body: caseInput,
    success: { status: 201, description: 'Created; `Location` names the new investigation.' },
    errors: [...AUTH, 400, 403, 409, 413, 415, 422],
  },
  {
    operationId: 'getInvestigation', method: 'GET', path: '/investigations/{id}', tag: 'Investigations', roles: CASE_ROLES,
    summary: 'Read one investigation',
    description: 'The case with its locations, suspects, prosecutions and either its victims (investigators, managers) or only counts of victims by sex and age band (liaison officers). `ETag` carries the version to send back in `If-Match`. The read is audited.',
    pathParams: caseId,
    success: { status: 200, description: 'The investigation.' },
    errors: READ_CASE,
  },
  {
    operationId: 'updateInvestigation', method: 'PATCH', path: '/investigations/{id}', tag: 'Investigations', roles: EDITORS,
    summary: 'Change an investigation\'s basics',
    description: 'Any of title, summary, offence type, priority and dates. `If-Match` must carry the version from `ETag`: a stale version gets 412 and changes nothing.',
    pathParams: caseId, body: caseBasicsEdit, bodyFromRequest: ['caseId', 'version'], partialBody: true, ifMatch: true,
    success: { status: 200, description: 'Saved; the body and `ETag` carry the new version.' },
    errors: VERSIONED,
  },
  {
    operationId: 'listSuspects', method: 'GET', path: '/investigations/{id}/suspects', tag: 'Suspects and arrests', roles: CASE_ROLES,
    summary: 'List a case\'s suspects', pathParams: caseId,
    success: { status: 200, description: 'The suspects, each with its version.' }, errors: READ_CASE,
  },
  {
    operationId: 'createSuspect', method: 'POST', path: '/investigations/{id}/suspects', tag: 'Suspects and arrests', roles: EDITORS,
    summary: 'Add a suspect', pathParams: caseId, body: suspectEdit, bodyFromRequest: ['caseId', 'id', 'version'],
    success: { status: 201, description: 'Added.' }, errors: WRITE_CASE,
  },
  {
    operationId: 'replaceSuspect', method: 'PUT', path: '/investigations/{id}/suspects/{suspectId}', tag: 'Suspects and arrests', roles: EDITORS,
    summary: 'Change a suspect', description: 'The whole suspect, as the app\'s form sends it, at the version in `If-Match`.',
    pathParams: { ...caseId, suspectId: z.uuid() }, body: suspectEdit, bodyFromRequest: ['caseId', 'id', 'version'], ifMatch: true,
    success: { status: 200, description: 'Saved; the body and `ETag` carry the new version.' }, errors: VERSIONED,
  },
  {
    operationId: 'listArrests', method: 'GET', path: '/investigations/{id}/arrests', tag: 'Suspects and arrests', roles: CASE_ROLES,
    summary: 'List a case\'s arrests', pathParams: caseId,
    success: { status: 200, description: 'The arrested suspects with the date, agency and place of arrest.' }, errors: READ_CASE,
  },
  {
    operationId: 'recordArrest', method: 'PUT', path: '/investigations/{id}/suspects/{suspectId}/arrest', tag: 'Suspects and arrests', roles: CASE_ROLES,
    summary: 'Record or correct an arrest', description: 'At the suspect\'s version in `If-Match`. The first arrest moves the case on to "suspect arrested".',
    pathParams: { ...caseId, suspectId: z.uuid() }, body: arrestRecord, bodyFromRequest: ['caseId', 'id', 'version'], ifMatch: true,
    success: { status: 200, description: 'Recorded.' }, errors: VERSIONED,
  },
  {
    operationId: 'listVictims', method: 'GET', path: '/investigations/{id}/victims', tag: 'Victims', roles: CASE_ROLES,
    summary: 'List a case\'s victims',
    description: 'Investigators and managers get each child with identity (name, date of birth, contact, notes) and services; every such read is audited. Liaison officers get no victim rows, only counts by sex and age band.',
    pathParams: caseId, success: { status: 200, description: 'The victims, or the counts.' }, errors: READ_CASE,
  },
  {
    operationId: 'createVictim', method: 'POST', path: '/investigations/{id}/victims', tag: 'Victims', roles: EDITORS,
    summary: 'Add a victim', pathParams: caseId, body: victimEdit, bodyFromRequest: ['caseId', 'id', 'version'],
    success: { status: 201, description: 'Added, with a pseudonymous code.' }, errors: WRITE_CASE,
  },
  {
    operationId: 'replaceVictim', method: 'PUT', path: '/investigations/{id}/victims/{victimId}', tag: 'Victims', roles: EDITORS,
    summary: 'Change a victim', pathParams: { ...caseId, victimId: z.uuid() }, body: victimEdit, bodyFromRequest: ['caseId', 'id', 'version'], ifMatch: true,
    success: { status: 200, description: 'Saved.' }, errors: VERSIONED,
  },
  {
    operationId: 'listProsecutions', method: 'GET', path: '/investigations/{id}/prosecutions', tag: 'Prosecutions', roles: CASE_ROLES,
    summary: 'List a case\'s prosecutions', pathParams: caseId,
    success: { status: 200, description: 'Prosecutions with charges and hearings.' }, errors: READ_CASE,
  },
  {
    operationId: 'createProsecution', method: 'POST', path: '/investigations/{id}/prosecutions', tag: 'Prosecutions', roles: CASE_ROLES,
    summary: 'Record a prosecution', description: 'Of one of the case\'s suspects. Filing moves the case on to "referred to court".',
    pathParams: caseId, body: prosecutionEdit, bodyFromRequest: ['caseId', 'id', 'version'],
    success: { status: 201, description: 'Recorded.' }, errors: WRITE_CASE,
  },
  {
    operationId: 'replaceProsecution', method: 'PUT', path: '/investigations/{id}/prosecutions/{prosecutionId}', tag: 'Prosecutions', roles: CASE_ROLES,
    summary: 'Change a prosecution', pathParams: { ...caseId, prosecutionId: z.uuid() }, body: prosecutionEdit, bodyFromRequest: ['caseId', 'id', 'version'], ifMatch: true,
    success: { status: 200, description: 'Saved.' }, errors: VERSIONED,
  },
  {
    operationId: 'getFigures', method: 'GET', path: '/figures/{year}', tag: 'Figures', roles: 'investigator, manager',
    summary: 'The yearly figures',
    description: 'The outcomes dashboard\'s figures for a year, with its filters (province, offence type), and the change against the year before. Aggregates only.',
    pathParams: { year: dashboardFilterFields.year }, query: z.object({ province: dashboardFilterFields.province, offence: dashboardFilterFields.offence }),
    success: { status: 200, description: 'The figures.' }, errors: [...AUTH, 403, 404],
  },
  {
    operationId: 'getOpenApi', method: 'GET', path: '/openapi.json', tag: 'Reference', roles: 'anyone (no token needed)', public: true,
    summary: 'This API\'s OpenAPI 3.1 description',
    success: { status: 200, description: 'The OpenAPI document.' }, errors: [],
  },
] as const satisfies readonly Operation[];

export type OperationId = (typeof OPERATIONS)[number]['operationId'];

export function operation(id: OperationId): Operation {
  return OPERATIONS.find((o) => o.operationId === id)!;
}
