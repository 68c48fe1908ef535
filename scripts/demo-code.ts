import { DEMO_TOTP_SECRETS } from '../db/seed/organisation';
import { codeForStep, timeStep, TOTP_PERIOD_SECONDS } from '../lib/auth/totp';

// npm run demo:code -- manager   (or admin): the current sign-in code of a demo account.
// The demo secrets are published in the README; real accounts have their own.
const key = process.argv[2] ?? 'manager';
if (!(key in DEMO_TOTP_SECRETS)) {
  console.error(`Usage: npm run demo:code -- ${Object.keys(DEMO_TOTP_SECRETS).join('|')}`);
  process.exit(1);
}
const secret = DEMO_TOTP_SECRETS[key as keyof typeof DEMO_TOTP_SECRETS];
const now = Date.now();
const step = timeStep(now);
const left = TOTP_PERIOD_SECONDS - Math.floor(now / 1000) % TOTP_PERIOD_SECONDS;
console.log(`${key}: ${codeForStep(secret, step)}  (valid for ${left} more seconds; next: ${codeForStep(secret, step + 1)})`);
