import { z } from 'zod';

// Message keys under messages/*.json "twoStep".
const code = z.string({ error: 'codeRequired' }).trim().min(1, { error: 'codeRequired' }).max(64, { error: 'codeWrong' });

/** Turning two-step on (confirming the new authenticator) and making new recovery codes. */
export const twoStepCodeInput = z.object({ code });
export type TwoStepCodeInput = z.infer<typeof twoStepCodeInput>;

/** Turning two-step off: the password and a current code. */
export const disableTwoStepInput = z.object({
  password: z.string({ error: 'passwordRequired' }).min(1, { error: 'passwordRequired' }).max(1024, { error: 'passwordWrong' }),
  code,
});
export type DisableTwoStepInput = z.infer<typeof disableTwoStepInput>;

export const startTwoStepInput = z.object({});
