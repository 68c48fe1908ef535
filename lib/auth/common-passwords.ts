import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';

let list: Set<string> | undefined;

function commonPasswords(): Set<string> {
  list ??= new Set(
    readFileSync(path.join(process.cwd(), 'lib/auth/common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#')),
  );
  return list;
}

// A listed password with a few digits or symbols added ("password1234") is just as guessable.
const ADDED_TAIL = /[0-9\s!-\/:-@[-`{-~]{1,6}$/;

/** Whether a password is in the shipped list of common passwords (lib/auth/common-passwords.txt). */
export function isCommonPassword(password: string): boolean {
  const lower = password.trim().toLowerCase();
  const known = commonPasswords();
  if (known.has(lower)) return true;
  const stem = lower.replace(ADDED_TAIL, '');
  return stem !== lower && stem.length >= 4 && known.has(stem);
}
