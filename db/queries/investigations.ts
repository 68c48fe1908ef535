// The case aggregate's reads, in one place for callers: the list and the single case.
export { CASE_COUNT_CAP, CASE_PAGE_SIZE, listCases, type CaseListQuery, type CaseListRow } from './case-list';
export { getCase } from './case-read';
