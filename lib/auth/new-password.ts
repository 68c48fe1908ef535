import 'server-only';
import { FieldValidationError } from '@/lib/errors';
import { PASSWORD_MAX, PASSWORD_MIN } from '@/lib/validation/password';
import { isCommonPassword } from './common-passwords';

/** The rules for a new password, checked again where it is written (message keys: "passwordRules"). */
export function assertAcceptablePassword(password: string, field: string): void {
  if (password.length < PASSWORD_MIN) throw new FieldValidationError({ [field]: 'tooShort' });
  if (password.length > PASSWORD_MAX) throw new FieldValidationError({ [field]: 'tooLong' });
  if (isCommonPassword(password)) throw new FieldValidationError({ [field]: 'common' });
}
