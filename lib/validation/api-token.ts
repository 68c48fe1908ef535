import { z } from 'zod';

/** A token lives at most a year: a forgotten one stops working on its own. */
export const TOKEN_MAX_DAYS = 365;
export const TOKEN_EXPIRY_CHOICES = [30, 90, 180, 365] as const;

/** "New token" on My account. Message keys under "apiTokens.errors". */
export const createTokenInput = z.object({
  name: z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(100, { error: 'tooLong' }).regex(/^[^\u0000-\u001f\u007f]*$/, { error: 'invalid' }),
  expiresInDays: z.coerce.number({ error: 'expiry' }).int({ error: 'expiry' }).min(1, { error: 'expiry' }).max(TOKEN_MAX_DAYS, { error: 'expiry' }),
});
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const tokenIdInput = z.object({ tokenId: z.uuid() });
