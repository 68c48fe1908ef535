import { z } from 'zod';

// Message keys under messages/*.json "twoStep".
const code = z.string({ error: 'codeRequired' }).trim().min(1, { error: 'codeRequired' }).max(64, { error: 'codeWrong' });

/** Making new recovery codes. */
export const twoStepCodeInput = z.object({ code });
export type TwoStepCodeInput = z.infer<typeof twoStepCodeInput>;

/**
 * Turning two-step on (the new authenticator's first code) or off (a current code): both with
 * the password, so a session taken over without it can neither lock the person out behind an
 * authenticator of the taker's nor take the second step away.
 */
export const passwordAndCodeInput = z.object({
  password: z.string({ error: 'passwordRequired' }).min(1, { error: 'passwordRequired' }).max(1024, { error: 'passwordWrong' }),
  code,
});
export type PasswordAndCodeInput = z.infer<typeof passwordAndCodeInput>;

export const startTwoStepInput = z.object({});
