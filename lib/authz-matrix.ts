/**
 * The authorization matrix: for every page, route handler and server action under app/,
 * what each persona should get. Kept in lib/ (not e2e/) because both test layers read it:
 *
 * - lib/authz-matrix.test.ts   walks app/ and fails when a page, route or exported server
 *                              action exists that this file does not list, or the reverse.
 * - e2e/authz-matrix.spec.ts   GETs every page and route handler as each persona over HTTP.
 * - db/queries/authz-matrix.test.ts calls the data-layer function each server action wraps
 *                              with each persona's Viewer, and checks denials change no row.
 *
 * Personas. "member"/"notMember" and "shared"/"notShared" refer to the case the entry is
 * about; for entries that are not about one case they get the same expectation.
 * "deactivated" is a signed-in user whose account an admin then deactivated: getViewer()
 * returns null for them, so pages, routes and actions treat them exactly as anonymous.
 *
 * Outcomes:
 * - allow         pages/routes: 200 (or a redirect that is not to /login); actions: the change is made
 * - login         pages/routes: a redirect to /login; actions: refused as unauthenticated
 * - forbidden     403 (pages/routes); actions: refused (ForbiddenError at the data layer)
 * - notFound      404 (pages/routes); actions: refused as if the case did not exist (NotFoundError)
 * - redirect      a redirect elsewhere than /login (e.g. "/" sends each role to its home page)
 * - unauthorized  401: a route handler reached with a session cookie whose session is no longer
 *                 valid (a deactivated user). Anonymous requests carry no session, so the proxy
 *                 sends them to /login before the handler runs.
 *
 * REST API entries (kind 'api', one per route file and HTTP method under app/api/v1) take a
 * bearer token, never a cookie. Their outcomes are for a call with a personal access token
 * of that persona's account: 'anonymous' is a call with no (or an unknown) token and
 * 'deactivated' one with the token of an account deactivated after the token was made;
 * both get 401 ('unauthorized'), the proxy lets /api/v1 through. app/api/v1/api.test.ts
 * calls every one with each persona's token; e2e/authz-matrix.spec.ts checks over HTTP that
 * a signed-in browser's cookie alone gets 401 from all of them.
 */
export const PERSONAS = [
  'anonymous',
  'investigatorMember',
  'investigatorNotMember',
  'manager',
  'liaisonShared',
  'liaisonNotShared',
  'admin',
  'deactivated',
] as const;
export type Persona = (typeof PERSONAS)[number];

export type Outcome = 'allow' | 'login' | 'forbidden' | 'notFound' | 'redirect' | 'unauthorized';
export type Expectations = Record<Persona, Outcome>;

export type MatrixEntry = {
  kind: 'page' | 'route' | 'action' | 'api';
  /** Path under the repository root, e.g. "app/(app)/cases/[id]/page.tsx". */
  file: string;
  /** For actions: the exported name; for API entries: the HTTP method. */
  name?: string;
  /** For route handlers that answer only another method than GET (e2e sends that, same-origin, with an empty body). */
  method?: 'POST';
  /** Whether member/not-member and shared/not-shared differ (the entry is about one case). */
  caseSpecific: boolean;
  expect: Expectations;
};

type Role4 = { investigator?: Outcome; manager?: Outcome; liaison?: Outcome; admin?: Outcome };

/** An entry not about one case: member/not-member and shared/not-shared collapse. */
function general(roles: Role4 & { signedOut?: Outcome }, deny: Outcome = 'forbidden'): Expectations {
  const signedOut = roles.signedOut ?? 'login';
  const inv = roles.investigator ?? deny;
  const lia = roles.liaison ?? deny;
  return {
    anonymous: signedOut,
    investigatorMember: inv,
    investigatorNotMember: inv,
    manager: roles.manager ?? deny,
    liaisonShared: lia,
    liaisonNotShared: lia,
    admin: roles.admin ?? deny,
    deactivated: signedOut,
  };
}

/**
 * An entry about one case. `investigator`/`liaison` is the outcome inside scope; out of scope
 * the case reads as missing (notFound) when the role holds the permission at all.
 */
