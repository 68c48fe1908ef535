import { describe, expect, it } from 'vitest';
import { can, caseScope, homePath, PERMISSIONS, type Permission } from './policy';
import { ROLES, type Role } from './vocabulary';

// The expected matrix, written out independently of PERMISSIONS so a slip in either shows.
// Columns: investigator, liaison, manager, admin.
const EXPECTED: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  'cases:list': [true, true, true, false],
  'cases:read': [true, true, true, false],
  'cases:create': [true, false, true, false],
  'cases:edit': [true, false, true, false],
  'cases:record-arrest': [true, true, true, false],
  'cases:record-prosecution': [true, true, true, false],
  'cases:assign': [false, false, true, false],
  'cases:share': [false, false, true, false],
  'cases:close': [true, false, true, false],
  'cases:reopen': [false, false, true, false],
  'cases:archive': [false, false, true, false],
  'cases:read-archived': [false, false, true, false],
  'cases:import': [false, false, true, false],
  'victims:read-identity': [true, false, true, false],
  'cases:read-summary': [true, false, true, false],
  'dashboard:read': [true, false, true, false],
  'reports:read': [false, false, true, false],
  'reports:write': [false, false, true, false],
  'reports:publish': [false, false, true, false],
  'expenditure:manage': [false, false, true, false],
  'audit:read': [false, false, true, true],
  'users:manage': [false, false, false, true],
  'agencies:manage': [false, false, false, true],
  'reference:manage': [false, false, false, true],
  'account:self': [true, true, true, true],
};

const COLUMNS: Role[] = ['investigator', 'liaison', 'manager', 'admin'];

describe('permission matrix', () => {
  it('lists every permission the policy defines, and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(PERMISSIONS).sort());
  });

  for (const [permission, row] of Object.entries(EXPECTED) as [Permission, boolean[]][]) {
    COLUMNS.forEach((role, i) => {
      it(`[${role}] ${row[i] ? 'may' : 'may not'} ${permission}`, () => {
        expect(can({ role }, permission)).toBe(row[i]);
      });
    });
  }

  it('denies everything to a missing viewer', () => {
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(can(null, permission)).toBe(false);
    }
  });

  it('keeps case contents from administrators (separation of duties)', () => {
    const caseContent = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => /^(cases|victims|dashboard|reports|expenditure):/.test(p));
    expect(caseContent.length).toBeGreaterThan(10);
    for (const permission of caseContent) expect(can({ role: 'admin' }, permission)).toBe(false);
  });

  it('never lets a liaison officer read a victim identity', () => {
    expect(can({ role: 'liaison' }, 'victims:read-identity')).toBe(false);
  });
});

describe('case scope', () => {
  it.each([
    ['manager', 'all'],
    ['investigator', 'member'],
    ['liaison', 'shared'],
    ['admin', 'none'],
  ] as const)('[%s] sees %s cases', (role, scope) => {
    expect(caseScope({ role })).toBe(scope);
  });

  it('gives a missing viewer no cases', () => {
    expect(caseScope(null)).toBe('none');
  });

  it('covers every role', () => {
    for (const role of ROLES) expect(['all', 'member', 'shared', 'none']).toContain(caseScope({ role }));
  });

  it('sends administrators to people and everyone else to cases', () => {
    expect(homePath('admin')).toBe('/admin/users');
    for (const role of ['investigator', 'liaison', 'manager'] as const) expect(homePath(role)).toBe('/home');
  });
});
