/** What the two-step sign-in forms get back from their actions. */
export type SecondStepState = {
  /** What was typed, kept in the field. */
  code?: string;
  error?: 'required' | 'wrong' | 'replayed' | 'expired' | 'throttled' | 'unavailable';
  reference?: string;
  /** Shown once, right after an enrolment is confirmed. */
  recoveryCodes?: string[];
};
