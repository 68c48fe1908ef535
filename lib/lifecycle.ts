import { CASE_STATUSES, CLOSE_REASONS, type CaseStatus, type CloseReason, type ProsecutionStatus } from './vocabulary';
import type { Permission } from './policy';

/**
 * The case lifecycle (DESIGN.md), as data:
 *   reported -> under_investigation -> suspect_identified -> suspect_arrested -> referred_to_court -> closed
 * A case moves one stage forward at a time ('advance'), may be closed from any open stage
 * with a reason ('close'), and a closed case may be reopened by a manager with a reason
 * ('reopen'). Nothing else changes a case's status.
 */
export const NEXT_STAGE = {
  reported: 'under_investigation',
  under_investigation: 'suspect_identified',
  suspect_identified: 'suspect_arrested',
  suspect_arrested: 'referred_to_court',
  // The step after referral is closing, which needs a reason: it is the 'close' move.
  referred_to_court: null,
  closed: null,
} as const satisfies Record<CaseStatus, CaseStatus | null>;

export const STATUS_MOVES = ['advance', 'close', 'reopen'] as const;
export type StatusMove = (typeof STATUS_MOVES)[number];

/** Who may make each move (with the case in their scope as well). */
export const MOVE_PERMISSION = {
  advance: 'cases:edit',
  close: 'cases:close',
  reopen: 'cases:reopen',
} as const satisfies Record<StatusMove, Permission>;

/** Why a closed case is taken up again: codes, so the timeline never carries free text. */
export const REOPEN_REASONS = ['new_evidence', 'new_suspect_information', 'appeal', 'closed_in_error', 'other'] as const;
export type ReopenReason = (typeof REOPEN_REASONS)[number];

export { CLOSE_REASONS, type CloseReason };

/** The stage a case returns to when reopened, if its stage before closing is unknown. */
export const DEFAULT_REOPEN_STAGE: CaseStatus = 'under_investigation';

/**
 * Where a move takes a case in `from`, or null when the lifecycle does not allow it.
 * `stageBeforeClose` (for 'reopen'): the stage the case was closed from, if known: a
 * reopened case goes back to where it was, so its arrests and referral still count.
 */
export function moveTarget(from: CaseStatus, move: StatusMove, stageBeforeClose?: string | null): CaseStatus | null {
  switch (move) {
    case 'advance':
      return NEXT_STAGE[from];
    case 'close':
      return from === 'closed' ? null : 'closed';
    case 'reopen': {
      if (from !== 'closed') return null;
      const back = CASE_STATUSES.find((s) => s === stageBeforeClose && s !== 'closed');
      return back ?? DEFAULT_REOPEN_STAGE;
    }
  }
}

/**
 * Where a recorded fact carries a case: an arrest to 'suspect_arrested', a first charge to
 * 'referred_to_court'. Only forward, and never out of 'closed' (a closed case is reopened
 * by a manager, with a reason): null when the case stays where it is.
 */
export function autoAdvanceTarget(from: CaseStatus, reached: 'suspect_arrested' | 'referred_to_court'): CaseStatus | null {
  if (from === 'closed') return null;
  return CASE_STATUSES.indexOf(reached) > CASE_STATUSES.indexOf(from) ? reached : null;
}

/** Prosecution statuses that end it: a verdict or a dismissal. 'appealed' is still open. */
export const DECIDED_PROSECUTION_STATUSES = ['convicted', 'acquitted', 'dismissed'] as const satisfies readonly ProsecutionStatus[];

/**
 * The close reason that matches a case's prosecutions once every one is decided: convicted
 * if anyone was, else acquitted if anyone was, else dismissed. Null while any is open or
 * there are none.
 */
export function closeReasonFromProsecutions(statuses: readonly ProsecutionStatus[]): CloseReason | null {
  if (statuses.length === 0) return null;
  if (!statuses.every((s) => (DECIDED_PROSECUTION_STATUSES as readonly string[]).includes(s))) return null;
  if (statuses.includes('convicted')) return 'convicted';
  if (statuses.includes('acquitted')) return 'acquitted';
  return 'dismissed';
}

/** The moves open to a case in this status (before permissions). */
export function availableMoves(from: CaseStatus): StatusMove[] {
  return STATUS_MOVES.filter((move) => moveTarget(from, move) !== null);
}

export function isCloseReason(value: unknown): value is CloseReason {
  return typeof value === 'string' && (CLOSE_REASONS as readonly string[]).includes(value);
}
