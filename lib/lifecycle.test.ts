import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from './vocabulary';
import { autoAdvanceTarget, availableMoves, closeReasonFromProsecutions, moveTarget, NEXT_STAGE, STATUS_MOVES, type StatusMove } from './lifecycle';

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

describe('automatic moves from recorded facts', () => {
  it('an arrest carries an earlier case to suspect_arrested and leaves later or closed ones alone', () => {
    expect(autoAdvanceTarget('reported', 'suspect_arrested')).toBe('suspect_arrested');
    expect(autoAdvanceTarget('suspect_identified', 'suspect_arrested')).toBe('suspect_arrested');
    expect(autoAdvanceTarget('suspect_arrested', 'suspect_arrested')).toBeNull();
    expect(autoAdvanceTarget('referred_to_court', 'suspect_arrested')).toBeNull();
    expect(autoAdvanceTarget('closed', 'suspect_arrested')).toBeNull();
  });

  it('a first charge carries any open case to referred_to_court', () => {
    expect(autoAdvanceTarget('under_investigation', 'referred_to_court')).toBe('referred_to_court');
    expect(autoAdvanceTarget('suspect_arrested', 'referred_to_court')).toBe('referred_to_court');
    expect(autoAdvanceTarget('referred_to_court', 'referred_to_court')).toBeNull();
    expect(autoAdvanceTarget('closed', 'referred_to_court')).toBeNull();
  });

  it('suggests the close reason only once every prosecution is decided', () => {
    expect(closeReasonFromProsecutions([])).toBeNull();
    expect(closeReasonFromProsecutions(['convicted', 'on_trial'])).toBeNull();
    expect(closeReasonFromProsecutions(['convicted', 'appealed'])).toBeNull();
    expect(closeReasonFromProsecutions(['acquitted', 'convicted'])).toBe('convicted');
    expect(closeReasonFromProsecutions(['dismissed', 'acquitted'])).toBe('acquitted');
    expect(closeReasonFromProsecutions(['dismissed'])).toBe('dismissed');
  });
});
