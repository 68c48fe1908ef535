import { describe, expect, it } from 'vitest';
import { changeGroup, changeGroups } from './change-kinds';

describe('change groups of timeline kinds', () => {
  it('groups known kinds and falls back by prefix, then to other', () => {
    expect(changeGroup('suspect_arrested')).toBe('arrest');
    expect(changeGroup('arrest_corrected')).toBe('arrest');
    expect(changeGroup('suspect_updated')).toBe('suspects');
    expect(changeGroup('prosecution_updated')).toBe('prosecution');
    expect(changeGroup('shared_with_agency')).toBe('sharing');
    expect(changeGroup('something_new')).toBe('other');
  });

  it('lists each group once, in a fixed order', () => {
    expect(changeGroups(['prosecution_filed', 'suspect_arrested', 'prosecution_updated'])).toEqual(['arrest', 'prosecution']);
  });
});