function onCase(roles: Role4, deny: Outcome = 'forbidden'): Expectations {
  const inv = roles.investigator ?? deny;
  const lia = roles.liaison ?? deny;
  return {
    anonymous: 'login',
    investigatorMember: inv,
    investigatorNotMember: inv === 'allow' ? 'notFound' : inv,
    manager: roles.manager ?? deny,
    liaisonShared: lia,
    liaisonNotShared: lia === 'allow' ? 'notFound' : lia,
    admin: roles.admin ?? deny,
    deactivated: 'login',
  };
}

const ALL_SIGNED_IN = { investigator: 'allow', manager: 'allow', liaison: 'allow', admin: 'allow' } as const;
const CASE_ROLES = { investigator: 'allow', manager: 'allow', liaison: 'allow' } as const;
const EDITORS = { investigator: 'allow', manager: 'allow' } as const;
const MANAGER = { manager: 'allow' } as const;
const ADMIN = { admin: 'allow' } as const;
const PUBLIC = { signedOut: 'allow', ...ALL_SIGNED_IN } as const;

const page = (file: string, expect: Expectations, caseSpecific = false): MatrixEntry => ({ kind: 'page', file: `app/${file}`, caseSpecific, expect });
const route = (file: string, expect: Expectations, caseSpecific = false): MatrixEntry => ({ kind: 'route', file: `app/${file}`, caseSpecific, expect });
/** Our own route handlers answer 401 (not a redirect) to a cookie whose session has ended. */
const ownRoute = (file: string, expect: Expectations): MatrixEntry => route(file, { ...expect, deactivated: 'unauthorized' });
const actions = (file: string, names: string[], expect: Expectations, caseSpecific = false): MatrixEntry[] =>
  names.map((name) => ({ kind: 'action', file: `app/${file}`, name, caseSpecific, expect }));
/** A REST API method: no token, or a deactivated owner's, gets 401; otherwise the owner's role and scope decide. */
const api = (file: string, method: string, expect: Expectations, caseSpecific = false): MatrixEntry =>
  ({ kind: 'api', file: `app/api/v1/${file}`, name: method, caseSpecific, expect: { ...expect, anonymous: 'unauthorized', deactivated: 'unauthorized' } });

