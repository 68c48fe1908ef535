import { z } from 'zod';

/** Issue 7's rule: length only, no composition rules; common passwords are refused on the server. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

// Message keys under messages/*.json "passwordRules".
const newPassword = z
  .string({ error: 'required' })
  .min(PASSWORD_MIN, { error: 'tooShort' })
  .max(PASSWORD_MAX, { error: 'tooLong' });
const confirmation = z.string({ error: 'required' }).max(1024, { error: 'mismatch' });

/** The set-password page: the token from the link, a new password and its confirmation. */
export const setPasswordInput = z
  .object({ token: z.string().min(1).max(200), password: newPassword, confirm: confirmation })
  .refine((d) => d.password === d.confirm, { path: ['confirm'], error: 'mismatch' });
export type SetPasswordInput = z.infer<typeof setPasswordInput>;

/** My account: the current password, and the new one twice. */
export const changePasswordInput = z
  .object({ current: z.string({ error: 'required' }).min(1, { error: 'required' }).max(1024, { error: 'currentWrong' }), password: newPassword, confirm: confirmation })
  .refine((d) => d.password === d.confirm, { path: ['confirm'], error: 'mismatch' });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
