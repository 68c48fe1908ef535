import { z } from 'zod';
import { ROLES, LOCALES } from '@/lib/vocabulary';

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
