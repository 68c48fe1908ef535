import { describe, expect, it } from 'vitest';
import { caseListSearch, hasActiveFilters, parseCaseFilters, parseCasePagePosition } from './case-filters';
import { decodeCaseCursor, encodeCaseCursor } from './case-cursor';

const fromSearch = (search: string) => {
  const params: Record<string, string | string[]> = {};
  for (const [k, v] of new URLSearchParams(search)) params[k] = k in params ? [params[k]!, v].flat() : v;
  return params;
};

describe('case list filters in the URL', () => {
  it('parses a full set of filters and writes them back to the same URL', () => {
    const search = '?q=Ta+Dara&year=2021&status=closed&province=12&offence=rape&lead=6f1c9a52-0d6e-4c39-9d4e-1a2b3c4d5e6f&arrest=yes&sort=reference';
    const filters = parseCaseFilters(fromSearch(search));
    expect(filters).toEqual({
      q: 'Ta Dara', year: 2021, status: 'closed', province: '12', offence: 'rape',
      lead: '6f1c9a52-0d6e-4c39-9d4e-1a2b3c4d5e6f', arrest: 'yes', sort: 'reference',
    });
    expect(caseListSearch(filters)).toBe(search);
    expect(parseCaseFilters(fromSearch(caseListSearch(filters)))).toEqual(filters);
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it('reads empty fields (a submitted GET form) as no filter and leaves them out of links', () => {
    const filters = parseCaseFilters(fromSearch('?q=&year=&status=&province=&offence=&lead=&arrest=&sort=opened_desc'));
    expect(filters).toEqual({ sort: 'opened_desc' });
    expect(hasActiveFilters(filters)).toBe(false);
    expect(caseListSearch(filters)).toBe('');
  });

  it('drops each malformed field on its own, keeping the good ones', () => {
    expect(parseCaseFilters({ year: '2021abc', status: 'closed', province: '1', q: '   ', sort: 'x' })).toEqual({ status: 'closed', sort: 'opened_desc' });
    expect(parseCaseFilters({ year: ['2020', '2021'], q: 'a'.repeat(101) })).toEqual({ year: 2020, sort: 'opened_desc' });
  });

  it('keeps the search text literal and Khmer intact, in NFC with single spaces', () => {
    const filters = parseCaseFilters({ q: '  សុខា   50%_ ' });
    expect(filters.q).toBe('សុខា 50%_');
    expect(parseCaseFilters(fromSearch(caseListSearch(filters))).q).toBe('សុខា 50%_');
  });

  it('carries one page position at a time', () => {
    const filters = parseCaseFilters({ year: '2021' });
    expect(caseListSearch(filters, parseCasePagePosition({ after: 'abc', before: 'def' }))).toBe('?year=2021&after=abc');
    expect(caseListSearch(filters, parseCasePagePosition({ before: 'def' }))).toBe('?year=2021&before=def');
  });
});

describe('case list cursors', () => {
  const id = '6f1c9a52-0d6e-4c39-9d4e-1a2b3c4d5e6f';

  it('round-trip within their sort and read as no cursor in another', () => {
    const raw = encodeCaseCursor({ sort: 'status', key: ['closed', '2021-03-04'], id });
    expect(decodeCaseCursor(raw, 'status')).toEqual({ sort: 'status', key: ['closed', '2021-03-04'], id });
    expect(decodeCaseCursor(raw, 'opened_desc')).toBeNull();
  });

  it('read junk as no cursor', () => {
    for (const junk of ['', '%%%', 'bnVsbA', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(decodeCaseCursor(junk, 'opened_desc'), junk).toBeNull();
    }
  });
});
