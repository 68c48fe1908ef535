import type { Locale, Role } from './vocabulary';

/** Who is asking: built once per request from the session row, never from the client. */
export type Viewer = {
  userId: string;
  sessionId: string;
  role: Role;
  agencyId: string | null;
  name: string;
  email: string;
  locale: Locale;
  /** Khmer digits on Khmer pages; absent means Latin digits. */
  khmerDigits?: boolean;
  /** Set when the request came through the REST API with this personal access token. */
  apiTokenId?: string;
};

export const PERMISSIONS = {
  'cases:list': ['investigator', 'liaison', 'manager'],
  'cases:read': ['investigator', 'liaison', 'manager'],
  'cases:create': ['investigator', 'manager'],
  'cases:edit': ['investigator', 'manager'],
  'cases:record-arrest': ['investigator', 'liaison', 'manager'],
  'cases:record-prosecution': ['investigator', 'liaison', 'manager'],
  'cases:assign': ['manager'],
  'cases:share': ['manager'],
  'cases:close': ['investigator', 'manager'],
  'cases:reopen': ['manager'],
  'cases:archive': ['manager'],
  'cases:read-archived': ['manager'],
  /** Bulk import of past years' cases from a spreadsheet. */
  'cases:import': ['manager'],
  'victims:read-identity': ['investigator', 'manager'],
  /** The case's free-text summary, which may describe the child: not for partner agencies. */
  'cases:read-summary': ['investigator', 'manager'],
  'dashboard:read': ['investigator', 'manager'],
  'reports:read': ['manager'],
  'reports:write': ['manager'],
  'reports:publish': ['manager'],
  'expenditure:manage': ['manager'],
  'audit:read': ['manager', 'admin'],
  'users:manage': ['admin'],
  'agencies:manage': ['admin'],
  'reference:manage': ['admin'],
  'account:self': ['investigator', 'liaison', 'manager', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(viewer: Pick<Viewer, 'role'> | null, permission: Permission): boolean {
  if (!viewer) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(viewer.role);
}

/**
 * Which cases a viewer may see at all. The data layer turns this into the WHERE clause of
 * the very statement that reads or writes the case, so a role check alone never suffices.
 * - all:    every case (managers)
 * - member: cases where the viewer is lead or on the team (investigators)
 * - shared: cases shared with the viewer by name, or with their agency while it is active (liaison officers)
 * - none:   no case contents (administrators: separation of duties)
 */
export type CaseScope = 'all' | 'member' | 'shared' | 'none';

export const CASE_SCOPE = {
  manager: 'all',
  investigator: 'member',
  liaison: 'shared',
  admin: 'none',
} as const satisfies Record<Role, CaseScope>;

export function caseScope(viewer: Pick<Viewer, 'role'> | null): CaseScope {
  return viewer ? CASE_SCOPE[viewer.role] : 'none';
}

/** Where each role lands after signing in: their home page (updates, shared cases), or the people page. */
export function homePath(role: Role): string {
  return role === 'admin' ? '/admin/users' : '/home';
}
