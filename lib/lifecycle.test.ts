import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from './vocabulary';
import { availableMoves, moveTarget, NEXT_STAGE, STATUS_MOVES, type StatusMove } from './lifecycle';

// The whole table of allowed moves, written out independently of NEXT_STAGE.
const EXPECTED: Record<CaseStatus, Partial<Record<StatusMove, CaseStatus>>> = {
  reported: { advance: 'under_investigation', close: 'closed' },
  under_investigation: { advance: 'suspect_identified', close: 'closed' },
  suspect_identified: { advance: 'suspect_arrested', close: 'closed' },
  suspect_arrested: { advance: 'referred_to_court', close: 'closed' },
  referred_to_court: { close: 'closed' },
  closed: { reopen: 'under_investigation' },
};

describe('case lifecycle', () => {
  for (const from of CASE_STATUSES) {
    for (const move of STATUS_MOVES) {
      const to = EXPECTED[from][move] ?? null;
      it(`${from} --${move}--> ${to ?? 'refused'}`, () => {
        expect(moveTarget(from, move)).toBe(to);
      });
    }
  }

  it('advances strictly one stage along the order of CASE_STATUSES, never onto closed', () => {
    for (const from of CASE_STATUSES) {
      const next = NEXT_STAGE[from];
      if (next) expect(CASE_STATUSES.indexOf(next)).toBe(CASE_STATUSES.indexOf(from) + 1);
      expect(next).not.toBe('closed');
    }
  });

  it('reopens to the stage the case was closed from', () => {
    for (const stage of CASE_STATUSES.filter((s) => s !== 'closed')) {
      expect(moveTarget('closed', 'reopen', stage)).toBe(stage);
    }
  });

  it('reopens to under investigation when the stage before closing is unknown or nonsense', () => {
    for (const stage of [null, undefined, 'closed', 'bogus', '']) {
      expect(moveTarget('closed', 'reopen', stage)).toBe('under_investigation');
    }
  });

  it('lists the moves open to each status', () => {
    for (const from of CASE_STATUSES) {
      expect(availableMoves(from)).toEqual(STATUS_MOVES.filter((m) => EXPECTED[from][m]));
    }
  });
});
