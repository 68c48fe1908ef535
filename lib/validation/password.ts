import { z } from 'zod';
import { ROLES, LOCALES } from '@/lib/vocabulary';

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

/** An admin adds a person: no password, they set it through a one-time link. Keys under "people.errors". */
export const createUserInput = z.object({
  // Control characters (NUL included, which PostgreSQL text refuses) are never part of a name.
  name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(200, { error: 'tooLong' }).regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'invalid' }),
  email: z.string({ error: 'required' }).trim().toLowerCase().min(1, { error: 'required' }).max(254, { error: 'tooLong' }).pipe(z.email({ error: 'email' })),
  role: z.enum(ROLES, { error: 'required' }),
  agencyId: z.uuid({ error: 'required' }),
  locale: z.enum(LOCALES, { error: 'required' }),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const changeRoleInput = z.object({ userId: z.uuid(), role: z.enum(ROLES, { error: 'required' }) });
export const userIdInput = z.object({ userId: z.uuid() });
export const sessionIdInput = z.object({ sessionId: z.uuid() });
