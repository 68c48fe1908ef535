import { describe, expect, it } from 'vitest';
import { changePasswordInput, setPasswordInput } from './password';
import { createUserInput } from './people';
import { fieldErrorsOf } from './field-errors';

const errorsOf = (result: { success: boolean; error?: Parameters<typeof fieldErrorsOf>[0] }) => (result.success ? {} : fieldErrorsOf(result.error!));
const token = 'a'.repeat(43);

describe('password forms', () => {
  it('12 to 128 characters, the confirmation must match; no composition rules', () => {
    expect(errorsOf(setPasswordInput.safeParse({ token, password: 'short', confirm: 'short' }))).toEqual({ password: 'tooShort' });
    expect(errorsOf(setPasswordInput.safeParse({ token, password: 'x'.repeat(129), confirm: 'x'.repeat(129) }))).toEqual({ password: 'tooLong' });
    expect(errorsOf(setPasswordInput.safeParse({ token, password: 'all lower case words', confirm: 'all lower case word' }))).toEqual({ confirm: 'mismatch' });
    expect(setPasswordInput.safeParse({ token, password: 'all lower case words', confirm: 'all lower case words' }).success).toBe(true);
    expect(errorsOf(changePasswordInput.safeParse({ current: '', password: 'all lower case words', confirm: 'all lower case words' }))).toEqual({ current: 'required' });
  });

  it('malformed input gives field errors, never a throw: arrays, numbers, NUL, right-to-left marks', () => {
    expect(() => setPasswordInput.safeParse({ token: ['x'], password: 12, confirm: null })).not.toThrow();
    expect(errorsOf(createUserInput.safeParse({ name: 'A\u0000B', email: 'a@b.org', role: 'admin', agencyId: '6f1c2a7e-8d1b-4c3a-9a55-1b2c3d4e5f60', locale: 'km' }))).toEqual({ name: 'invalid' });
    expect(errorsOf(createUserInput.safeParse({ name: ['x'], email: '\u202Eevil@x.org', role: 'root', agencyId: 'nope', locale: 'fr' })))
      .toEqual({ name: 'required', email: 'email', role: 'required', agencyId: 'required', locale: 'required' });
  });
});