export const MATRIX: MatrixEntry[] = [
  // ---- pages ----
  // The API reference, rendered from the OpenAPI document.
  page('(app)/api-docs/page.tsx', general(ALL_SIGNED_IN)),
  page('(app)/page.tsx', general({ investigator: 'redirect', manager: 'redirect', liaison: 'redirect', admin: 'redirect' })),
  page('(app)/home/page.tsx', general(CASE_ROLES)),
  page('(app)/account/page.tsx', general(ALL_SIGNED_IN)),
  page('(app)/cases/page.tsx', general(CASE_ROLES)),
  page('(app)/cases/new/page.tsx', general(EDITORS)),
  page('(app)/cases/import/page.tsx', general(MANAGER)),
  page('(app)/cases/[id]/page.tsx', onCase(CASE_ROLES), true),
  // Managers only; an administrator holds audit:read but sees no case, so the case reads as missing.
  page('(app)/cases/[id]/access/page.tsx', { ...onCase(MANAGER), admin: 'notFound' }, true),
  page('(app)/dashboard/page.tsx', general(EDITORS)),
  page('(app)/expenditure/page.tsx', general(MANAGER)),
  page('(app)/reports/page.tsx', general(MANAGER)),
  page('(app)/reports/[year]/page.tsx', general(MANAGER)),
  page('(app)/admin/users/page.tsx', general(ADMIN)),
  page('(app)/admin/users/new/page.tsx', general(ADMIN)),
  page('(app)/admin/agencies/page.tsx', general(ADMIN)),
  page('(app)/admin/reference/page.tsx', general(ADMIN)),
  page('(app)/admin/audit/page.tsx', general({ manager: 'allow', admin: 'allow' })),
  // Public: a signed-in visitor is sent on to their home page.
  page('(auth)/login/page.tsx', general({ signedOut: 'allow', investigator: 'redirect', manager: 'redirect', liaison: 'redirect', admin: 'redirect' })),
  // The second step of signing in: without a live challenge cookie it sends back to /login; signed in, home.
  page('(auth)/login/two-step/page.tsx', general({ signedOut: 'login', investigator: 'redirect', manager: 'redirect', liaison: 'redirect', admin: 'redirect' })),
  // Public; an unknown token shows "link expired or used" (200) to anyone.
  page('(auth)/set-password/[token]/page.tsx', general(PUBLIC)),

  // ---- route handlers ----
  ownRoute('(app)/admin/audit/csv/route.ts', general({ manager: 'allow', admin: 'allow' })),
  ownRoute('(app)/dashboard/csv/route.ts', general(EDITORS)),
  // The case list's downloads: everyone who has the list gets their own scope of it.
  ownRoute('(app)/cases/export/csv/route.ts', general(CASE_ROLES)),
  ownRoute('(app)/cases/export/xlsx/route.ts', general(CASE_ROLES)),
  ownRoute('(app)/cases/import/template/route.ts', general(MANAGER)),
  // POST only, and outside the proxy (it would buffer the upload): signed out gets 401, not a redirect.
  { ...route('(app)/cases/import/upload/route.ts', general({ ...MANAGER, signedOut: 'unauthorized' })), method: 'POST' },
  ownRoute('(app)/reports/[year]/pdf/route.ts', general(MANAGER)),
  ownRoute('(app)/reports/[year]/xlsx/route.ts', general(MANAGER)),
  // The year picker only redirects to /reports/<year>, which then checks reports:read itself.
  route('(app)/reports/go/route.ts', general({ investigator: 'redirect', manager: 'redirect', liaison: 'redirect', admin: 'redirect' })),
  // Auth.js (session, CSRF token, sign-in): public by design.
  route('api/auth/[...nextauth]/route.ts', general(PUBLIC)),

  // ---- REST API (bearer tokens) ----
  api('investigations/route.ts', 'GET', general(CASE_ROLES)),
  api('investigations/route.ts', 'POST', general(EDITORS)),
  api('investigations/[id]/route.ts', 'GET', onCase(CASE_ROLES), true),
  api('investigations/[id]/route.ts', 'PATCH', onCase(EDITORS), true),
  api('investigations/[id]/suspects/route.ts', 'GET', onCase(CASE_ROLES), true),
  api('investigations/[id]/suspects/route.ts', 'POST', onCase(EDITORS), true),
  api('investigations/[id]/suspects/[suspectId]/route.ts', 'PUT', onCase(EDITORS), true),
  api('investigations/[id]/suspects/[suspectId]/arrest/route.ts', 'PUT', onCase(CASE_ROLES), true),
  api('investigations/[id]/arrests/route.ts', 'GET', onCase(CASE_ROLES), true),
  // Liaison officers read the case but get no victim rows, only counts (checked in app/api/v1/api.test.ts).
  api('investigations/[id]/victims/route.ts', 'GET', onCase(CASE_ROLES), true),
  api('investigations/[id]/victims/route.ts', 'POST', onCase(EDITORS), true),
  api('investigations/[id]/victims/[victimId]/route.ts', 'PUT', onCase(EDITORS), true),
  api('investigations/[id]/prosecutions/route.ts', 'GET', onCase(CASE_ROLES), true),
  api('investigations/[id]/prosecutions/route.ts', 'POST', onCase(CASE_ROLES), true),
  api('investigations/[id]/prosecutions/[prosecutionId]/route.ts', 'PUT', onCase(CASE_ROLES), true),
  api('figures/[year]/route.ts', 'GET', general(EDITORS)),
  // The API's description holds no data: no token needed.
  { kind: 'api', file: 'app/api/v1/openapi.json/route.ts', name: 'GET', caseSpecific: false, expect: general(PUBLIC) },

  // ---- server actions ----
  ...actions('actions.ts', ['setLocaleAction'], general(PUBLIC)),
  // The Khmer-digits switch writes only the signed-in person's own setting; signed out it does nothing.
  ...actions('actions.ts', ['setDigitsAction'], general(ALL_SIGNED_IN)),
  ...actions('(auth)/login/actions.ts', ['loginAction'], general(PUBLIC)),
  // The challenge cookie from the password step is the credential; no session is needed or consulted.
  ...actions('(auth)/login/two-step/actions.ts', ['verifyCodeAction', 'confirmEnrolmentAction', 'finishEnrolmentAction'], general(PUBLIC)),
  // The token is the credential; no session is needed or consulted.
  ...actions('(auth)/set-password/[token]/actions.ts', ['setPasswordAction'], general(PUBLIC)),
  ...actions('(app)/actions.ts', ['signOutAction'], general(ALL_SIGNED_IN)),
  ...actions('(app)/account/actions.ts', ['changePasswordAction', 'revokeSessionAction'], general(ALL_SIGNED_IN)),
  ...actions('(app)/account/two-step-actions.ts', ['startTwoStepAction', 'confirmTwoStepAction', 'regenerateRecoveryCodesAction'], general(ALL_SIGNED_IN)),
  // Admins and managers must keep two-step sign-in: turning it off is refused for them.
  ...actions('(app)/account/two-step-actions.ts', ['disableTwoStepAction'], general({ investigator: 'allow', liaison: 'allow' })),
  // One's own API tokens only (someone else's token id reads as missing).
  ...actions('(app)/account/token-actions.ts', ['createTokenAction', 'revokeTokenAction'], general(ALL_SIGNED_IN)),
  ...actions('(app)/home/actions.ts', ['findCaseAction'], general(CASE_ROLES)),
  ...actions('(app)/cases/new/actions.ts', ['createCaseAction'], general(EDITORS)),
  ...actions('(app)/cases/[id]/actions.ts', [
    'updateBasicsAction', 'saveLocationAction', 'saveSuspectAction', 'saveVictimAction', 'saveServiceAction',
    'removeChildAction', 'moveStatusAction',
  ], onCase(EDITORS), true),
  ...actions('(app)/cases/[id]/actions.ts', ['recordArrestAction', 'saveProsecutionAction', 'saveHearingAction'], onCase(CASE_ROLES), true),
  ...actions('(app)/cases/[id]/actions.ts', [
    'archiveCaseAction', 'restoreCaseAction', 'setLeadAction', 'addMemberAction', 'removeMemberAction',
    'shareAgencyAction', 'withdrawAgencyAction', 'shareLiaisonAction', 'withdrawLiaisonAction',
  ], onCase(MANAGER), true),
  ...actions('(app)/expenditure/actions.ts', ['saveExpenditureAction', 'removeExpenditureAction'], general(MANAGER)),
  ...actions('(app)/reports/[year]/actions.ts', ['startReportAction', 'saveReportDraftAction', 'publishReportAction'], general(MANAGER)),
  ...actions('(app)/admin/users/actions.ts', ['userAction', 'createUserAction', 'changeRoleAction', 'forceResetAction', 'resetTwoStepAction'], general(ADMIN)),
  ...actions('(app)/admin/agencies/actions.ts', ['saveAgencyAction', 'setAgencyActiveAction'], general(ADMIN)),
  ...actions('(app)/admin/reference/actions.ts', ['saveReferenceAction', 'setReferenceActiveAction', 'moveReferenceAction'], general(ADMIN)),
];

/** "app/x/actions.ts#name" for actions, "app/api/v1/x/route.ts#GET" for API methods, the file for pages and routes. */
export function entryKey(entry: Pick<MatrixEntry, 'file' | 'name'>): string {
  return entry.name ? `${entry.file}#${entry.name}` : entry.file;
}

export function findEntry(key: string): MatrixEntry {
  const found = MATRIX.find((e) => entryKey(e) === key);
  if (!found) throw new Error(`authz matrix: no entry ${key}`);
  return found;
}
