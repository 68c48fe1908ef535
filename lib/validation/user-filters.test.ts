import { describe, expect, it } from 'vitest';
import { parseUserFilters } from './user-filters';

describe('people filters from the query string', () => {
  it('keeps valid filters, and never takes a name from the address', () => {
    expect(parseUserFilters({ q: 'Sok Vibol', role: 'liaison', agency: '6f1c2a7e-8d1b-4c3a-9a55-1b2c3d4e5f60', status: 'locked' }))
      .toEqual({ role: 'liaison', agencyId: '6f1c2a7e-8d1b-4c3a-9a55-1b2c3d4e5f60', status: 'locked' });
  });

  it('ignores malformed ones instead of failing: unknown role, bad id, arrays, huge strings', () => {
    expect(parseUserFilters({ q: 'x'.repeat(5000), role: 'root', agency: "1' or '1'='1", status: ['locked', 'active'] }))
      .toEqual({ role: undefined, agencyId: undefined, status: 'locked' });
    expect(parseUserFilters({})).toEqual({ role: undefined, agencyId: undefined, status: undefined });
  });
});
