import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from './dataset';
import { KHMER_SCRIPT_PROVINCE } from './geography';
import { inKhmerScript, khmerTitle } from './khmer-script';

describe('Khmer-script demo cases', () => {
  it('writes known names in Khmer script, a two-word given name as one, a foreigner\'s name as it is', () => {
    expect(inKhmerScript('Sok Srey Oun')).toBe('សុខ ស្រីអូន');
    expect(inKhmerScript('Ta Sokha')).toBe('តា សុខា');
    expect(inKhmerScript('James Harlow')).toBe('James Harlow');
  });

  it('titles a case as a Khmer investigator would', () => {
    expect(khmerTitle('rape', [{ sex: 'female', ageAtOffence: 7 }], 'កំពង់ឆ្នាំង')).toBe('រំលោភសេពសន្ថវៈលើក្មេងស្រីអាយុ ៧ ឆ្នាំ នៅខេត្តកំពង់ឆ្នាំង');
    expect(khmerTitle('rape', [{ sex: 'male', ageAtOffence: 9 }, { sex: 'female', ageAtOffence: 11 }], 'កំពង់ឆ្នាំង')).toContain('កុមារ ២ នាក់');
  });

  it('leaves no Latin district, title or Khmer name in the province\'s cases', () => {
    const d = buildDemoDataset();
    const locations = d.offenceLocations.filter((l) => l.provinceCode === KHMER_SCRIPT_PROVINCE);
    const ids = new Set(locations.map((l) => l.investigationId));
    expect(ids.size).toBeGreaterThan(10);
    expect(locations.filter((l) => /[A-Za-z]/.test(l.district)).map((l) => l.district)).toEqual([]);
    expect(d.investigations.filter((c) => ids.has(c.id) && /[A-Za-z]/.test(c.title)).map((c) => c.title)).toEqual([]);
    const latinNames = d.victims.filter((v) => ids.has(v.investigationId) && v.fullName && /[A-Za-z]/.test(v.fullName));
    expect(latinNames).toEqual([]);
  });
});
